import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createLogger } from '../config/logger.js';
import { startSlackSocketMode } from '../server/channels/slack/slack-socket-mode.js';
import { useDemoPortico } from './support/demo-portico.js';
import { codeIn, latestSms, resetSmsAllowance } from './support/self-service.js';
import { postToSlackEndpoint, SLACK_APP_TOKEN, SLACK_TEAM, SlackApi } from './support/slack-api.js';

// Portico's Slack app for the demo tenant over Socket Mode: it opens a WebSocket to a local stand-in for Slack (the
// address from apps.connections.open on SLACK_API_URL), which delivers envelopes on it and records the acks.

const BOT_TOKEN = 'xoxb-test-token';
const TOM = 'U0TOM';
const TOM_DM = 'D0TOM';

let slack: SlackApi;
beforeAll(async () => {
  slack = await SlackApi.start();
  slack.members.set(TOM, { email: 'tom.baker@acmedental.example', locale: 'en-GB' });
});
afterAll(() => slack.close());

function messageEvent(user: string, channel: string, text: string, ts: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    token: 'unused',
    team_id: SLACK_TEAM,
    api_app_id: 'A0PORTICO',
    type: 'event_callback',
    event_id: `Ev${ts.replace('.', '')}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'message', channel_type: 'im', channel, user, text, ts, event_ts: ts, team: SLACK_TEAM, ...extra },
  };
}

describe('Slack over Socket Mode', () => {
  const demo = useDemoPortico(() => ({ env: { SLACK_APP_TOKEN, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.url } }));
  const delivered: string[] = [];
  const deliver = (...args: Parameters<SlackApi['deliver']>) => {
    const envelopeId = slack.deliver(...args);
    delivered.push(envelopeId);
    return envelopeId;
  };
  beforeAll(() => slack.waitForSockets(1));
  beforeEach(() => resetSmsAllowance(demo.portico.db.pool));

  /** A direct message to the bot in an envelope; answers its timestamp, also the thread of the answer, and the envelope. */
  function dm(text: string, extra: { retry_attempt?: number; retry_reason?: string } = {}, ts = slack.nextTs()) {
    return { ts, envelopeId: deliver('events_api', messageEvent(TOM, TOM_DM, text, ts), extra) };
  }

  function submitModal(callbackId: string, privateMetadata: string, field: string, value: string): Promise<Record<string, any> | undefined> {
    const envelopeId = deliver('interactive', {
      type: 'view_submission',
      api_app_id: 'A0PORTICO',
      team: { id: SLACK_TEAM },
      token: 'unused',
      user: { id: TOM, team_id: SLACK_TEAM },
      view: {
        id: 'V0MODAL',
        type: 'modal',
        team_id: SLACK_TEAM,
        callback_id: callbackId,
        private_metadata: privateMetadata,
        state: { values: { [field]: { [field]: { type: 'plain_text_input', value } } } },
      },
    });
    return slack.waitForAck(envelopeId).then((ack) => ack.payload);
  }

  it('asks for its connection with the app-level token on SLACK_API_URL, and has no HTTP endpoint without a signing secret', async () => {
    const opened = slack.callsOf('apps.connections.open');
    expect(opened).toHaveLength(1);
    expect(opened[0]!.token).toBe(SLACK_APP_TOKEN);
    const answer = await postToSlackEndpoint(demo.portico.port, JSON.stringify(messageEvent(TOM, TOM_DM, 'hello', slack.nextTs())), { secret: 'any' });
    expect(answer.status).toBe(404);
  });

  it('answers a direct message in its thread, posted once and edited as it streams, and acknowledges the envelope', async () => {
    const { ts, envelopeId } = dm('How do I set up the VPN on my laptop?');
    expect(await slack.waitForAck(envelopeId)).toEqual({ envelope_id: envelopeId, payload: {} });
    const answer = await slack.waitInThread(TOM_DM, ts, (text) => text.includes('<https://demo.portal.test/kb/'));
    expect(answer.text).toMatch(/<https:\/\/demo\.portal\.test\/kb\/[a-z0-9-]+\|[^>]+>/);
    const posted = slack.callsOf('chat.postMessage', (c) => c.args.thread_ts === ts);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.token).toBe(BOT_TOKEN);
    // The first answer of a run also loads the assistant's language models.
  }, 90_000);

  it('answers once a message that Slack delivers again in another envelope (retry_attempt 1), and acknowledges both', async () => {
    const first = dm('How do I connect to the VPN?');
    const again = dm('How do I connect to the VPN?', { retry_attempt: 1, retry_reason: 'timeout' }, first.ts);
    await Promise.all([slack.waitForAck(first.envelopeId), slack.waitForAck(again.envelopeId)]);
    await slack.waitInThread(TOM_DM, first.ts, (text) => text.includes('/kb/'));
    const third = dm('How do I connect to the VPN?', { retry_attempt: 2, retry_reason: 'timeout' }, first.ts);
    await slack.waitForAck(third.envelopeId);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.callsOf('chat.postMessage', (c) => c.args.thread_ts === first.ts)).toHaveLength(1);
  });

  it('confirms an action with a button and takes the phone and the SMS code in modals, their answers on the acks', async () => {
    const { ts } = dm('please restart my laptop');
    const card = await slack.waitFor('chat.postMessage', (c) => c.args.thread_ts === ts && Array.isArray(c.args.blocks) && c.args.blocks.length > 1);
    const buttons = card.args.blocks[1].elements as { action_id: string; value: string; text: { text: string } }[];
    expect(buttons.map((b) => b.text.text)).toEqual(['Confirm', 'Cancel']);

    const pressed = deliver('interactive', {
      type: 'block_actions',
      api_app_id: 'A0PORTICO',
      team: { id: SLACK_TEAM },
      token: 'unused',
      user: { id: TOM, team_id: SLACK_TEAM },
      trigger_id: 'trigger-socket-1',
      channel: { id: TOM_DM },
      message: { ts: card.result.ts, thread_ts: ts },
      container: { type: 'message', message_ts: card.result.ts, channel_id: TOM_DM },
      actions: [{ type: 'button', action_id: buttons[0]!.action_id, block_id: 'portico_action', value: buttons[0]!.value, action_ts: '1' }],
    });
    expect((await slack.waitForAck(pressed)).payload).toEqual({});
    const opened = await slack.waitFor('views.open', (c) => c.args.trigger_id === 'trigger-socket-1');
    expect(opened.token).toBe(BOT_TOKEN);
    expect(opened.args.view.callback_id).toBe('portico_phone');
    const edited = await slack.waitFor('chat.update', (c) => c.args.ts === card.result.ts);
    expect(edited.args.text).toContain('Awaiting the SMS code');

    expect(await submitModal('portico_phone', opened.args.view.private_metadata, 'phone', '12345')).toMatchObject({
      response_action: 'errors',
      errors: { phone: expect.stringMatching(/country code/) },
    });
    const codeView = await submitModal('portico_phone', opened.args.view.private_metadata, 'phone', '+44 7400 555002');
    expect(codeView).toMatchObject({ response_action: 'update', view: { callback_id: 'portico_code' } });
    const code = codeIn((await latestSms(demo.users.tech, '+447400555002')).body);
    expect(await submitModal('portico_code', codeView!.view.private_metadata, 'code', code)).toEqual({});

    await slack.waitInThread(TOM_DM, ts, (text) => text === '*Restart* on *TOM-LAPTOP*: Queued');
    await slack.waitInThread(TOM_DM, ts, (text) => text === '*Restart* on *TOM-LAPTOP*: Done');
  });

  it('opens another connection when Slack asks it to (refresh_requested) and closes the old one, and answers the next message on it', async () => {
    const connections = slack.sockets.length;
    slack.refreshSocket();
    await slack.waitForSockets(connections + 1);
    expect(slack.callsOf('apps.connections.open')).toHaveLength(connections + 1);
    expect(slack.openSockets).toBe(1);
    const { ts, envelopeId } = dm('How do I set up the VPN on my phone?');
    await slack.waitForAck(envelopeId);
    await slack.waitInThread(TOM_DM, ts, (text) => text.includes('/kb/'));
  });

  it('opens another connection when the last one is lost, and answers a message sent meanwhile on it', async () => {
    const connections = slack.sockets.length;
    slack.dropSocket();
    const { ts, envelopeId } = dm('How do I set up the VPN on my tablet?');
    await slack.waitForSockets(connections + 1);
    await slack.waitForAck(envelopeId);
    await slack.waitInThread(TOM_DM, ts, (text) => text.includes('/kb/'));
  });

  it('acknowledged every envelope it was sent, each once', () => {
    expect(delivered.length).toBeGreaterThanOrEqual(9);
    expect(slack.acks.map((ack) => ack.envelope_id).sort()).toEqual([...delivered].sort());
  });
});

describe('a Slack app-level token that Slack refuses', () => {
  const SECRET = 'slack-signing-secret-for-tests';
  const WRONG = 'xapp-1-A0PORTICO-1-revoked';
  const demo = useDemoPortico(() => ({ env: { SLACK_APP_TOKEN: WRONG, SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.url } }));

  it('is said in one error line and not tried again, while the node goes on serving, Slack over HTTP included', async () => {
    await slack.waitFor('apps.connections.open', (c) => c.token === WRONG);
    const refusal = (line: string) => line.includes('invalid_auth');
    for (let waited = 0; !demo.portico.logs.some(refusal); waited += 50) {
      if (waited > 10_000) throw new Error(`no refusal logged; logs: ${demo.portico.logs.join('')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Longer than the first wait before another attempt of a connection that may succeed later.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const lines = demo.portico.logs.filter(refusal).map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(lines).toEqual([expect.objectContaining({ level: 50, msg: expect.stringMatching(/^Slack refused the app-level token \(invalid_auth\)/) })]);
    expect(slack.callsOf('apps.connections.open', (c) => c.token === WRONG)).toHaveLength(1);

    expect((await demo.users.tom.get('/api/v1/me')).status).toBe(200);
    const ts = slack.nextTs();
    const answer = await postToSlackEndpoint(demo.portico.port, JSON.stringify(messageEvent(TOM, TOM_DM, 'How do I set up the VPN?', ts)), { secret: SECRET });
    expect(answer.status).toBe(200);
    await slack.waitInThread(TOM_DM, ts, (text) => text.includes('/kb/'));
  });
});

describe('the Socket Mode connection alone', () => {
  function logged() {
    const lines: { level: number; msg: string }[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(JSON.parse(chunk.toString()));
        callback();
      },
    });
    return { lines, logger: createLogger('info', sink) };
  }

  it('tries again after Slack failed to give an address, and stops trying when it is stopped', async () => {
    const { lines, logger } = logged();
    const opened = slack.callsOf('apps.connections.open').length;
    const connections = slack.sockets.length;
    slack.connectionErrors.push('internal_error', 'service_unavailable');
    const stop = startSlackSocketMode({ appToken: SLACK_APP_TOKEN, apiUrl: slack.url, logger, retryMs: 20 }, () => Promise.resolve());
    await slack.waitForSockets(connections + 1);
    expect(slack.callsOf('apps.connections.open')).toHaveLength(opened + 3);
    expect(lines.filter((line) => line.level === 40).map((line) => line.msg)).toEqual(['Slack Socket Mode could not connect', 'Slack Socket Mode could not connect']);

    // Lost, and Slack failing for a while: it is stopped while it waits to try again.
    slack.connectionErrors.push(...Array<string>(6).fill('internal_error'));
    const before = slack.callsOf('apps.connections.open').length;
    slack.dropSocket();
    await slack.waitFor('apps.connections.open', (c) => slack.callsOf('apps.connections.open').indexOf(c) >= before);
    await stop();
    const after = slack.callsOf('apps.connections.open').length;
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(slack.callsOf('apps.connections.open')).toHaveLength(after);
    expect(slack.connectionErrors.length).toBeGreaterThan(0);
    expect(slack.openSockets).toBe(0);
    slack.connectionErrors.length = 0;
  });
});
