import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SHOTS_DIR as SHOTS, seriousViolations, useChromiumPortico } from '../support/browser.js';
import { DEMO } from '../support/http-client.js';

// DNS is a stub: each name answers the CNAME targets set here, or ENODATA (no record). A lookup waits while `held` is
// set, so that the check's progress can be seen.
const records = new Map<string, string[]>();
let held: Promise<void> | undefined;
const resolver = {
  async resolveCname(hostname: string): Promise<string[]> {
    await held;
    const answer = records.get(hostname);
    if (!answer) throw Object.assign(new Error(`queryCname ENODATA ${hostname}`), { code: 'ENODATA' });
    return answer;
  },
};

describe("the console's portal-hostname panel in Chromium", () => {
  const chromium = useChromiumPortico({ resolver });

  async function shoot(page: Page, width: number, height: number): Promise<void> {
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width, height });
    await page.evaluate(() => document.getElementById('settings-hostname-title')?.scrollIntoView({ block: 'start' }));
    await page.mouse.move(0, 0);
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(SHOTS, `console-hostname-${width}.png`) });
  }

  it('shows the record to create and the state, and checks the DNS on demand with its progress', async () => {
    const { page, context, portico } = chromium;
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`http://localhost:${portico.port}/console/settings`);
    await page.getByRole('textbox', { name: 'Username' }).fill(DEMO.tech);
    await page.getByRole('textbox', { name: 'Password' }).fill('portico-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();

    const panel = page.getByRole('region', { name: 'DNS and status' });
    await panel.getByText('demo.portal.test').waitFor();
    await panel.getByText('No custom hostname is set').waitFor();
    expect(await panel.getByRole('button', { name: 'Check now' }).count()).toBe(0);

    // A custom hostname saved: the record to create appears, waiting for DNS, never checked.
    const address = page.getByRole('form', { name: 'Portal address' });
    await address.getByRole('textbox', { name: 'Custom hostname' }).fill('help.acmedental.example');
    await address.getByRole('button', { name: 'Save' }).click();
    await panel.getByText('Waiting for DNS').waitFor();
    await panel.getByText('Not checked yet').waitFor();
    const record = panel.getByRole('group', { name: 'DNS record to create' });
    expect(await record.getByRole('textbox', { name: 'Type' }).inputValue()).toBe('CNAME');
    expect(await record.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('help.acmedental.example');
    expect(await record.getByRole('textbox', { name: 'Target' }).inputValue()).toBe('demo.portal.test');
    await record.getByRole('button', { name: 'Copy the record target' }).click();
    await record.getByRole('status').filter({ hasText: 'Target copied to the clipboard.' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('demo.portal.test');

    // A record that points elsewhere: still waiting, with what the check found and when.
    records.set('help.acmedental.example', ['elsewhere.example.net.']);
    let release = () => {};
    held = new Promise((resolve) => (release = resolve));
    await panel.getByRole('button', { name: 'Check now' }).click();
    const busy = panel.getByRole('button', { name: 'Checking…' });
    await busy.waitFor();
    expect(await busy.isDisabled()).toBe(true);
    release();
    held = undefined;
    await panel.getByRole('status').filter({ hasText: 'Checked: Waiting for DNS.' }).waitFor();
    await panel.getByText('Last check found: the CNAME record of help.acmedental.example points to elsewhere.example.net, not to demo.portal.test').waitFor();
    expect(await panel.locator('time').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 1280, 800);
    await shoot(page, 390, 844);
    await page.setViewportSize({ width: 1280, height: 800 });

    // The record fixed: active.
    records.set('help.acmedental.example', ['demo.portal.test.']);
    await panel.getByRole('button', { name: 'Check now' }).click();
    await panel.getByRole('status').filter({ hasText: 'Checked: Active.' }).waitFor();
    await panel.getByText('The portal answers on the custom hostname.').waitFor();
    expect(await panel.getByText('Last check found').count()).toBe(0);
  });
});
