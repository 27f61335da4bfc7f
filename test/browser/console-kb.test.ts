import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, jest } from '@jest/globals';
import { DEMO } from '../support/http-client.js';
import { openConsole as openConsoleAs, SHOTS_DIR as SHOTS, seriousViolations, signInToChat, useChromiumPortico } from '../support/browser.js';

// The console's Knowledge base screen on the demo tenant: an article written here is what end users find in the
// portal, rendered as the preview showed it. Each test signs in and scans with axe: slow on a busy machine.
jest.setTimeout(180_000);

const chromium = useChromiumPortico();

const ARTICLE = {
  title: 'Reset the Quibbleflux badge printer',
  body: [
    'The badge printer at reception stops when its ribbon runs out or a card jams.',
    '',
    '## Before you start',
    '',
    '- Have a **new ribbon** ready if the light blinks red.',
    '- Keep the printer switched on.',
    '',
    '## Steps',
    '',
    '1. Open the front cover and take out any stuck card.',
    '2. Hold the **Reset** button for five seconds.',
    '3. Print a test badge from [the badge page](https://badges.example.com).',
  ].join('\n'),
};

const openConsole = (screen: string) => openConsoleAs(chromium.page, chromium.portico.port, screen);

async function shoot(name: string, width: number, height: number): Promise<void> {
  const { page } = chromium;
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width, height });
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`) });
}

describe('console knowledge base in Chromium', () => {
  it('writes an article with a live preview, which an end user then finds in the portal', async () => {
    const { page, portico, browser } = chromium;
    await openConsole('kb');
    await page.getByRole('table').getByRole('row').nth(1).waitFor();
    await page.getByRole('link', { name: 'Write an article' }).click();
    await page.getByRole('heading', { name: 'New article', level: 1 }).waitFor();

    await page.getByRole('textbox', { name: 'Title' }).fill(ARTICLE.title);
    const tags = page.getByRole('textbox', { name: 'Tags' });
    await tags.fill('printer');
    await tags.press('Enter');
    await tags.fill('reception');
    await tags.press('Enter');
    await page.getByRole('textbox', { name: 'Text (Markdown)' }).fill(ARTICLE.body);
    const preview = page.getByRole('tabpanel', { name: 'Preview' });
    await preview.getByRole('heading', { name: 'Before you start', level: 2 }).waitFor();
    expect(await preview.getByRole('link', { name: 'the badge page' }).getAttribute('rel')).toBe('noopener noreferrer');
    expect(await seriousViolations(page)).toEqual([]);
    await shoot('console-kb-editor', 1280, 900);

    // On a phone the text and its preview are two tabs.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('tab', { name: 'Preview' }).click();
    await preview.getByRole('heading', { name: 'Steps', level: 2 }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Text (Markdown)' }).isVisible()).toBe(false);
    await page.getByRole('tab', { name: 'Write' }).click();
    await shoot('console-kb-editor', 390, 844);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Ctrl+S publishes; the address becomes the article's own.
    await page.getByRole('textbox', { name: 'Text (Markdown)' }).press('Control+s');
    await page.getByRole('status').filter({ hasText: `“${ARTICLE.title}” is published.` }).waitFor();
    await page.waitForURL(/\/console\/kb\/[0-9a-f-]{36}$/);

    const user = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    try {
      const portal = await user.newPage();
      await signInToChat(portal, portico.port, DEMO.tom);
      await portal.getByRole('tab', { name: 'Knowledge base' }).click();
      await portal.getByRole('searchbox', { name: 'Search articles' }).pressSequentially('quibbleflux badge printer');
      await portal.getByRole('link', { name: ARTICLE.title }).click();
      await portal.locator('.kb-article-body').getByRole('heading', { name: 'Before you start', level: 2 }).waitFor();
      expect(await portal.locator('.kb-article-body').innerHTML()).toBe(await preview.locator('.kb-article-body').innerHTML());
    } finally {
      await user.close();
    }
  });

  it('lists articles with their filters in the address, and asks before leaving unsaved changes or deleting', async () => {
    const { page } = chromium;
    await openConsole('kb');
    await page.getByRole('table').getByRole('row').nth(1).waitFor();
    expect(await page.getByRole('link', { name: 'Knowledge base' }).getAttribute('aria-current')).toBe('page');
    expect(await seriousViolations(page)).toEqual([]);
    await shoot('console-kb-list', 1280, 900);
    await shoot('console-kb-list', 390, 844);
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Français' });
    await page.waitForURL(/\/console\/kb\?language=fr$/);
    const rows = page.getByRole('table').getByRole('row');
    await page.getByRole('table').locator('[lang="en"]').first().waitFor({ state: 'detached' });
    expect(await rows.count()).toBeGreaterThan(1);
    await page.getByRole('searchbox', { name: 'Search' }).fill('zzzz-nothing');
    await page.getByText('No article matches these filters.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL(/\/console\/kb$/);

    await page.getByRole('searchbox', { name: 'Search' }).fill('company vpn');
    await page.waitForURL(/\/console\/kb\?q=company\+vpn$/);
    await page.getByRole('link', { name: 'Connect to the company VPN' }).click();
    const title = page.getByRole('textbox', { name: 'Title' });
    await expect(title.inputValue()).resolves.toBe('Connect to the company VPN');
    await title.fill('Connect to the VPN, edited');
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByRole('link', { name: 'Catalog' }).click();
    await page.getByRole('heading', { name: 'Edit article' }).waitFor();
    expect(await title.inputValue()).toBe('Connect to the VPN, edited');
    await title.fill('Connect to the company VPN');

    await page.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete “Connect to the company VPN”?' });
    await confirm.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL(/\/console\/kb$/);
    await page.getByRole('searchbox', { name: 'Search' }).fill('company vpn');
    await page.getByText('No article matches these filters.').waitFor();
  });

  it("opens the Analytics screen's 'Write an article' shortcut as a prefilled editor", async () => {
    const { page } = chromium;
    await openConsole('analytics');
    const write = page.getByRole('link', { name: /^Write an article: / }).first();
    const suggested = new URL((await write.getAttribute('href'))!, 'http://x').searchParams;
    await write.click();
    await page.getByRole('heading', { name: 'New article', level: 1 }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Title' }).inputValue()).toBe(suggested.get('title'));
    expect(await page.getByRole('combobox', { name: 'Language' }).inputValue()).toBe(suggested.get('lang'));
  });

  it('imports a Markdown file through the upload and reports what it did', async () => {
    const { page } = chromium;
    await openConsole('kb');
    await page.getByRole('button', { name: 'Import articles' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import articles' });
    await dialog.getByLabel('Files').setInputFiles({
      name: 'badge-reader.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('---\ntitle: The badge reader does not beep\nlang: en\ntags: [badge]\n---\n\n## Check the cable\n\nPlug it into another port.\n'),
    });
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Upload' }).click();
    await dialog.getByRole('status').filter({ hasText: '1 article created' }).waitFor();
    expect(await dialog.getByRole('status').innerText()).toContain('0 files skipped');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('row', { name: /The badge reader does not beep/ }).waitFor();
  });
});
