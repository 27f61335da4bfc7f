// The README's screenshots of each tab, at a desktop's and a phone's width, from the demo data:
//   npx tsx test/browser/screenshots.ts
// writes docs/screenshots/<tab>-<width>.png. Run it again after changing how the portal looks.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { createTemplateDataDir } from '../support/create-template.js';
import { DEMO } from '../support/http-client.js';
import { startTestPortico } from '../support/portico.js';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots');
const WIDTHS = [
  { width: 1280, height: 1200 },
  { width: 390, height: 844 },
];

async function signIn(page: Page, port: number, username: string): Promise<void> {
  await page.goto(`http://localhost:${port}/`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('portico-demo');
  await page.getByLabel('Password').press('Enter');
  await page.locator('#chat-input').waitFor();
}

async function ask(page: Page, text: string): Promise<void> {
  const before = await page.locator('.msg-assistant').count();
  await page.locator('#chat-input').fill(text);
  await page.keyboard.press('Enter');
  await page.locator('.msg-assistant').nth(before).waitFor();
  await page.waitForFunction(() => document.querySelector('#chat-typing')?.textContent === '');
}

async function shoot(page: Page, name: string): Promise<void> {
  const { width } = page.viewportSize()!;
  // Nothing caught mid-transition, and no caret, hover or focus ring that depends on timing.
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(OUT, `${name}-${width}.png`) });
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await createTemplateDataDir();
  const [portico, browser] = await Promise.all([
    startTestPortico(),
    chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu'] }),
  ]);
  try {
    for (const viewport of WIDTHS) {
      const context = await browser.newContext({ locale: 'en-US', viewport, deviceScaleFactor: 1, reducedMotion: 'reduce' });
      const page = await context.newPage();
      await signIn(page, portico.port, DEMO.tom);
      await page.getByRole('button', { name: 'New conversation' }).click();
      await ask(page, 'How do I connect to the company VPN?');
      await ask(page, 'restart my laptop');
      await page.locator('.action-card').waitFor();
      // On a desktop, the cited answer from its first line and the action card below it; on a phone, from its sources
      // to the card.
      await page.getByRole('log').evaluate((log: HTMLElement, phone) => {
        const answer = log.querySelector<HTMLElement>('.msg-assistant')!;
        log.scrollTop = phone ? log.scrollHeight : answer.offsetTop - log.offsetTop - 8;
      }, viewport.width < 600);
      await shoot(page, 'assistant');

      await page.getByRole('tab', { name: 'Tickets' }).click();
      await page.locator('#tickets-table tbody tr').first().waitFor();
      await shoot(page, 'tickets');
      await page.locator('#tickets-table tbody a').first().click();
      await page.locator('.ticket-detail').waitFor();
      await shoot(page, 'ticket-detail');

      await page.getByRole('tab', { name: 'Knowledge base' }).click();
      await page.getByRole('searchbox', { name: 'Search articles' }).fill('vpn');
      await page.getByRole('link', { name: /Connect to the company VPN/ }).click();
      await page.locator('.kb-article-body').waitFor();
      await shoot(page, 'knowledge-base');

      await page.getByRole('tab', { name: 'Settings' }).click();
      await page.getByRole('combobox', { name: 'Language' }).waitFor();
      await shoot(page, 'settings');
      await context.close();
    }
  } finally {
    await browser.close();
    await portico.close();
  }
}

await main();
