import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { ChatClient } from './support/chat-client.js';
import { useDemoPortico } from './support/demo-portico.js';
import { codeIn, latestSms, resetSmsAllowance } from './support/self-service.js';
import { postToSlackEndpoint, SLACK_TEAM, SlackApi } from './support/slack-api.js';

// Portico's Slack app for the demo tenant, configured by environment, against Slack's Web API served by a local
// server; every request to Portico is signed for real with the signing secret.

const SECRET = 'slack-signing-secret-for-tests';
const TOM = 'U0TOM';
const TOM_DM = 'D0TOM';
const STRANGER = 'U0STRANGER';

let slack: SlackApi;
beforeAll(async () => {
  slack = await SlackApi.start();
  slack.members.set(TOM, { email: 'Tom.Baker@acmedental.example', locale: 'en-GB' });
  slack.members.set(STRANGER, { email: 'someone@elsewhere.example', locale: 'fr-FR' });
});
const demo = useDemoPortico(() => ({ env: { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: slack.url } }));
const open: ChatClient[] = [];
afterAll(async () => {
  open.forEach((client) => client.close());
  await slack.close();
});
beforeEach(() => resetSmsAllowance(demo.portico.db.pool));

const post = (body: string, options: Partial<Parameters<typeof postToSlackEndpoint>[2]> = {}) =>
  postToSlackEndpoint(demo.portico.port, body, { secret: SECRET, ...options });

function messageEvent(user: string, channel: string, text: string, ts: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    token: 'unused',
    team_id: SLACK_TEAM,
    api_app_id: 'A0PORTICO',
    type: 'event_callback',
    event_id: `Ev${ts.replace('.', '')}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'message', channel_type: 'im', channel, user, text, ts, event_ts: ts, team: SLACK_TEAM, ...extra },
  });
}

/** A direct message to the bot; answers Slack's timestamp of it, which is also the thread the answer goes in. */
async function dm(user: string, channel: string, text: string, extra: Record<string, unknown> = {}): Promise<string> {
  const ts = slack.nextTs();
  const answer = await post(messageEvent(user, channel, text, ts, extra));
  expect(answer.status).toBe(200);
  return ts;
}

/** A button press or modal submission, form-encoded as Slack's interactivity sends it. */
function interaction(payload: Record<string, unknown>) {
  return post(`payload=${encodeURIComponent(JSON.stringify({ api_app_id: 'A0PORTICO', team: { id: SLACK_TEAM }, token: 'unused', ...payload }))}`, {
    contentType: 'application/x-www-form-urlencoded',
  });
}

function submitModal(user: string, callbackId: string, privateMetadata: string, field: string, value: string) {
  return interaction({
    type: 'view_submission',
    user: { id: user, team_id: SLACK_TEAM },
    view: {
      id: 'V0MODAL',
      type: 'modal',
      team_id: SLACK_TEAM,
      callback_id: callbackId,
      private_metadata: privateMetadata,
      state: { values: { [field]: { [field]: { type: 'plain_text_input', value } } } },
    },
  });
}

async function consoleOfTech(): Promise<ChatClient> {
  const client = await ChatClient.connect(demo.portico.port, demo.users.tech, { namespace: '/console' });
  open.push(client);
  return client;
}

describe('Slack requests', () => {
  it('refuses a forged, a wrongly signed and a stale request with 401, before anything runs', async () => {
    const body = messageEvent(TOM, TOM_DM, 'restart my laptop', slack.nextTs());
    expect((await post(body, { signature: `v0=${'0'.repeat(64)}` })).status).toBe(401);
    expect((await post(body, { secret: 'another-secret' })).status).toBe(401);
    expect((await post(body, { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 })).status).toBe(401);
    // The same request signed for real is taken (an edit, which the assistant leaves alone).
    const edit = messageEvent(TOM, TOM_DM, 'restart my laptop', slack.nextTs(), { subtype: 'message_changed' });
    expect((await post(edit)).status).toBe(200);
    expect((await post(body, { signature: undefined, headers: { 'x-slack-signature': '' } })).status).toBe(401);
  });

  it("answers Slack's check of the events URL", async () => {
    const answer = await post(JSON.stringify({ token: 'unused', type: 'url_verification', challenge: 'c-42' }));
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('c-42');
  });
});

describe('the assistant in Slack', () => {
  it('answers a direct message in its thread from the knowledge base, posted once and edited as it streams', async () => {
    const ts = await dm(TOM, TOM_DM, 'How do I set up the VPN on my laptop?');
    const answer = await slack.waitInThread(TOM_DM, ts, (text) => text.includes('<https://demo.portal.test/kb/'));
    expect(answer.text).toMatch(/<https:\/\/demo\.portal\.test\/kb\/[a-z0-9-]+\|[^>]+>/);
    expect(slack.callsOf('chat.postMessage', (c) => c.args.thread_ts === ts)).toHaveLength(1);
    expect(slack.callsOf('chat.postMessage', (c) => c.args.thread_ts === ts)[0]!.token).toBe('xoxb-test-token');
    // The first answer of a run also loads the assistant's language models.
  }, 90_000);

  it('stores a message that Slack sends several times at once (its retries) once, and answers it once', async () => {
    const ts = slack.nextTs();
    const body = messageEvent(TOM, TOM_DM, 'How do I set up the VPN?', ts);
    const retry = (n: number) => ({ headers: { 'x-slack-retry-num': String(n), 'x-slack-retry-reason': 'http_timeout' } });
    const answers = await Promise.all([post(body), ...[1, 2, 3, 4].map((n) => post(body, retry(n)))]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    await slack.waitInThread(TOM_DM, ts, (text) => text.includes('/kb/'));
    expect((await post(body, retry(5))).status).toBe(200);

    const tech = await consoleOfTech();
    const { conversations } = await tech.emit('conversations:active', {});
    const mine = conversations.find((c: { user: { name: string } }) => c.user.name === 'Tom Baker');
    const { conversation } = await tech.emit('chat:join', { conversationId: mine.id });
    await tech.emit('chat:leave', { conversationId: mine.id });
    expect(conversation.messages.filter((m: { role: string }) => m.role === 'user').map((m: { text: string }) => m.text)).toEqual(['How do I set up the VPN?']);
    expect(slack.callsOf('chat.postMessage', (c) => c.args.thread_ts === ts && !/Sam Torres|assistant is back/.test(c.args.text))).toHaveLength(1);
  });

  it('answers a mention in a channel in its thread, without the mention in what the assistant reads', async () => {
    const ts = slack.nextTs();
    const event = JSON.parse(messageEvent(TOM, 'C0GENERAL', '<@U0BOT> how do I connect to the VPN?', ts)) as { event: Record<string, unknown> };
    event.event = { ...event.event, type: 'app_mention', channel_type: undefined };
    expect((await post(JSON.stringify(event))).status).toBe(200);
    const answer = await slack.waitInThread('C0GENERAL', ts, (text) => text.includes('/kb/'));
    expect(answer.text.toLowerCase()).toContain('vpn');
  });

  it('refuses a workspace member who is no contact, politely, in their language, naming whom to ask', async () => {
    const ts = await dm(STRANGER, 'D0STRANGER', 'Please restart my laptop');
    const refusal = await slack.waitInThread('D0STRANGER', ts, () => true);
    expect(refusal.text).toMatch(/^Désolé/);
    expect(refusal.text).toContain('Sam Torres (tech@demo.portico.local)');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.thread('D0STRANGER', ts)).toHaveLength(1);
  });

  it('confirms an action with a button, takes the phone and the SMS code in modals, and reports its progress in the thread', async () => {
    const ts = await dm(TOM, TOM_DM, 'please restart my laptop');
    const card = await slack.waitFor('chat.postMessage', (c) => c.args.thread_ts === ts && Array.isArray(c.args.blocks) && c.args.blocks.length > 1);
    const buttons = card.args.blocks[1].elements as { action_id: string; value: string; text: { text: string } }[];
    expect(buttons.map((b) => b.text.text)).toEqual(['Confirm', 'Cancel']);
    expect(card.args.text).toBe('*Restart* on *TOM-LAPTOP*: Awaiting confirmation');
    const actionId = buttons[0]!.value;

    const pressed = await interaction({
      type: 'block_actions',
      user: { id: TOM, team_id: SLACK_TEAM },
      trigger_id: 'trigger-1',
      channel: { id: TOM_DM },
      message: { ts: card.result.ts, thread_ts: ts },
      container: { type: 'message', message_ts: card.result.ts, channel_id: TOM_DM },
      actions: [{ type: 'button', action_id: buttons[0]!.action_id, block_id: 'portico_action', value: actionId, action_ts: '1' }],
    });
    expect(pressed.status).toBe(200);
    const opened = await slack.waitFor('views.open', (c) => c.args.trigger_id === 'trigger-1');
    // Tom has no phone saved yet: the first modal asks for it.
    expect(opened.args.view.callback_id).toBe('portico_phone');
    const edited = await slack.waitFor('chat.update', (c) => c.args.ts === card.result.ts);
    expect(edited.args.blocks).toHaveLength(1);
    expect(edited.args.text).toContain('Awaiting the SMS code');

    const badPhone = await submitModal(TOM, 'portico_phone', opened.args.view.private_metadata, 'phone', '12345');
    expect(JSON.parse(badPhone.text)).toMatchObject({ response_action: 'errors', errors: { phone: expect.stringMatching(/country code/) } });
    const phoneSaved = await submitModal(TOM, 'portico_phone', opened.args.view.private_metadata, 'phone', '+44 7400 555001');
    const codeView = JSON.parse(phoneSaved.text);
    expect(codeView).toMatchObject({ response_action: 'update', view: { callback_id: 'portico_code' } });

    const code = codeIn((await latestSms(demo.users.tech, '+447400555001')).body);
    const wrong = await submitModal(TOM, 'portico_code', codeView.view.private_metadata, 'code', code === '000000' ? '111111' : '000000');
    expect(JSON.parse(wrong.text)).toMatchObject({ response_action: 'errors', errors: { code: expect.any(String) } });
    const verified = await submitModal(TOM, 'portico_code', codeView.view.private_metadata, 'code', code);
    expect(verified.status).toBe(200);
    expect(verified.text).toBe('');

    await slack.waitInThread(TOM_DM, ts, (text) => text === '*Restart* on *TOM-LAPTOP*: Queued');
    await slack.waitInThread(TOM_DM, ts, (text) => text === '*Restart* on *TOM-LAPTOP*: Done');
  });

  it("posts a technician's console reply in a taken-over conversation back in its Slack thread, escaped, and keeps the assistant silent", async () => {
    const ts = await dm(TOM, TOM_DM, 'My printer does not print');
    await slack.waitInThread(TOM_DM, ts, (text) => text.length > 0);
    const tech = await consoleOfTech();
    const { conversations } = await tech.emit('conversations:active', {});
    const line = conversations.find((c: { user: { name: string } }) => c.user.name === 'Tom Baker');
    expect(line.channel).toBe('slack');
    const conversationId: string = line.id;
    const { conversation } = await tech.emit('chat:join', { conversationId });
    expect(conversation.messages[0].text).toBe('My printer does not print');
    await slack.waitInThread(TOM_DM, ts, (text) => text.includes('Sam Torres'));

    const sent = await tech.emit('chat:send', { conversationId, text: 'Hi Tom <!channel>, R&D here' });
    expect(sent.message.role).toBe('technician');
    await slack.waitInThread(TOM_DM, ts, (text) => text === '*Sam Torres*: Hi Tom &lt;!channel&gt;, R&amp;D here');

    const before = slack.thread(TOM_DM, ts).length;
    await dm(TOM, TOM_DM, 'Thanks, it is the one on floor 2', { thread_ts: ts });
    const heard = await tech.waitFor('chat:message', (p) => p.conversationId === conversationId && p.message.role === 'user' && p.message.text.includes('floor 2'));
    expect(heard.message.text).toBe('Thanks, it is the one on floor 2');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.thread(TOM_DM, ts)).toHaveLength(before);
    await tech.emit('chat:leave', { conversationId });
  });

  it("lists Tom's Slack chats among his conversations, and leaves them out of the chat his widget restores", async () => {
    const { conversations } = (await demo.users.tom.get('/api/v1/conversations?limit=50')).body;
    expect(conversations[0]).toMatchObject({ channel: 'slack', preview: 'My printer does not print' });
    const widget = await demo.chat('tom');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(widget.events.filter((e) => e.event === 'chat:history')).toEqual([]);
  });

  it('asks Slack who the bot is once, not at every event', () => {
    expect(slack.callsOf('auth.test')).toHaveLength(1);
  });
});
