import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, openConsole, seriousViolations, shoot, SHOTS_DIR } from '../support/browser.js';
import { DEMO, HttpClient } from '../support/http-client.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';
import { SmtpInbox } from '../support/smtp-inbox.js';

// The console's Contacts and Companies screens on a Portico that sends its emails to a real SMTP server on loopback:
// a contact created in the console receives the welcome email, in their language, whose password signs in. Each test
// signs in, hashes new passwords and scans with axe: slow on a busy machine, hence the longer limit.
jest.setTimeout(180_000);

let inbox: SmtpInbox;
let portico: TestPortico;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  inbox = await SmtpInbox.start();
  [portico, browser] = await Promise.all([startTestPortico({ env: { SMTP_URL: inbox.url } }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await portico?.close();
  await inbox?.close();
});
beforeEach(async () => {
  context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://localhost:${portico.port}` });
  page = await context.newPage();
});
afterEach(() => context?.close());

/** The email address's contact signs in at the portal with a password, as a person does. */
async function signsInToPortal(username: string, password: string): Promise<void> {
  const portal = await browser.newContext({ locale: 'fr-FR' });
  try {
    const user = await portal.newPage();
    await user.goto(`http://localhost:${portico.port}/`);
    await user.getByLabel(/Nom d'utilisateur|Username/).fill(username);
    await user.getByLabel(/Mot de passe|Password/).fill(password);
    await user.getByLabel(/Mot de passe|Password/).press('Enter');
    await user.locator('#chat-input').waitFor();
  } finally {
    await portal.close();
  }
}

describe('console contacts in Chromium', () => {
  it('looks right at 1280 and 390 pixels with the demo contacts', async () => {
    await openConsole(page, portico.port, 'contacts');
    await page.getByRole('button', { name: 'Anna Bianchi' }).waitFor();
    await shoot(page, 'console-contacts', 1280, 800);
    await shoot(page, 'console-contacts', 390, 844);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('creates a contact whose credentials show once, whose welcome email arrives in French and whose password signs in at /', async () => {
    await openConsole(page, portico.port, 'contacts');
    await page.getByRole('cell', { name: /Anna Bianchi/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const opener = page.getByRole('button', { name: 'New contact' });
    await opener.click();
    const form = page.getByRole('dialog', { name: 'New contact' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Élodie Moreau');
    await form.getByRole('textbox', { name: 'Email' }).fill('elodie.moreau@acmedental.example');
    await form.getByRole('combobox', { name: 'Company' }).selectOption({ label: 'Acme Dental' });
    await form.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Français' });
    await form.getByRole('checkbox', { name: 'Primary contact of the company' }).check();
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Create contact' }).click();

    const shown = page.getByRole('alertdialog', { name: 'Contact created' });
    await shown.waitFor();
    const username = await shown.getByRole('textbox', { name: 'Username' }).inputValue();
    const password = await shown.getByRole('textbox', { name: 'Password' }).inputValue();
    expect(username).toBe('elodie.moreau@acmedental.example');
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(await shown.innerText()).toContain('The password is shown only now.');
    expect(await shown.innerText()).toContain('on its way to elodie.moreau@acmedental.example, in Français');
    // Focus starts inside the dialog, on copying the password.
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('Copy password');
    await shown.getByRole('button', { name: 'Copy password' }).click();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(password);
    await shown.getByRole('status').filter({ hasText: 'Password copied' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'console-contacts-credentials', 1280, 800);
    await shoot(page, 'console-contacts-credentials', 390, 844);
    await page.setViewportSize({ width: 1280, height: 800 });

    // Escape closes it, focus returns to the button that opened it, and the password is nowhere on the page again.
    await page.keyboard.press('Escape');
    await shown.waitFor({ state: 'detached' });
    await expect(opener.evaluate((button) => button === document.activeElement)).resolves.toBe(true);
    await page.getByRole('button', { name: 'Élodie Moreau' }).click();
    const details = page.getByRole('dialog', { name: 'Élodie Moreau' });
    expect(await details.innerText()).toContain('Français');
    expect(await page.content()).not.toContain(password);
    await page.keyboard.press('Escape');

    const email = await inbox.waitFor('elodie.moreau@acmedental.example');
    expect(email.subject).toBe("Votre accès au portail d'assistance Demo MSP");
    expect(email.text).toContain('Bonjour Élodie Moreau');
    expect(email.text).toContain("Nom d'utilisateur : elodie.moreau@acmedental.example");
    expect(email.text).toContain(`Mot de passe : ${password}`);
    await signsInToPortal(username, password);
  });

  it('finds contacts by search, resets a password and sends it, and resets two-step verification, each after a question', async () => {
    const admin = new HttpClient(portico.port);
    await admin.login(DEMO.tech);
    const acme = (await admin.get('/api/v1/admin/companies')).body.companies.find((c: { name: string }) => c.name === 'Acme Dental');
    const created = await admin.post('/api/v1/admin/contacts', { name: 'Jonas Weber', email: 'jonas.weber@acmedental.example', companyId: acme.id, language: 'de' });
    expect(created.status).toBe(201);
    const first = await inbox.waitFor('jonas.weber@acmedental.example');
    const jonas = new HttpClient(portico.port);
    expect((await jonas.post('/api/v1/auth/login', { username: 'jonas.weber@acmedental.example', password: created.body.password })).status).toBe(200);
    expect((await jonas.send('PUT', '/api/v1/me/phone', { json: { phone: '+49 151 23456789' } })).status).toBe(200);

    await openConsole(page, portico.port, 'contacts');
    await page.getByRole('searchbox', { name: 'Search contacts' }).fill('jonas');
    await page.getByRole('button', { name: 'Jonas Weber' }).waitFor();
    await page.getByRole('button', { name: 'Anna Bianchi' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Jonas Weber' }).click();
    const details = page.getByRole('dialog', { name: 'Jonas Weber' });
    expect(await details.innerText()).toContain('Deutsch');

    // Cancel asks nothing of the server; the question's first focus is Cancel.
    await details.getByRole('button', { name: 'Reset password and send' }).click();
    const question = page.getByRole('alertdialog', { name: 'Reset the password of Jonas Weber?' });
    await question.waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Cancel');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    await details.waitFor();
    await details.getByRole('button', { name: 'Reset password and send' }).click();
    await question.getByRole('button', { name: 'Reset and send' }).click();
    await details.getByRole('status').filter({ hasText: 'A new password is on its way to jonas.weber@acmedental.example.' }).waitFor();
    const deadline = Date.now() + 15_000;
    while (inbox.received.filter((e) => e.to.includes('jonas.weber@acmedental.example')).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const second = inbox.received.filter((e) => e.to.includes('jonas.weber@acmedental.example'))[1]!;
    expect(second.subject).toBe(first.subject);
    const newPassword = /Passwort: (\S+)/.exec(second.text)![1]!;
    expect(newPassword).not.toBe(created.body.password);
    expect((await new HttpClient(portico.port).post('/api/v1/auth/login', { username: 'jonas.weber@acmedental.example', password: created.body.password })).status).toBe(401);

    await details.getByRole('button', { name: 'Reset two-step verification' }).click();
    const phoneQuestion = page.getByRole('alertdialog', { name: 'Reset two-step verification for Jonas Weber?' });
    expect(await phoneQuestion.innerText()).toContain('+49');
    await phoneQuestion.getByRole('button', { name: 'Remove the phone' }).click();
    await details.getByRole('status').filter({ hasText: 'The phone of Jonas Weber was removed.' }).waitFor();
    expect(await details.getByRole('button', { name: 'Reset two-step verification' }).count()).toBe(0);
    const listed = (await admin.get('/api/v1/admin/contacts?q=jonas')).body.contacts[0];
    expect(listed.phone).toBeNull();

    // Editing: a new name, language and primary flag, and a first phone, which a technician may give.
    await details.getByRole('button', { name: 'Edit details' }).click();
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement).value)).resolves.toBe('Jonas Weber');
    await details.getByRole('textbox', { name: 'Name' }).fill('Jonas Weber-Lang');
    await details.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'English' });
    await details.getByRole('checkbox', { name: 'Primary contact of the company' }).check();
    await details.getByRole('textbox', { name: 'Mobile phone (optional)' }).fill('+49 151 11122233');
    expect(await seriousViolations(page)).toEqual([]);
    await details.getByRole('button', { name: 'Save' }).click();
    const renamed = page.getByRole('dialog', { name: 'Jonas Weber-Lang' });
    await renamed.getByRole('status').filter({ hasText: 'The details of Jonas Weber-Lang were saved.' }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Edit details');
    expect(await renamed.innerText()).toContain('+4915111122233');
    const edited = (await admin.get('/api/v1/admin/contacts?q=jonas')).body.contacts[0];
    expect(edited).toMatchObject({ name: 'Jonas Weber-Lang', language: 'en', primary: true, phone: '+4915111122233' });
    await page.keyboard.press('Escape');
    await page.getByRole('row').filter({ hasText: 'Jonas Weber-Lang' }).filter({ hasText: 'English' }).waitFor();
  });

  it('imports contacts from a CSV file: a preview of its first rows, a progress bar, and a report per row with the reasons', async () => {
    const people = Array.from({ length: 12 }, (_, index) => `Import Person ${index + 1};import.person${index + 1}@rossilogistics.example;;de;;`);
    const csv = ['Full name;E-mail;Company;Language;Mobile;Primary', 'Nina Keller;nina.keller@acmedental.example;Acme Dental;de;;yes', ...people, 'Tom Again;tom.baker@acmedental.example;;;;', 'No Where;no.where@unknown.example;;;;'].join('\r\n');
    await openConsole(page, portico.port, 'contacts');
    await page.getByRole('button', { name: 'Import CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import contacts from CSV' });
    await dialog.getByLabel('CSV file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await dialog.getByText('people.csv: 15 rows. The first ones:').waitFor();
    const preview = dialog.getByRole('table', { name: 'First rows of the file' });
    expect(await preview.getByRole('columnheader').allTextContents()).toEqual(['Full name', 'E-mail', 'Company', 'Language', 'Mobile', 'Primary']);
    expect(await preview.getByRole('row').count()).toBe(6);
    expect(await preview.innerText()).toContain('nina.keller@acmedental.example');
    expect(await seriousViolations(page)).toEqual([]);

    await dialog.getByRole('button', { name: 'Import 15 contacts' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Import finished: 13 created, 2 skipped.' }).waitFor({ timeout: 60_000 });
    const bar = dialog.getByRole('progressbar');
    expect(await bar.evaluate((progress: HTMLProgressElement) => [progress.value, progress.max])).toEqual([15, 15]);
    const report = dialog.getByRole('table', { name: 'Report per row' });
    expect(await report.getByRole('row').count()).toBe(16);
    const skipped = report.getByRole('row').filter({ hasText: 'Skipped' });
    expect(await skipped.allInnerTexts()).toEqual([
      expect.stringMatching(/^15\tTom Again\s+tom.baker@acmedental.example\s+Skipped\s+A user with this email exists already/),
      expect.stringMatching(/^16\tNo Where\s+no.where@unknown.example\s+Skipped\s+No such company: unknown.example/),
    ]);
    expect(await dialog.innerText()).toContain('Each new contact receives the welcome email with their credentials');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SHOTS_DIR, 'console-contacts-import-390.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: join(SHOTS_DIR, 'console-contacts-import-1280.png') });

    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Nina Keller' }).waitFor();
    const email = await inbox.waitFor('nina.keller@acmedental.example');
    expect(email.subject).toBe('Ihr Zugang zum Support-Portal von Demo MSP');
    expect(email.text).toContain('Benutzername: nina.keller@acmedental.example');
  });

  it('shows admins the sent emails with their delivery state', async () => {
    await openConsole(page, portico.port, 'contacts');
    await page.getByRole('navigation', { name: 'Contacts sections' }).getByRole('link', { name: 'Sent emails' }).click();
    await page.getByRole('cell', { name: 'elodie.moreau@acmedental.example' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/contacts/emails');
    const row = page.getByRole('row').filter({ hasText: 'elodie.moreau@acmedental.example' });
    expect(await row.innerText()).toContain('Sent');
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('console companies in Chromium', () => {
  it('creates a company with its email domains as chips, and refuses a domain another company has, in the dialog', async () => {
    await openConsole(page, portico.port, 'companies');
    await page.getByRole('rowheader', { name: 'Acme Dental' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'New company' }).click();
    const form = page.getByRole('dialog', { name: 'New company' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Bellini Studio');
    const domains = form.getByRole('textbox', { name: 'Email domains' });
    await domains.fill('https://Bellini.example/');
    await domains.press('Enter');
    await domains.pressSequentially('bellini-design.example,');
    await form.getByRole('button', { name: 'Remove bellini.example' }).waitFor();
    await form.getByRole('button', { name: 'Remove bellini-design.example' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Create company' }).click();
    await page.getByRole('status').filter({ hasText: 'Bellini Studio was created.' }).waitFor();
    const chips = page.getByRole('list', { name: 'Email domains of Bellini Studio' });
    expect(await chips.getByRole('listitem').allInnerTexts()).toEqual(['bellini-design.example', 'bellini.example']);

    await page.getByRole('button', { name: 'Edit Bellini Studio' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Bellini Studio' });
    await edit.getByRole('textbox', { name: 'Email domains' }).fill('acmedental.example');
    await edit.getByRole('textbox', { name: 'Email domains' }).press('Enter');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.getByRole('alert').filter({ hasText: 'The email domain acmedental.example already belongs to another company.' }).waitFor();

    await edit.getByRole('button', { name: 'Remove acmedental.example' }).click();
    await edit.getByRole('button', { name: 'Remove bellini-design.example' }).click();
    await edit.getByRole('textbox', { name: 'Name' }).fill('Bellini Studio Srl');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect(page.getByRole('list', { name: 'Email domains of Bellini Studio Srl' }).innerText()).resolves.toBe('bellini.example');

    await shoot(page, 'console-companies', 1280, 800);
    await shoot(page, 'console-companies', 390, 844);
  });
});
