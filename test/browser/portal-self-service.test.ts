import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { t } from '../../i18n/translate.js';
import { seriousViolations, SHOTS_DIR, signInToChat, useChromiumPortico } from '../support/browser.js';
import { DEMO, loggedIn, type HttpClient } from '../support/http-client.js';
import type { TestPortico } from '../support/portico.js';
import { resetSmsAllowance } from '../support/self-service.js';

// Valid mobile numbers (libphonenumber); +44 7700 900xxx, the UK's range for fiction, is not one.
const TOM_PHONE = '+44 7911 123456';
const ANNA_PHONE = '+39 333 123 4567';
const LUC_PHONE = '+33 6 12 34 56 78';
const LUC_NEW_PHONE = '+33 7 81 23 45 67';
const digitsOf = (phone: string) => phone.replace(/\D/g, '');

type Sms = { to: string; body: string };

describe('the Self-service tab in Chromium', () => {
  const ui = useChromiumPortico();
  let portico: TestPortico;
  let page: Page;
  let tech: HttpClient;

  beforeAll(async () => {
    tech = await loggedIn(ui.portico.port, DEMO.tech);
  });
  beforeEach(async () => {
    ({ portico, page } = ui);
    await resetSmsAllowance(portico.db.pool);
  });

  const signIn = (username: string) => signInToChat(page, portico.port, username);
  const openTab = (name: string) => page.getByRole('tab', { name }).click();
  const device = (name: string): Locator => page.getByRole('region', { name });
  const card = (where: Locator) => where.locator('.action-card');
  const status = (action: Locator) => action.locator('.action-status');

  const smsCount = async (phone: string) => ((await tech.get('/api/v1/admin/outbox/sms')).body.messages as Sms[]).filter((s) => digitsOf(s.to) === digitsOf(phone)).length;

  /** The code of the next text message to the phone, once more than `seen` were sent to it, as a technician reads it. */
  const nextCode = async (phone: string, seen: number): Promise<string> => {
    for (let i = 0; i < 100; i++) {
      const sent = ((await tech.get('/api/v1/admin/outbox/sms')).body.messages as Sms[]).filter((s) => digitsOf(s.to) === digitsOf(phone));
      if (sent.length > seen) return /\b(\d{6})\b/.exec(sent[0]!.body)![1]!;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no text message to ${phone}`);
  };

  /** Confirms the card, gives the phone when asked, and types the code from the outbox. */
  const verify = async (action: Locator, lang: 'en' | 'it', phone: string) => {
    const seen = await smsCount(phone);
    await action.getByRole('button', { name: t(lang, 'chat.action.confirm') }).click();
    const phoneBox = action.getByRole('textbox', { name: t(lang, 'chat.verify.phoneLabel') });
    const codeBox = action.getByRole('textbox', { name: t(lang, 'chat.verify.codeLabel') });
    await phoneBox.or(codeBox).waitFor();
    if (await phoneBox.isVisible()) {
      await phoneBox.fill(phone);
      await action.getByRole('button', { name: t(lang, 'chat.verify.sendCode') }).click();
    }
    await codeBox.fill(await nextCode(phone, seen));
    await action.getByRole('button', { name: t(lang, 'chat.verify.verify') }).click();
  };

  it('lets Tom lock TOM-LAPTOP through confirmation, his phone and the SMS code, and follows it until it is done', async () => {
    await signIn(DEMO.tom);
    await openTab('Self-service');
    const laptop = device('TOM-LAPTOP');
    await laptop.getByText('Online', { exact: true }).waitFor();
    await expect(laptop.innerText()).resolves.toContain('Windows 11 Pro 23H2 · Lenovo ThinkPad T14');
    await expect(laptop.getByRole('group', { name: 'Actions on this device' }).getByRole('button').allInnerTexts()).resolves.toEqual([
      'Restart',
      'Lock',
      'Shut down',
      'Log out',
      'Reset password',
      'Install an app',
    ]);

    await laptop.getByRole('button', { name: 'Lock' }).click();
    const action = card(laptop);
    await status(action).filter({ hasText: 'Awaiting confirmation' }).waitFor();
    // The keyboard goes to the new card, whose buttons are next.
    await expect(action.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(action.innerText()).resolves.toContain('Lock');

    const seen = await smsCount(TOM_PHONE);
    await action.getByRole('button', { name: 'Confirm' }).click();
    const phone = action.getByRole('textbox', { name: 'Mobile number' });
    await phone.fill('12345');
    await action.getByRole('button', { name: 'Save and send code' }).click();
    await action.getByRole('alert').filter({ hasText: t('en', 'errors.invalid_phone') }).waitFor();
    await phone.fill(TOM_PHONE);
    await action.getByRole('button', { name: 'Save and send code' }).click();
    const code = action.getByRole('textbox', { name: 'Verification code' });
    await code.waitFor();
    await code.fill(await nextCode(TOM_PHONE, seen));
    await action.getByRole('button', { name: 'Verify' }).click();
    await action.and(page.locator('[data-status="succeeded"]')).waitFor({ timeout: 20_000 });
    await expect(status(action).innerText()).resolves.toBe('Done');

    // The number saved on the card is the one Settings shows, masked.
    await openTab('Settings');
    await page.getByRole('region', { name: 'Phone for verification codes' }).getByText('+44 ••••••••56').waitFor();
  });

  it('installs an app found by the catalog search, for Anna in Italian on the right one of her two devices', async () => {
    await signIn(DEMO.anna);
    await openTab('Self-service');
    await page.getByRole('heading', { level: 1, name: t('it', 'selfService.title') }).waitFor();
    const desktop = device('ANNA-DESKTOP');
    const mac = device('MacBook Air di Anna');
    await expect(desktop.innerText()).resolves.toContain('Windows 11 Pro 23H2');
    await expect(mac.innerText()).resolves.toContain('macOS 14.6 Sonoma · MacBook Air M2');
    for (const each of [desktop, mac]) {
      await each.getByText('Online', { exact: true }).waitFor();
      await each.getByRole('button', { name: 'Riavvia' }).waitFor();
    }

    await mac.getByRole('button', { name: t('it', 'selfService.apps.show') }).click();
    const search = mac.getByRole('searchbox', { name: 'Cerca app' });
    await expect(search.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const apps = mac.getByRole('list').locator('.app-name');
    await apps.first().waitFor();
    expect(await apps.count()).toBeGreaterThan(5);
    await search.pressSequentially('zoo');
    await apps.nth(1).waitFor({ state: 'detached' });
    await expect(apps.allInnerTexts()).resolves.toEqual(['Zoom Workplace']);
    await search.fill('no such app');
    await mac.getByRole('status').filter({ hasText: t('it', 'selfService.apps.none') }).waitFor();
    await search.fill('VLC');
    await mac.getByRole('button', { name: 'Installa VLC media player' }).click();

    const action = card(mac);
    await status(action).filter({ hasText: t('it', 'chat.actionStatus.awaiting_confirmation') }).waitFor();
    await expect(action.innerText()).resolves.toContain('VLC media player');
    await expect(card(desktop).count()).resolves.toBe(0);
    await verify(action, 'it', ANNA_PHONE);
    await action.and(page.locator('[data-status="succeeded"]')).waitFor({ timeout: 20_000 });
  });

  it('takes the tab away while Anna looks at it when an admin switches self-service off, and gives it back', async () => {
    await signIn(DEMO.anna);
    await openTab('Self-service');
    await device('ANNA-DESKTOP').waitFor();
    try {
      expect((await tech.patch('/api/v1/admin/settings', { sections: { selfService: { mode: 'off' } } })).status).toBe(200);
      await page.getByRole('tab', { name: 'Self-service' }).waitFor({ state: 'detached' });
      await expect(page.locator('#selfservice').count()).resolves.toBe(0);
      await expect(page.getByRole('tab', { selected: true }).innerText()).resolves.toBe('Assistente');
    } finally {
      await tech.patch('/api/v1/admin/settings', { sections: { selfService: { mode: 'everyone' } } });
    }
    await page.getByRole('tab', { name: 'Self-service' }).waitFor();
  });

  it('lets Luc save a first phone in Settings, then change it with his password and the code sent to the saved one', async () => {
    const tr = (key: string) => t('fr', key);
    await signIn(DEMO.luc);
    await openTab(tr('chat.tab.settings'));
    const section = page.getByRole('region', { name: tr('settings.phone.title') });
    await section.getByText(tr('settings.phone.none')).waitFor();
    const first = section.getByRole('textbox', { name: tr('settings.phone.label') });
    await first.fill('0612345678');
    await section.getByRole('button', { name: tr('settings.phone.save') }).click();
    await section.getByRole('alert').filter({ hasText: tr('errors.invalid_phone') }).waitFor();
    await expect(first.getAttribute('aria-invalid')).resolves.toBe('true');
    await first.fill(LUC_PHONE);
    await section.getByRole('button', { name: tr('settings.phone.save') }).click();
    await section.getByText('+33 •••••••78').waitFor();
    await section.getByRole('status').filter({ hasText: tr('settings.phone.saved') }).waitFor();

    await section.getByRole('button', { name: tr('settings.phone.change') }).click();
    const password = section.getByLabel(tr('settings.phone.password'));
    await expect(password.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await password.fill('not my password');
    await section.getByRole('button', { name: tr('settings.phone.sendCode') }).click();
    await section.getByRole('alert').filter({ hasText: tr('errors.wrong_password') }).waitFor();

    const seen = await smsCount(LUC_PHONE);
    await password.fill('portico-demo');
    await section.getByRole('button', { name: tr('settings.phone.sendCode') }).click();
    const replacement = section.getByRole('textbox', { name: tr('settings.phone.newLabel') });
    await expect(replacement.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await replacement.fill(LUC_NEW_PHONE);
    const code = await nextCode(LUC_PHONE, seen);
    await section.getByRole('textbox', { name: tr('settings.phone.code') }).fill(code.replace(/^\d/, (d) => String((Number(d) + 1) % 10)));
    await section.getByRole('button', { name: tr('settings.phone.confirm') }).click();
    await section.getByRole('alert').filter({ hasText: tr('errors.invalid_code') }).waitFor();
    await section.getByRole('textbox', { name: tr('settings.phone.code') }).fill(code);
    await section.getByRole('button', { name: tr('settings.phone.confirm') }).click();
    await section.getByText('+33 •••••••67').waitFor();
    await section.getByRole('status').filter({ hasText: tr('settings.phone.changed') }).waitFor();
    await expect(page.evaluate(() => fetch('/api/v1/me').then((r) => r.json()))).resolves.toMatchObject({ phone: '+33 •••••••67' });
  });

  it('refuses in French a request for a device taken from Luc meanwhile, then shows him he has none', async () => {
    const tr = (key: string) => t('fr', key);
    const { devices } = (await tech.get('/api/v1/admin/devices')).body as { devices: { id: string; name: string; contactId: string }[] };
    const mac = devices.find((each) => each.name === 'MacBook Pro de Luc')!;
    await signIn(DEMO.luc);
    await openTab(tr('selfService.tab'));
    const region = device(mac.name);
    await region.getByRole('button', { name: tr('selfService.action.lock') }).waitFor();
    expect((await tech.patch(`/api/v1/admin/devices/${mac.id}`, { contactId: null })).status).toBe(200);
    try {
      await region.getByRole('button', { name: tr('selfService.action.lock') }).click();
      await region.getByRole('alert').filter({ hasText: tr('errors.not_found') }).waitFor();
      await expect(card(region).count()).resolves.toBe(0);
      await openTab(tr('chat.tab.settings'));
      await openTab(tr('selfService.tab'));
      await page.getByText(tr('selfService.noDevices')).waitFor();
    } finally {
      await tech.patch(`/api/v1/admin/devices/${mac.id}`, { contactId: mac.contactId });
    }
  });

  it('says in words when a device is offline, and still takes a request for it', async () => {
    await page.route('**/api/v1/devices', async (route) => {
      const answer = await route.fetch();
      const body = (await answer.json()) as { devices: { online: boolean }[] };
      await route.fulfill({ json: { devices: body.devices.map((each) => ({ ...each, online: false })) } });
    });
    await signIn(DEMO.tom);
    await openTab('Self-service');
    const laptop = device('TOM-LAPTOP');
    await laptop.getByText('Offline', { exact: true }).waitFor();
    const note = laptop.getByText(t('en', 'selfService.offlineNote'));
    await expect(laptop.getByRole('group', { name: 'Actions on this device' }).getAttribute('aria-describedby')).resolves.toBe(await note.getAttribute('id'));
    await laptop.getByRole('button', { name: 'Log out' }).click();
    await status(card(laptop)).filter({ hasText: 'Awaiting confirmation' }).waitFor();
  });

  it('has no serious accessibility violation at 1280 and 390 px, with a finished request, one waiting for its code and the apps searched', async () => {
    mkdirSync(SHOTS_DIR, { recursive: true });
    await signIn(DEMO.tom);
    await openTab('Self-service');
    const laptop = device('TOM-LAPTOP');
    await laptop.getByRole('button', { name: 'Lock' }).click();
    const done = card(laptop).first();
    await verify(done, 'en', TOM_PHONE);
    await done.and(page.locator('[data-status="succeeded"]')).waitFor({ timeout: 20_000 });
    await laptop.getByRole('button', { name: 'Install an app' }).click();
    await laptop.getByRole('searchbox', { name: 'Search apps' }).fill('zoom');
    await laptop.getByRole('button', { name: 'Install Zoom Workplace' }).click();
    const waiting = card(laptop).filter({ hasText: 'Zoom Workplace' });
    await waiting.waitFor();
    await expect(card(laptop).first().innerText()).resolves.toContain('Zoom Workplace');
    await waiting.getByRole('button', { name: 'Confirm' }).click();
    await waiting.getByRole('textbox', { name: 'Verification code' }).waitFor();
    await expect(card(laptop).count()).resolves.toBe(2);
    await page.mouse.click(1, 1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS_DIR, 'self-service-1280.png'), fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await seriousViolations(page)).toEqual([]);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SHOTS_DIR, 'self-service-390.png'), fullPage: true });
  });
});
