import { describe, expect, it, jest } from '@jest/globals';
import { openConsole, seriousViolations, shoot, useChromiumPortico } from '../support/browser.js';
import { DEMO, loggedIn } from '../support/http-client.js';

// The console's Devices, Catalog and Knowledge base screens on the demo tenant, each change checked where the end user
// meets it. Each test signs in and scans with axe: slow on a busy machine, hence the longer limit.
jest.setTimeout(180_000);

const chromium = useChromiumPortico();

describe('console devices in Chromium', () => {
  it('looks right at 1280 and 390 pixels with the demo devices', async () => {
    await openConsole(chromium.page, chromium.portico.port, 'devices');
    await chromium.page.getByRole('row', { name: /ANNA-DESKTOP/ }).waitFor();
    await shoot(chromium.page, 'console-devices', 1280, 800);
    await shoot(chromium.page, 'console-devices', 390, 844);
    expect(await seriousViolations(chromium.page)).toEqual([]);
  });

  it("assigns a device to another contact, who then sees it in the portal", async () => {
    const { page, portico } = chromium;
    const tom = await loggedIn(portico.port, DEMO.tom);
    const devicesOfTom = async () => ((await tom.get('/api/v1/devices')).body.devices as { name: string }[]).map((device) => device.name);
    expect(await devicesOfTom()).not.toContain('ANNA-DESKTOP');

    await openConsole(chromium.page, chromium.portico.port, 'devices');
    await page.getByRole('button', { name: 'Assign ANNA-DESKTOP' }).click();
    const dialog = page.getByRole('dialog', { name: 'Assign ANNA-DESKTOP' });
    await dialog.getByRole('combobox', { name: 'Assigned to' }).selectOption({ label: `Tom Baker (${DEMO.tom})` });
    await dialog.getByRole('button', { name: 'Assign' }).click();
    await page.getByRole('status').filter({ hasText: 'ANNA-DESKTOP is assigned to Tom Baker.' }).waitFor();
    expect(await devicesOfTom()).toContain('ANNA-DESKTOP');
  });

  it('makes an enrollment token shown once with the install command, and revokes it', async () => {
    const { page, portico } = chromium;
    await openConsole(chromium.page, chromium.portico.port, 'devices');
    await page.getByRole('button', { name: 'New enrollment token' }).click();
    const dialog = page.getByRole('dialog', { name: 'New enrollment token' });
    await dialog.getByRole('combobox', { name: 'Company' }).selectOption({ label: 'Acme Dental' });
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Create token' }).click();
    const created = page.getByRole('alertdialog', { name: 'Enrollment token created' });
    const token = await created.getByRole('textbox', { name: 'Token' }).inputValue();
    expect(await created.getByRole('textbox', { name: /Install command/ }).inputValue()).toBe(
      `npx tsx device-agent/cli.ts enroll --server http://localhost:${portico.port} --token ${token}`,
    );
    await created.getByRole('button', { name: 'Done' }).click();

    const row = page.getByRole('row', { name: /Acme Dental.*Active/ });
    await row.waitFor();
    await row.getByRole('button', { name: /Revoke the token for Acme Dental/ }).click();
    await page.getByRole('alertdialog', { name: 'Revoke this token?' }).getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('row', { name: /Acme Dental.*Revoked/ }).waitFor();
  });
});

describe('console catalog in Chromium', () => {
  it('looks right at 1280 and 390 pixels with the demo catalog', async () => {
    await openConsole(chromium.page, chromium.portico.port, 'catalog');
    await chromium.page.getByRole('row', { name: /Visual Studio Code/ }).waitFor();
    await shoot(chromium.page, 'console-catalog', 1280, 800);
    await shoot(chromium.page, 'console-catalog', 390, 844);
    expect(await seriousViolations(chromium.page)).toEqual([]);
    await chromium.page.getByRole('button', { name: 'Edit Visual Studio Code' }).click();
    expect(await seriousViolations(chromium.page)).toEqual([]);
  });

  it("disables an app, which leaves the user's self-service catalog, and adds one with its package ids", async () => {
    const { page, portico } = chromium;
    const anna = await loggedIn(portico.port, DEMO.anna);
    const [device] = (await anna.get('/api/v1/devices')).body.devices as { id: string }[];
    const offered = async () => ((await anna.get(`/api/v1/selfservice/catalog?deviceId=${device!.id}`)).body.apps as { name: string }[]).map((app) => app.name);
    expect(await offered()).toContain('VLC media player');

    await openConsole(chromium.page, chromium.portico.port, 'catalog');
    const vlc = page.getByRole('switch', { name: 'VLC media player enabled' });
    await vlc.click();
    await page.getByRole('status').filter({ hasText: 'VLC media player is disabled' }).waitFor();
    expect(await vlc.isChecked()).toBe(false);
    expect(await offered()).not.toContain('VLC media player');

    await page.getByRole('button', { name: 'Add app' }).click();
    const dialog = page.getByRole('dialog', { name: 'New app' });
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Obsidian');
    await dialog.getByRole('textbox', { name: 'Publisher' }).fill('Dynalist');
    await dialog.getByRole('textbox', { name: /Chocolatey/ }).fill('obsidian');
    await dialog.getByRole('textbox', { name: /Homebrew/ }).fill('obsidian');
    await dialog.getByRole('checkbox', { name: /Homebrew cask/ }).check();
    await dialog.getByRole('button', { name: 'Add app' }).click();
    await page.getByRole('row', { name: /Obsidian/ }).waitFor();
    expect(await offered()).toContain('Obsidian');
  });

  it("asks before deleting and shows the server's refusal for an app devices have requested", async () => {
    const { page } = chromium;
    await openConsole(chromium.page, chromium.portico.port, 'catalog');
    await page.getByRole('button', { name: 'Delete 7-Zip' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete 7-Zip?' });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await confirm.getByRole('alert').filter({ hasText: 'Disable it instead' }).waitFor();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('row', { name: /7-Zip/ }).waitFor();
  });
});
