import type { Page } from 'playwright-core';
import { t } from '../../i18n/translate.js';
import { seriousViolations, signInToChat, useChromiumPortico } from '../support/browser.js';
import { DEMO, loggedIn } from '../support/http-client.js';
import type { TestPortico } from '../support/portico.js';

describe('the Settings tab in Chromium', () => {
  const ui = useChromiumPortico();
  let portico: TestPortico;
  let page: Page;
  beforeEach(() => ({ portico, page } = ui));

  const me = () => page.evaluate(() => fetch('/api/v1/me').then((r) => r.json())) as Promise<{ user: { language: string } }>;

  it('switches Tom to Italiano at once, keeps it after a reload, and the assistant answers in Italian', async () => {
    await signInToChat(page, portico.port, DEMO.tom);
    await page.getByRole('tab', { name: 'Settings' }).click();
    const language = page.getByRole('combobox', { name: 'Language' });
    await expect(language.locator('option').allInnerTexts()).resolves.toEqual(['English', 'Français', 'Deutsch', 'Español', 'Italiano']);
    await expect(language.inputValue()).resolves.toBe('en');
    expect(await seriousViolations(page)).toEqual([]);

    await language.selectOption({ label: 'Italiano' });
    // The UI speaks Italian without a reload, the tab still open, and the choice is saved on Tom's record.
    await page.getByRole('tab', { name: 'Assistente' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('it');
    await expect(page.getByRole('tab', { name: 'Impostazioni' }).getAttribute('aria-selected')).resolves.toBe('true');
    await page.getByRole('status').filter({ hasText: 'Salvato.' }).waitFor();
    await expect(me()).resolves.toMatchObject({ user: { language: 'it' } });

    await page.reload();
    await page.getByRole('heading', { name: "Chat con l'assistente" }).waitFor();
    await page.getByRole('button', { name: 'Nuova conversazione' }).click();
    await page.keyboard.type('grazie');
    await page.keyboard.press('Enter');
    await page.getByRole('log').locator('.msg-assistant').filter({ hasText: t('it', 'assistant.thanks') }).waitFor();
  });

  it('switches back to English from the Italian UI', async () => {
    await signInToChat(page, portico.port, DEMO.tom);
    await page.getByRole('tab', { name: 'Impostazioni' }).click();
    await page.getByRole('combobox', { name: 'Lingua' }).selectOption({ label: 'English' });
    await page.getByRole('tab', { name: 'Assistant' }).waitFor();
    await expect(me()).resolves.toMatchObject({ user: { language: 'en' } });
  });

  it('shows the tenant’s branding: its name and logo in the header, its colour, and its greeting in the empty chat', async () => {
    const tech = await loggedIn(portico.port, DEMO.tech);
    const branding = { name: 'Acme IT Help', logoUrl: '/favicon-test.png', color: '#ffcc00', greeting: 'Welcome to Acme IT! How can we help?' };
    expect((await tech.patch('/api/v1/admin/settings', { branding })).status).toBe(200);
    try {
      const { color } = (await tech.get('/api/v1/portal/branding')).body as { color: string };
      await page.goto(`http://localhost:${portico.port}/`);
      const header = page.getByRole('banner');
      await header.getByText('Acme IT Help').waitFor();
      await expect(page.title()).resolves.toBe('Acme IT Help');
      await expect(header.locator('img').getAttribute('src')).resolves.toBe('/favicon-test.png');
      // The colour as the server made it readable under white text, not the admin's pale yellow.
      const background = await header.evaluate((el) => getComputedStyle(el).backgroundColor);
      const hex = `#${(background.match(/\d+/g) ?? []).slice(0, 3).map((c) => Number(c).toString(16).padStart(2, '0')).join('')}`;
      expect(hex).toBe(color);
      expect(color).not.toBe('#ffcc00');
      await signInToChat(page, portico.port, DEMO.tom);
      await page.getByRole('button', { name: 'New conversation' }).click();
      await page.getByText('Welcome to Acme IT! How can we help?').waitFor();
    } finally {
      await tech.patch('/api/v1/admin/settings', { branding: { name: null, logoUrl: null, color: '#1d4ed8', greeting: null } });
    }
  });
});
