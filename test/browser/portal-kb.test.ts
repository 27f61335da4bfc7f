import type { BrowserContext, Page } from 'playwright-core';
import { seriousViolations, signInToChat, useChromiumPortico } from '../support/browser.js';
import { DEMO, loggedIn } from '../support/http-client.js';
import type { TestPortico } from '../support/portico.js';

describe('the Knowledge base tab in Chromium', () => {
  const ui = useChromiumPortico();
  let portico: TestPortico;
  let context: BrowserContext;
  let page: Page;
  beforeEach(() => ({ portico, context, page } = ui));

  const serious = () => seriousViolations(page);

  it('shows popular articles, searches as the user types, opens an article and records whether it helped', async () => {
    await signInToChat(page, portico.port, DEMO.tom);
    await page.getByRole('tab', { name: 'Knowledge base' }).click();
    await page.getByRole('heading', { name: 'Popular articles' }).waitFor();
    // The heading is drawn while the list still loads.
    await page.locator('#kb .kb-results a').first().waitFor();

    await page.getByRole('searchbox', { name: 'Search articles' }).pressSequentially('vpn');
    await page.getByRole('heading', { name: 'Results' }).waitFor();
    const result = page.locator('#kb .kb-results li', { hasText: 'Connect to the company VPN' });
    await result.waitFor();
    await expect(result.locator('mark').count()).resolves.toBeGreaterThan(0);
    expect(await serious()).toEqual([]);

    await result.getByRole('link', { name: 'Connect to the company VPN' }).click();
    await page.getByRole('heading', { name: 'Connect to the company VPN', level: 2 }).waitFor();
    await expect(page.locator('.kb-article-body').innerText()).resolves.toContain('secure tunnel');
    expect(await serious()).toEqual([]);
    const tech = await loggedIn(portico.port, DEMO.tech);
    const before = (await tech.get('/api/v1/kb/articles/connect-to-the-vpn')).body.helpful as number;
    await page.getByRole('group', { name: 'Was this article helpful?' }).getByRole('button', { name: 'Yes' }).click();
    await page.getByRole('status').filter({ hasText: 'Thank you for your answer.' }).waitFor();
    expect((await tech.get('/api/v1/kb/articles/connect-to-the-vpn')).body.helpful).toBe(before + 1);

    await page.getByRole('button', { name: 'Back to the articles' }).click();
    await expect(page.getByRole('searchbox', { name: 'Search articles' }).inputValue()).resolves.toBe('vpn');
  });

  it('opens a source of the assistant’s answer in the Knowledge base tab, and an article’s address opens it there too', async () => {
    await signInToChat(page, portico.port, DEMO.tom);
    await page.getByRole('button', { name: 'New conversation' }).click();
    await page.keyboard.type('How do I set up the VPN?');
    await page.keyboard.press('Enter');
    const source = page.getByRole('log').locator('.msg-assistant .sources a').first();
    await source.waitFor();
    // A source in another language than Tom's says which; his own language goes without saying.
    const sources = page.getByRole('log').locator('.sources li');
    await expect(sources.filter({ hasText: 'VPN-Verbindung ist langsam' }).locator('[lang="de"]').innerText()).resolves.toBe('Deutsch');
    await expect(sources.filter({ hasText: 'Connect to the company VPN' }).locator('.kb-lang').count()).resolves.toBe(0);
    const title = (await source.evaluate((a) => a.firstChild?.textContent ?? '')).trim();
    await source.click();
    await expect(page.getByRole('tab', { name: 'Knowledge base' }).getAttribute('aria-selected')).resolves.toBe('true');
    await page.getByRole('heading', { name: title, level: 2 }).waitFor();
    expect(context.pages().length).toBe(1);

    await page.goto(`http://localhost:${portico.port}/kb/connect-to-the-vpn`);
    await page.getByRole('heading', { name: 'Connect to the company VPN', level: 2 }).waitFor();
  });
});
