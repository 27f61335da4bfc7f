import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { seriousViolations, SHOTS_DIR, signInToChat, useChromiumPortico } from '../support/browser.js';
import { ChatClient } from '../support/chat-client.js';
import { DEMO, loggedIn } from '../support/http-client.js';

describe('a technician takes over the chat of a user whose widget is open in Chromium', () => {
  const chromium = useChromiumPortico();
  let tech: ChatClient | undefined;
  afterAll(() => tech?.close());

  it('shows the handoff, the technician typing and their message live, and sends the user typing and message to them', async () => {
    const { page, portico } = chromium;
    page.setDefaultTimeout(20_000);
    await signInToChat(page, portico.port, DEMO.tom);
    const log = page.getByRole('log');
    await page.getByRole('textbox', { name: 'Message' }).fill('Outlook keeps asking for my password');
    await page.keyboard.press('Enter');
    // The local engine's first answer loads its models: slow on a busy machine.
    await log.locator('.msg-assistant').first().waitFor({ timeout: 90_000 });
    await page.waitForFunction(() => document.querySelector('#chat-typing')?.textContent === '', undefined, { timeout: 90_000 });
    const { conversations } = (await page.evaluate(() => fetch('/api/v1/conversations').then((r) => r.json()))) as { conversations: { id: string }[] };
    const conversationId = conversations[0]!.id;

    tech = await ChatClient.connect(portico.port, await loggedIn(portico.port, DEMO.tech), { namespace: '/console' });
    expect((await tech.emit('chat:join', { conversationId })).error).toBeUndefined();
    await log.getByText('Sam Torres from support has joined the chat.').waitFor();
    await page.getByText('Sam Torres from support is in this chat.').waitFor();
    expect(await page.getByRole('button', { name: 'Talk to a technician' }).count()).toBe(0);

    // The user types: the technician sees it; the user sends: it reaches the technician, and the assistant stays silent.
    const input = page.getByRole('textbox', { name: 'Message' });
    await input.pressSequentially('It started after the password change');
    expect(await tech.waitFor('chat:typing', (p) => p.conversationId === conversationId)).toMatchObject({ user: { name: 'Tom Baker' } });
    await page.keyboard.press('Enter');
    await tech.waitFor('chat:message', (p) => p.message.role === 'user' && p.message.text === 'It started after the password change');

    const sent = await tech.emit('chat:send', {
      conversationId,
      text: 'Thanks Tom. Your Outlook password is out of sync with the new one; I am resetting the saved credentials now.',
    });
    expect(sent.error).toBeUndefined();
    const bubble = log.locator('.msg-technician', { hasText: 'I am resetting the saved credentials' });
    await bubble.waitFor();
    expect(await bubble.locator('.msg-sender').textContent()).toBe('Sam Torres');

    expect(await log.locator('.msg-assistant').count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);

    await tech.emit('chat:typing', { conversationId });
    await page.getByText('Sam Torres is typing…').waitFor();
    // Shown while the technician keeps typing, gone a few seconds after they stop.
    mkdirSync(SHOTS_DIR, { recursive: true });
    await page.mouse.move(0, 0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.screenshot({ path: join(SHOTS_DIR, 'widget-technician-1280.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await log.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.screenshot({ path: join(SHOTS_DIR, 'widget-technician-390.png') });
    await page.getByText('Sam Torres is typing…').waitFor({ state: 'detached' });
  }, 240_000);
});
