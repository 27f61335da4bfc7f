import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, headless: the only browser this machine and CI have. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Signs a demo user in through the portal's form, as a person does, and waits for the chat. */
export async function signInToChat(page: Page, port: number, username: string): Promise<void> {
  await page.goto(`http://localhost:${port}/`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('portico-demo');
  await page.getByLabel('Password').press('Enter');
  await page.locator('#chat-input').waitFor();
}
