import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { DEMO } from '../support/http-client.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

describe('portal shell in Chromium', () => {
  let portico: TestPortico;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [portico, browser] = await Promise.all([startTestPortico(), launchChromium()]);
  });
  afterAll(async () => {
    await browser.close();
    await portico.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'en-US' });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  const signIn = async (username: string, password = 'portico-demo') => {
    await page.goto(`http://localhost:${portico.port}/`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByLabel('Password').press('Enter');
  };
  /** The chat is the main view after sign-in; the tickets are the second tab. */
  const openTickets = async () => {
    await page.locator('#tab-tickets').click();
  };

  it('signs in with the keyboard and lists the user’s tickets', async () => {
    await signIn(DEMO.tom);
    await openTickets();
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    const rows = page.locator('#tickets-table tbody tr');
    // The heading shows while the list loads.
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(2);
    await expect(page.locator('#tickets-table').innerText()).resolves.toContain('Outlook keeps asking for my password');
    await expect(page.locator('#who').innerText()).resolves.toBe('Tom Baker');
  });

  it('shows a primary contact the company’s tickets, in her language', async () => {
    await signIn(DEMO.anna);
    await openTickets();
    await page.getByRole('heading', { name: 'Ticket della mia azienda' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('it');
    const table = await page.locator('#tickets-table').innerText();
    expect(table).toContain('Printer on the second floor jams');
    expect(table).toContain('In attesa');
    expect(table).not.toContain('lecteur partagé');
  });

  it('says why a sign-in failed, where a screen reader hears it', async () => {
    await signIn(DEMO.luc, 'wrong-password');
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: /\S/ }).waitFor();
    await expect(alert.innerText()).resolves.toBe('The username or password is incorrect.');
    await expect(page.locator('#tickets').isHidden()).resolves.toBe(true);
  });

  it('signs out and back to the form', async () => {
    await signIn(DEMO.luc);
    await openTickets();
    await page.getByRole('heading', { name: 'Mes tickets' }).waitFor();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    // The form stays in the language of the user who just left.
    await page.getByLabel("Nom d'utilisateur").waitFor();
    const me = await page.evaluate(() => fetch('/api/v1/me').then((r) => r.status));
    expect(me).toBe(401);
  });

  it('goes back to the form when the session is signed out in another window', async () => {
    await signIn(DEMO.tom);
    await page.locator('#chat-input').waitFor();
    await page.waitForFunction(() => document.querySelector('#chat-connection')?.hasAttribute('hidden'));
    const other = await context.newPage();
    await other.goto(`http://localhost:${portico.port}/`);
    await other.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Username').waitFor();
    await expect(page.locator('#chat').count()).resolves.toBe(0);
  });

  it('has no serious accessibility violations on either view', async () => {
    await page.goto(`http://localhost:${portico.port}/`);
    await page.getByLabel('Username').waitFor();
    const loginScan = await new AxeBuilder({ page }).analyze();
    await signIn(DEMO.tom);
    await openTickets();
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    const listScan = await new AxeBuilder({ page }).analyze();
    const serious = [...loginScan.violations, ...listScan.violations].filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
