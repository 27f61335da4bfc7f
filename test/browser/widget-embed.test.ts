import { createHmac, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page, WebSocketRoute } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import type { Language } from '../../i18n/languages.js';
import { t } from '../../i18n/translate.js';
import { seriousViolations, useChromiumPortico } from '../support/browser.js';
import { DEMO, HttpClient, loggedIn } from '../support/http-client.js';
import type { TestPortico } from '../support/portico.js';

const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots');

/**
 * A host site on its own port, hence its own origin: Chromium resolves every *.localhost name to the loopback, so the
 * same server is the intranet the tenant allows and a site it does not. Each page is registered by the test.
 */
class HostSite {
  private readonly pages = new Map<string, string>();
  private server: Server | undefined;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const body = this.pages.get(new URL(req.url ?? '/', 'http://host').pathname);
      res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body ?? 'not found');
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  origin(name: 'intranet' | 'elsewhere'): string {
    return `http://${name}.localhost:${this.port}`;
  }

  /** A page of the host site: its own content and style, and the widget's script tag unless told otherwise. */
  page(path: string, options: { portalPort: number; head?: string; body?: string; widget?: boolean }): string {
    const script = options.widget === false ? '' : `<script src="http://localhost:${options.portalPort}/widget.js" async></script>`;
    this.pages.set(
      path,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>Acme intranet</title>${options.head ?? ''}${script}</head>` +
        `<body>${options.body ?? '<main><h1>Acme intranet</h1><p class="news">The canteen is open until 3 pm today.</p><button type="button" class="host-button">Book a room</button></main>'}</body></html>`,
    );
    return path;
  }
}

const INTRANET_STYLE =
  '<style>body { margin: 0; font: 15px/1.5 Georgia, serif; color: #222; background: #faf7f2; } header { padding: 14px 32px; background: #3d2c1e; color: #fff; font-size: 20px; }' +
  ' main { max-width: 640px; margin: 32px; } article { margin-bottom: 20px; padding: 16px 20px; background: #fff; border: 1px solid #e6dfd3; border-radius: 6px; } h2 { margin: 0 0 6px; font-size: 18px; }</style>';
const INTRANET_BODY =
  '<header>Acme Dental · Intranet</header><main><h1>Good morning</h1>' +
  '<article><h2>Canteen</h2><p>The canteen is open until 3 pm today.</p></article>' +
  '<article><h2>New printers on floor 2</h2><p>The new colour printers are installed next to the meeting rooms.</p></article>' +
  '<article><h2>Holidays</h2><p>Remember to book your summer holidays before the end of the month.</p></article></main>';

const sign = (secret: string, email: string, expires: number) => createHmac('sha256', secret).update(`${email}:${expires}`).digest('hex');
const inMinutes = (minutes: number) => Math.floor(Date.now() / 1000) + minutes * 60;

describe('the widget embedded in another site’s page, in Chromium', () => {
  const ui = useChromiumPortico();
  const site = new HostSite();
  const sockets: Socket[] = [];
  let portico: TestPortico;
  let page: Page;
  let admin: HttpClient;

  beforeAll(async () => {
    await site.start();
    admin = await loggedIn(ui.portico.port, DEMO.tech);
    const allowed = await admin.patch('/api/v1/admin/settings', { embed: { allowedOrigins: [site.origin('intranet')] } });
    expect(allowed.status).toBe(200);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await site.stop();
  });
  beforeEach(() => ({ portico, page } = ui));

  const hostPage = (path: string, options: { head?: string; body?: string; widget?: boolean } = {}) => site.page(path, { portalPort: portico.port, ...options });
  const launcher = () => page.getByRole('button', { name: 'Open support chat', exact: true });
  const panel = () => page.getByRole('dialog');
  const messageBox = () => panel().getByRole('textbox', { name: 'Message' });

  /** Opens the widget on a host page; its launcher turns to the language of a user the page signs in once it knows them. */
  async function openOn(origin: string, path: string, userLanguage: Language = 'en'): Promise<void> {
    await page.goto(`${origin}${path}`);
    await launcher().or(page.getByRole('button', { name: t(userLanguage, 'shell.embed.launcher'), exact: true })).click();
    await panel().waitFor();
  }

  /** Waits for the keyboard to be on this element of the widget: inside a shadow root, the document sees only its host. */
  async function focusOn(selector: string): Promise<void> {
    await page.waitForFunction((wanted) => document.querySelector('portico-widget')?.shadowRoot?.activeElement?.matches(wanted), selector, { timeout: 5000 });
  }

  async function signIn(username: string): Promise<void> {
    await panel().getByRole('textbox', { name: 'Username' }).fill(username);
    await panel().getByRole('textbox', { name: 'Password' }).fill('portico-demo');
    await panel().getByRole('button', { name: 'Sign in' }).click();
  }

  /** The signed-in user in another tab of the intranet: a socket of their own on the widget's token, and their chat. */
  async function openAnotherTab(): Promise<{ other: Socket; conversation: { id: string } }> {
    const { token } = JSON.parse((await page.evaluate(() => Object.values({ ...sessionStorage })[0] as string)) ?? '{}');
    const other = io(`http://127.0.0.1:${portico.port}/portal`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: { token },
      extraHeaders: { host: 'localhost', origin: site.origin('intranet') },
    });
    sockets.push(other);
    const { conversation } = await new Promise<{ conversation: { id: string } }>((resolve) => other.once('chat:history', resolve));
    return { other, conversation };
  }

  async function ask(question: string): Promise<Locator> {
    await messageBox().fill(question);
    await messageBox().press('Enter');
    const reply = panel().locator('.msg-assistant').last();
    await reply.waitFor();
    return reply;
  }

  it('serves /widget.js and the panel it loads to any page: JavaScript, cached briefly, loadable across origins', async () => {
    const anyone = new HttpClient(portico.port);
    const loader = await anyone.send('GET', '/widget.js', { headers: { origin: 'https://anywhere.example' } });
    expect(loader.status).toBe(200);
    expect(loader.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(loader.headers['cache-control']).toBe('public, max-age=300');
    expect(loader.headers.etag).toBeDefined();
    expect(loader.headers['access-control-allow-origin']).toBe('*');
    expect(loader.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const panelModule = await anyone.send('GET', '/assets/embed.js', { headers: { origin: 'https://anywhere.example' } });
    expect(panelModule.status).toBe(200);
    expect(panelModule.headers['access-control-allow-origin']).toBe('*');
    expect(panelModule.headers['cross-origin-resource-policy']).toBe('cross-origin');
    // The portal's own bundle stays its own.
    expect((await anyone.get('/assets/main.js')).headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it('mounts a launcher on an allowed site, signs in with a token kept for the tab, and streams the answer', async () => {
    const path = hostPage('/allowed');
    const deltas: string[] = [];
    page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => String(payload).includes('chat:delta') && deltas.push(String(payload))));
    await openOn(site.origin('intranet'), path);
    // The keyboard goes into the panel, to the first field of the sign-in form.
    await focusOn('input[name=username]');
    await signIn(DEMO.tom);
    await messageBox().waitFor();
    await expect(panel().getByRole('banner').textContent()).resolves.toContain('Tom Baker');

    const reply = await ask('My printer does not print');
    await expect(reply.textContent()).resolves.toMatch(/\w{3,}/);
    expect(deltas.length).toBeGreaterThan(0);
    // Links point at the portal, not at the host page; a plain click opens the source in the panel's Knowledge base tab.
    const source = panel().locator('.sources a').first();
    await expect(source.getAttribute('href')).resolves.toMatch(new RegExp(`^http://localhost:${portico.port}/kb/`));
    await source.click();
    await expect(panel().getByRole('tab', { name: 'Knowledge base' }).getAttribute('aria-selected')).resolves.toBe('true');
    await panel().getByRole('tab', { name: 'Assistant' }).click();

    // No cookie: the session is a bearer token in this tab's sessionStorage, under the portal's own key.
    expect(await ui.context.cookies()).toEqual([]);
    const kept = await page.evaluate((key) => sessionStorage.getItem(key), `portico-widget:http://localhost:${portico.port}:session`);
    expect(JSON.parse(kept!)).toEqual({ token: expect.any(String), expiresAt: expect.any(String) });

    // Escape closes the panel and gives the keyboard back to the launcher.
    await page.keyboard.press('Escape');
    await panel().waitFor({ state: 'hidden' });
    await focusOn('.launcher');
    await expect(launcher().getAttribute('aria-expanded')).resolves.toBe('false');

    // A reload keeps the session and the conversation.
    await page.reload();
    await launcher().click();
    await messageBox().waitFor();
    await panel().locator('.msg-assistant').first().waitFor();
    // The close button in the panel's header closes it too.
    await panel().getByRole('button', { name: 'Close support chat' }).click();
    await panel().waitFor({ state: 'hidden' });
  });

  it('on a site the tenant does not allow, shows the launcher but says clearly that sign-in is refused (403)', async () => {
    const path = hostPage('/elsewhere');
    await openOn(site.origin('elsewhere'), path);
    const refused = page.waitForResponse((answer) => answer.url().endsWith('/api/v1/auth/login') && answer.request().method() === 'POST');
    await signIn(DEMO.tom);
    expect((await refused).status()).toBe(403);
    await panel().getByRole('alert').filter({ hasText: t('en', 'errors.origin_not_allowed') }).waitFor();
    await expect(messageBox().count()).resolves.toBe(0);
  });

  it('renews a token about to expire, and asks to sign in again once the server no longer accepts it', async () => {
    await openOn(site.origin('intranet'), hostPage('/renew'));
    await signIn(DEMO.tom);
    await messageBox().waitFor();
    const key = `portico-widget:http://localhost:${portico.port}:session`;
    const expiresAt = () => page.evaluate((name) => Date.parse(JSON.parse(sessionStorage.getItem(name)!).expiresAt) - Date.now(), key);

    // Four minutes left at the next load: the widget renews it at once, for another hour.
    await page.evaluate((name) => {
      const grant = JSON.parse(sessionStorage.getItem(name)!);
      sessionStorage.setItem(name, JSON.stringify({ ...grant, expiresAt: new Date(Date.now() + 4 * 60_000).toISOString() }));
    }, key);
    const renewed = page.waitForResponse((answer) => answer.url().endsWith('/api/v1/auth/token'));
    await page.reload();
    expect((await renewed).status()).toBe(200);
    await page.waitForFunction((name) => Date.parse(JSON.parse(sessionStorage.getItem(name)!).expiresAt) > Date.now() + 50 * 60_000, key);
    expect(await expiresAt()).toBeLessThanOrEqual(60 * 60_000);

    // The session ended on the server (an hour without renewal): the next load forgets the token and shows the form.
    await portico.db.pool.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE transport = 'token'");
    await page.reload();
    await launcher().click();
    await panel().getByRole('textbox', { name: 'Username' }).waitFor();
    expect(await page.evaluate((name) => sessionStorage.getItem(name), key)).toBeNull();
  });

  describe('verified identity', () => {
    let secret: string;
    beforeAll(async () => {
      secret = (await admin.get('/api/v1/admin/embed/secret')).body.secret;
    });
    const identityScript = (identity: object) => `<script>window.PorticoWidget = { identity: ${JSON.stringify(identity)} };</script>`;

    it('signs in the user the host page vouches for, without a password', async () => {
      const expires = inMinutes(5);
      const path = hostPage('/identity', { head: identityScript({ email: DEMO.anna, expires, signature: sign(secret, DEMO.anna, expires) }) });
      await openOn(site.origin('intranet'), path, 'it');
      // Anna's language is Italian.
      await panel().getByRole('textbox', { name: t('it', 'chat.message') }).waitFor();
      await expect(panel().getByRole('banner').textContent()).resolves.toContain('Anna Bianchi');
      await focusOn('#chat-input');
    });

    it('shows the server’s refusal of a bad signature above the sign-in form, and the form still signs in', async () => {
      const expires = inMinutes(5);
      const path = hostPage('/bad-identity', { head: identityScript({ email: DEMO.anna, expires, signature: sign(`${secret}x`, DEMO.anna, expires) }) });
      await openOn(site.origin('intranet'), path);
      await panel().getByRole('alert').filter({ hasText: t('en', 'errors.identity_invalid') }).waitFor();
      await signIn(DEMO.tom);
      await messageBox().waitFor();
    });

    it('signs in through PorticoWidget.identify() called after the script loaded, refuses an expired signature, and follows a change of user', async () => {
      const path = hostPage('/identify-later');
      await page.goto(`${site.origin('intranet')}${path}`);
      await launcher().waitFor();
      const past = inMinutes(-1);
      await page.evaluate((identity) => window.PorticoWidget!.identify!(identity), { email: DEMO.luc, expires: past, signature: sign(secret, DEMO.luc, past) });
      await launcher().click();
      await panel().getByRole('alert').filter({ hasText: t('en', 'errors.identity_expired') }).waitFor();
      const expires = inMinutes(5);
      await page.evaluate((identity) => window.PorticoWidget!.identify!(identity), { email: DEMO.luc, expires, signature: sign(secret, DEMO.luc, expires) });
      // Luc's language is French: the portal UI and the launcher follow it.
      await panel().locator('#chat-input').waitFor();
      await expect(panel().getByRole('banner').textContent()).resolves.toContain('Luc Martin');
      await page.getByRole('button', { name: t('fr', 'shell.embed.launcher'), exact: true }).waitFor();

      // The host page's user changes: the widget drops Luc's session, and Tom's chat works.
      await page.evaluate((identity) => window.PorticoWidget!.identify!(identity), { email: DEMO.tom, expires, signature: sign(secret, DEMO.tom, expires) });
      await panel().getByRole('banner').filter({ hasText: 'Tom Baker' }).waitFor();
      await ask('My printer does not print');
    });
  });

  it('shows an unread badge for a reply that arrives while the panel is closed, and clears it on opening', async () => {
    const path = hostPage('/unread');
    await openOn(site.origin('intranet'), path);
    await signIn(DEMO.tom);
    await ask('My printer does not print');
    // The reply stored (it asks whether it solved the problem) and seen: nothing is unread yet.
    await panel().getByText('Did this solve it?').waitFor();
    await page.keyboard.press('Escape');
    await panel().waitFor({ state: 'hidden' });
    await expect(page.locator('portico-widget .badge').isHidden()).resolves.toBe(true);

    // The same user writes from elsewhere (another tab of the intranet): the reply reaches the widget too.
    const { other, conversation } = await openAnotherTab();
    const sent = await other.timeout(10_000).emitWithAck('chat:send', { conversationId: conversation.id, text: 'Outlook keeps asking for my password', clientMessageId: randomUUID() });
    expect(sent.error).toBeUndefined();

    const badge = page.locator('portico-widget .badge');
    await badge.filter({ hasText: '1' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'New messages: 1' }).waitFor();
    // The launcher's name stays the same; the count is its description.
    await expect(launcher().getAttribute('aria-describedby')).resolves.toBe('portico-unread');

    await launcher().click();
    await messageBox().waitFor();
    await badge.waitFor({ state: 'hidden' });
    await expect(page.getByRole('status').filter({ hasText: 'New messages' }).count()).resolves.toBe(0);
  });

  it('counts once a reply that came while its connection was down, given back when it reconnects', async () => {
    const routes: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      ws.connectToServer();
      routes.push(ws);
    });
    await openOn(site.origin('intranet'), hostPage('/unread-after-drop'));
    await signIn(DEMO.tom);
    await ask('My printer does not print');
    await panel().getByText('Did this solve it?').waitFor();
    await page.keyboard.press('Escape');
    await panel().waitFor({ state: 'hidden' });
    // socket.io starts with HTTP long-polling and then upgrades: wait until the WebSocket carries the connection.
    for (let i = 0; i < 50 && routes.length === 0; i++) await page.waitForTimeout(100);
    await page.waitForTimeout(500);
    await ui.context.setOffline(true);
    for (const ws of routes) await ws.close();

    // Meanwhile the same user writes from another tab, and the assistant answers. Words of this test's own: Tom's
    // conversation may go on from the test before.
    const { other, conversation } = await openAnotherTab();
    const answered = new Promise((resolve) => other.on('chat:message', (p: { message: { role: string } }) => p.message.role === 'assistant' && resolve(p)));
    const sent = await other.timeout(10_000).emitWithAck('chat:send', { conversationId: conversation.id, text: 'My VPN drops every ten minutes', clientMessageId: randomUUID() });
    expect(sent.error).toBeUndefined();
    await answered;

    await ui.context.setOffline(false);
    await page.getByRole('status').filter({ hasText: 'New messages: 1' }).waitFor({ timeout: 20_000 });
    await launcher().click();
    await panel().getByText('My VPN drops every ten minutes').waitFor();
    await expect(panel().getByText('My VPN drops every ten minutes').count()).resolves.toBe(1);
  });

  it('keeps its looks under a host page’s aggressive CSS, and leaves the host page’s looks alone', async () => {
    const hostStyles = (path: string) =>
      page.goto(`${site.origin('intranet')}${path}`).then(() =>
        page.evaluate(() =>
          ['body', 'h1', '.news', '.host-button'].map((selector) => {
            const style = getComputedStyle(document.querySelector(selector)!);
            return [selector, style.fontFamily, style.fontSize, style.color, style.backgroundColor, style.margin, style.padding, style.display, style.lineHeight];
          }),
        ),
      );
    const without = await hostStyles(hostPage('/plain', { widget: false }));
    const withWidget = await hostStyles(hostPage('/with-widget'));
    await launcher().click();
    await panel().getByRole('textbox', { name: 'Username' }).waitFor();
    expect(withWidget).toEqual(without);
    expect(await page.evaluate(() => document.querySelectorAll('style, link[rel=stylesheet]').length)).toBe(0);

    const aggressive = '<style>* { all: unset !important; } html { font-size: 10px !important; } button { display: none !important; } div, span, p { color: red !important; font-family: serif !important; }</style>';
    await page.goto(`${site.origin('intranet')}${hostPage('/aggressive', { head: aggressive })}`);
    await expect(launcher().boundingBox()).resolves.toMatchObject({ width: 60, height: 60 });
    await launcher().click();
    const username = panel().getByRole('textbox', { name: 'Username' });
    await expect(username.evaluate((input) => [getComputedStyle(input).fontSize, getComputedStyle(input).fontFamily.includes('serif') && !getComputedStyle(input).fontFamily.includes('sans')])).resolves.toEqual(['16px', false]);
    await expect(panel().evaluate((element) => getComputedStyle(element).width)).resolves.toBe('400px');
    await signIn(DEMO.tom);
    await messageBox().waitFor();
    await expect(panel().getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(true);
  });

  it('has no serious accessibility violation inside its shadow root, at 1280 and at 390 px (full screen)', async () => {
    // An intranet page of its own style, for the picture in the README too.
    const path = hostPage('/accessible', { head: INTRANET_STYLE, body: INTRANET_BODY });
    await openOn(site.origin('intranet'), path);
    expect(await seriousViolations(page)).toEqual([]);
    await signIn(DEMO.tom);
    await ask('My printer does not print');
    expect(await seriousViolations(page)).toEqual([]);
    const shots = !!process.env.PORTICO_SCREENSHOTS;
    if (shots) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, 'embedded-1280.png'), animations: 'disabled' });
    }

    await page.setViewportSize({ width: 390, height: 800 });
    const box = (await panel().boundingBox())!;
    expect([box.x, box.y, box.width, box.height]).toEqual([0, 0, 390, 800]);
    expect(await seriousViolations(page)).toEqual([]);
    if (shots) await page.screenshot({ path: join(SCREENSHOTS, 'embedded-390.png'), animations: 'disabled' });
    await panel().getByRole('button', { name: 'Close support chat' }).click();
    await launcher().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
