import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page, WebSocketRoute } from 'playwright-core';
import { launchChromium, routeMarkdownRenderer, signInToChat } from '../support/browser.js';
import { DEMO, loggedIn } from '../support/http-client.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

const SCREENSHOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots', 'chat.png');

describe('the chat with the assistant in Chromium', () => {
  let portico: TestPortico;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let dialogs: string[];

  beforeAll(async () => {
    [portico, browser] = await Promise.all([startTestPortico(), launchChromium()]);
  });
  afterAll(async () => {
    await browser.close();
    await portico.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });
  afterEach(() => context.close());

  const signIn = (username: string) => signInToChat(page, portico.port, username);

  const log = () => page.getByRole('log');
  const assistantMessages = () => log().locator('.msg-assistant');

  /** Types into the focused message box and sends with Enter, as a keyboard user does; resolves on the answer. */
  const ask = async (text: string) => {
    const before = await assistantMessages().count();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    const answer = assistantMessages().nth(before);
    // The bubble shows with the first delta; the typing indicator goes once the stored message is in.
    await answer.waitFor();
    await page.waitForFunction(() => document.querySelector('#chat-typing')?.textContent === '');
    return answer;
  };

  const card = (deviceName: string): Locator => log().locator('.action-card', { hasText: deviceName });

  const conversations = () =>
    page.evaluate(() => fetch('/api/v1/conversations').then((r) => r.json())) as Promise<{ conversations: { id: string; preview: string }[] }>;

  it('answers with sources, proposes an action the user can cancel, and restores the conversation after a reload', async () => {
    await signIn(DEMO.tom);
    await expect(page.getByRole('tab', { name: 'Assistant' }).getAttribute('aria-selected')).resolves.toBe('true');
    await page.getByRole('heading', { name: 'Chat with the assistant' }).waitFor();
    await page.getByRole('button', { name: 'Install Zoom' }).waitFor();
    // After sign-in the keyboard is in the message box, and an empty box cannot be sent.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('chat-input');
    await expect(page.getByRole('button', { name: 'Send' }).isDisabled()).resolves.toBe(true);

    const answer = await ask('How do I set up the VPN?');
    await expect(log().locator('.msg-user').first().innerText()).resolves.toContain('How do I set up the VPN?');
    const sources = answer.locator('.sources');
    await sources.waitFor();
    await expect(sources.locator('.sources-title').innerText()).resolves.toBe('Sources');
    expect(await sources.locator('a[href^="/kb/"]').count()).toBeGreaterThan(0);
    const source = sources.locator('a[href^="/kb/"]').first();
    await expect(source.getAttribute('target')).resolves.toBe('_blank');
    await expect(source.getAttribute('rel')).resolves.toBe('noopener noreferrer');
    expect(await answer.locator('.msg-body strong').count()).toBeGreaterThan(0);
    // The box is empty again and keeps the focus for the next message.
    await expect(page.locator('#chat-input').inputValue()).resolves.toBe('');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('chat-input');
    await expect(page.locator('#chat-empty').isHidden()).resolves.toBe(true);

    await ask('restart my laptop');
    const action = card('TOM-LAPTOP');
    await action.waitFor();
    await expect(action.getByRole('heading').innerText()).resolves.toContain('Restart');
    await expect(action.locator('.action-status').innerText()).resolves.toBe('Awaiting confirmation');
    // The assistant's message that says "confirm it below" stands above its card.
    await expect(log().locator('.msg-assistant + .action-card').count()).resolves.toBe(1);
    await action.getByRole('button', { name: 'Cancel' }).click();
    await action.locator('.action-status', { hasText: 'Cancelled' }).waitFor();
    await expect(action.getByRole('button', { name: 'Cancel' }).isHidden()).resolves.toBe(true);
    await expect(action.getByRole('button', { name: 'Confirm' }).isHidden()).resolves.toBe(true);

    const [started] = (await conversations()).conversations;
    await page.reload();
    await card('TOM-LAPTOP').locator('.action-status', { hasText: 'Cancelled' }).waitFor();
    const restored = await log().innerText();
    expect(restored).toContain('How do I set up the VPN?');
    expect(restored).toContain('restart my laptop');
    await expect(assistantMessages().count()).resolves.toBe(2);
    await expect(assistantMessages().first().locator('.sources a[href^="/kb/"]').count()).resolves.toBeGreaterThan(0);
    await expect(log().locator('.msg-assistant + .action-card').count()).resolves.toBe(1);
    await expect(page.locator('#chat-empty').isHidden()).resolves.toBe(true);

    // The next message continues the restored conversation…
    await page.locator('#chat-input').focus();
    await ask('thanks');
    const after = (await conversations()).conversations;
    expect(after[0]!.id).toBe(started!.id);
    expect(after.length).toBe(1);

    // …and "New conversation" starts another one.
    await page.getByRole('button', { name: 'New conversation' }).click();
    await page.getByRole('button', { name: 'Install Zoom' }).waitFor();
    await expect(log().locator('.msg').count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('chat-input');
    await ask('hello');
    const fresh = (await conversations()).conversations;
    expect(fresh.length).toBe(2);
    expect(fresh[0]!.id).not.toBe(started!.id);
    expect(fresh[0]!.preview).toBe('hello');
  });

  it('asks whether a cited answer solved it, and records the answer on the conversation', async () => {
    await signIn(DEMO.tom);
    await page.getByRole('button', { name: 'New conversation' }).click();
    const answer = await ask('How do I set up the VPN?');
    const question = answer.getByRole('group', { name: 'Did this solve it?' });
    await question.waitFor();
    await question.getByRole('button', { name: 'Yes' }).click();
    await answer.getByRole('status').filter({ hasText: 'Thank you for your answer.' }).waitFor();
    await expect(question.count()).resolves.toBe(0);
    const [latest] = (await conversations()).conversations;
    const stored = (await page.evaluate((id) => fetch(`/api/v1/conversations/${id}`).then((r) => r.json()), latest!.id)) as {
      messages: { id: string; role: string }[];
      feedback: { messageId: string; solved: boolean }[];
    };
    const reply = stored.messages.find((m) => m.role === 'assistant')!;
    expect(stored.feedback).toEqual([{ messageId: reply.id, solved: true }]);

    // Answered once: the restored conversation does not ask again; a reply without sources never asks.
    await page.reload();
    await assistantMessages().first().locator('.sources').waitFor();
    await expect(log().getByRole('group', { name: 'Did this solve it?' }).count()).resolves.toBe(0);
    await page.locator('#chat-input').focus();
    await ask('thanks');
    await expect(log().getByRole('group', { name: 'Did this solve it?' }).count()).resolves.toBe(0);
  });

  it('sends an example prompt, and shows an action card with its app', async () => {
    await signIn(DEMO.tom);
    await page.getByRole('button', { name: 'New conversation' }).click();
    await page.getByRole('button', { name: 'Install Zoom' }).click();
    const action = card('TOM-LAPTOP');
    await action.waitFor();
    await expect(log().locator('.msg-user').innerText()).resolves.toContain('Install Zoom');
    const details = await action.innerText();
    expect(details).toContain('Install');
    expect(details).toContain('Zoom');
    expect(details).toContain('Awaiting confirmation');
  });

  it('shows on the card why a confirmation did not go through', async () => {
    const tech = await loggedIn(portico.port, DEMO.tech);
    await signIn(DEMO.tom);
    await page.getByRole('button', { name: 'New conversation' }).click();
    await ask('please lock my computer');
    const action = card('TOM-LAPTOP');
    await action.locator('.action-status', { hasText: 'Awaiting confirmation' }).waitFor();
    try {
      // Self-service switched off after the card was proposed: the server refuses the confirmation.
      expect((await tech.patch('/api/v1/admin/settings', { sections: { selfService: { mode: 'off' } } })).status).toBe(200);
      await action.getByRole('button', { name: 'Confirm' }).click();
      // The card says why, in the user's language, and stays pending.
      const error = action.getByRole('alert');
      await error.waitFor({ timeout: 15_000 });
      await expect(error.innerText()).resolves.toMatch(/\S/);
      await expect(action.locator('.action-status').innerText()).resolves.toBe('Awaiting confirmation');
      await expect(action.getByRole('button', { name: 'Confirm' }).isEnabled()).resolves.toBe(true);
    } finally {
      await tech.patch('/api/v1/admin/settings', { sections: { selfService: { mode: 'everyone' } } });
    }
  });

  it('says when the connection is lost, and comes back', async () => {
    // The page's WebSockets go through the test, which can drop them: network emulation alone leaves them open.
    const sockets: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      ws.connectToServer();
      sockets.push(ws);
    });
    await signIn(DEMO.tom);
    const banner = page.locator('#chat-connection');
    await page.waitForFunction(() => document.querySelector('#chat-connection')?.hasAttribute('hidden'));
    // socket.io starts with HTTP long-polling and then upgrades: wait until the WebSocket carries the connection.
    for (let i = 0; i < 50 && sockets.length === 0; i++) await page.waitForTimeout(100);
    await page.waitForTimeout(500);
    expect(sockets.length).toBe(1);
    await context.setOffline(true);
    for (const ws of sockets) await ws.close();
    await banner.filter({ hasText: 'Connection lost. Reconnecting…' }).waitFor({ timeout: 15_000 });
    await expect(banner.getAttribute('role')).resolves.toBe('status');
    await context.setOffline(false);
    await banner.waitFor({ state: 'hidden', timeout: 20_000 });
  });

  it('keeps a message typed while the connection is down, and sends it once when it is back', async () => {
    const sockets: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      ws.connectToServer();
      sockets.push(ws);
    });
    await signIn(DEMO.tom);
    await page.getByRole('button', { name: 'New conversation' }).click();
    await ask('hello');
    for (let i = 0; i < 50 && sockets.length === 0; i++) await page.waitForTimeout(100);
    await page.waitForTimeout(500);
    await context.setOffline(true);
    for (const ws of sockets) await ws.close();
    const banner = page.locator('#chat-connection');
    await banner.filter({ hasText: 'Connection lost. Reconnecting…' }).waitFor({ timeout: 15_000 });

    const before = await assistantMessages().count();
    await page.locator('#chat-input').focus();
    await page.keyboard.type('Show my tickets');
    await page.keyboard.press('Enter');
    const typed = log().locator('.msg-user', { hasText: 'Show my tickets' });
    await typed.getByText('Not sent yet').waitFor();
    await expect(page.locator('#chat-input').inputValue()).resolves.toBe('');

    await context.setOffline(false);
    await banner.waitFor({ state: 'hidden', timeout: 20_000 });
    await assistantMessages().nth(before).waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => document.querySelector('#chat-typing')?.textContent === '');
    await expect(typed.getByText('Not sent yet').count()).resolves.toBe(0);
    await expect(typed.count()).resolves.toBe(1);
    await expect(assistantMessages().count()).resolves.toBe(before + 1);
    const [latest] = (await conversations()).conversations;
    const stored = (await page.evaluate((id) => fetch(`/api/v1/conversations/${id}`).then((r) => r.json()), latest!.id)) as {
      messages: { role: string; text: string }[];
    };
    expect(stored.messages.filter((m) => m.role === 'user').map((m) => m.text)).toEqual(['hello', 'Show my tickets']);
  });

  it('hides the chat when an admin switches the assistant off, and brings it back', async () => {
    const tech = await loggedIn(portico.port, DEMO.tech);
    await signIn(DEMO.tom);
    try {
      expect((await tech.patch('/api/v1/admin/settings', { sections: { assistant: { mode: 'off' } } })).status).toBe(200);
      await page.getByRole('heading', { name: 'My tickets' }).waitFor();
      await expect(page.locator('#chat').isHidden()).resolves.toBe(true);
      await expect(page.getByRole('tab', { name: 'Assistant' }).count()).resolves.toBe(0);
      expect((await tech.patch('/api/v1/admin/settings', { sections: { assistant: { mode: 'everyone' } } })).status).toBe(200);
      await page.getByRole('heading', { name: 'Chat with the assistant' }).waitFor();
      await expect(page.getByRole('tab', { name: 'Assistant' }).getAttribute('aria-selected')).resolves.toBe('true');
    } finally {
      await tech.patch('/api/v1/admin/settings', { sections: { assistant: { mode: 'everyone' } } });
    }
  });

  it('shows HTML and escaped Markdown in messages as text, and links only to this portal’s pages', async () => {
    await signIn(DEMO.tom);
    await page.getByRole('button', { name: 'New conversation' }).click();
    const attack = '<img src=x onerror=alert(1)> <script>alert(2)</script>';
    await ask(attack);
    await expect(log().locator('.msg-user .msg-body').first().innerText()).resolves.toBe(attack);
    await expect(log().locator('img, script').count()).resolves.toBe(0);

    // The renderer the assistant's messages go through, on the Markdown an engine could write.
    await routeMarkdownRenderer(page);
    const rendered = await page.evaluate(async () => {
      const url = '/markdown.js';
      const { renderMarkdown } = await import(url);
      const box = document.createElement('div');
      box.append(
        renderMarkdown(
          `Hi **<b>there</b>** <img src=x onerror=alert(3)>\nsecond line\n\n- one [VPN](/kb/vpn-setup)\n- two [bad](javascript:alert%284%29) [worse](javascript:alert(5))\n\n1. a [web](https://example.com/x) [home](${location.origin}/kb/vpn-setup)\n2. b [data](data:text/html,hi) [up](/kb/../admin)\n\\[Click\\](https\\://evil.example/m365) 1\\. \\*\\*x\\*\\*`,
        ),
      );
      return {
        html: box.innerHTML,
        links: Array.from(box.querySelectorAll('a'), (a) => a.getAttribute('href')),
        tags: Array.from(box.querySelectorAll('*'), (el) => el.tagName.toLowerCase()),
      };
    });
    // Only this portal's pages are links: another site's address stays text, and escaped brackets start nothing.
    expect(rendered.links).toEqual(['/kb/vpn-setup', `http://localhost:${portico.port}/kb/vpn-setup`]);
    expect(rendered.html).toMatch(/<li>a web <a [^>]*>home/);
    expect(rendered.html).toContain('[Click](https://evil.example/m365) 1. **x**');
    expect([...new Set(rendered.tags)].sort()).toEqual(['a', 'br', 'li', 'ol', 'p', 'strong', 'ul']);
    expect(rendered.html).toContain('<strong>&lt;b&gt;there&lt;/b&gt;</strong>');
    expect(rendered.html).toContain('&lt;img src=x onerror=alert(3)&gt;<br>second line');
    expect(rendered.html).toContain('<li>two bad [worse](javascript:alert(5))</li>');
    expect(dialogs).toEqual([]);
  });

  it('speaks French to Luc', async () => {
    await signIn(DEMO.luc);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
    await page.getByRole('heading', { name: "Discuter avec l'assistant" }).waitFor();
    await page.getByRole('tablist', { name: 'Sections du portail' }).waitFor();
    await page.getByRole('log', { name: "Conversation avec l'assistant" }).waitFor();
    await page.getByRole('button', { name: 'Nouvelle conversation' }).click();
    await page.getByRole('button', { name: 'Envoyer' }).waitFor();
    await expect(page.locator('#chat-input').getAttribute('placeholder')).resolves.toBe('Écrivez votre message…');
    await page.getByRole('button', { name: 'Redémarrez mon ordinateur' }).click();
    const action = card('MacBook');
    await action.waitFor();
    const text = await action.innerText();
    expect(text).toContain('Redémarrage');
    expect(text).toContain('Appareil');
    expect(text).toContain('En attente de confirmation');
    await action.getByRole('button', { name: 'Annuler' }).waitFor();
    await action.getByRole('button', { name: 'Confirmer' }).waitFor();
    await expect(log().locator('.msg-user .msg-sender').first().innerText()).resolves.toBe('Vous');
  });

  it('switches between the chat and the tickets with the arrow keys', async () => {
    await signIn(DEMO.tom);
    const chatTab = page.getByRole('tab', { name: 'Assistant' });
    const ticketsTab = page.getByRole('tab', { name: 'Tickets' });
    await expect(chatTab.getAttribute('aria-controls')).resolves.toBe('chat');
    await chatTab.focus();
    await page.keyboard.press('ArrowRight');
    await expect(ticketsTab.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('tab-tickets');
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    await expect(page.locator('#chat').isHidden()).resolves.toBe(true);
    await page.keyboard.press('ArrowLeft');
    await expect(chatTab.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.locator('#tickets').isHidden()).resolves.toBe(true);
    await expect(ticketsTab.getAttribute('tabindex')).resolves.toBe('-1');
  });

  it('keeps two tabs of the same user in step, each message once', async () => {
    await signIn(DEMO.tom);
    await page.getByRole('button', { name: 'New conversation' }).click();
    await ask('What can you do?');
    const other = await context.newPage();
    await other.goto(`http://localhost:${portico.port}/`);
    await other.getByRole('log').locator('.msg-user', { hasText: 'What can you do?' }).waitFor();
    const otherAnswers = other.getByRole('log').locator('.msg-assistant');
    const seen = await otherAnswers.count();

    await page.locator('#chat-input').focus();
    await ask('Show my tickets');
    await otherAnswers.nth(seen).waitFor();
    await other.waitForFunction(() => document.querySelector('#chat-typing')?.textContent === '');
    const mirrored = other.getByRole('log').locator('.msg-user', { hasText: 'Show my tickets' });
    await expect(mirrored.count()).resolves.toBe(1);
    await expect(otherAnswers.count()).resolves.toBe(seen + 1);
    await expect(other.getByRole('log').locator('.msg').count()).resolves.toBe(await log().locator('.msg').count());
    await other.close();
  });

  it('has no accessibility violations on the chat view with an answer and an action card', async () => {
    await signIn(DEMO.tom);
    await page.getByRole('button', { name: 'New conversation' }).click();
    const empty = await new AxeBuilder({ page }).include('main').analyze();
    await ask('Outlook keeps asking for my password');
    await ask('restart my laptop');
    await card('TOM-LAPTOP').waitFor();
    await page.locator('#chat-input').fill('My printer');
    const full = await new AxeBuilder({ page }).analyze();
    const violations = [...empty.violations, ...full.violations];
    expect(violations.map((v) => `${v.id} (${v.impact}): ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // The picture of this view for the README, taken on request: PORTICO_SCREENSHOTS=1.
    if (!process.env.PORTICO_SCREENSHOTS) return;
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.locator('#chat-input').fill('');
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      const log = document.querySelector('#chat-log')!;
      log.scrollTop = log.scrollHeight;
    });
    await page.screenshot({ path: SCREENSHOT });
  });
});
