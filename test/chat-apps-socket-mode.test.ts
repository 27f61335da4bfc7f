import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createOtherTenant, type OtherTenant } from './factories/tenant.factory.js';
import { createTechnician } from './factories/technician.factory.js';
import { useDemoPortico } from './support/demo-portico.js';
import { HttpClient } from './support/http-client.js';
import { freshDataDir, startTestPortico } from './support/portico.js';
import { SLACK_APP_TOKEN, SLACK_TEAM, SlackApi } from './support/slack-api.js';

// A tenant's own Slack app reached by Socket Mode, with the app-level token its admin saved in the chat apps settings:
// the local stand-in for Slack accepts several apps' tokens and records which token opened each connection. The demo
// tenant's app, configured by environment, keeps its own connection beside it.

const ENV_BOT_TOKEN = 'xoxb-env-demo-token';
const GLOBEX_SECRET = 'globex-own-signing-secret-4d2f';
const GLOBEX_BOT_TOKEN = 'xoxb-globex-own-bot-token-1a2b';
const GLOBEX_APP_TOKEN = 'xapp-1-A0GLOBEX-1-first-app-level';
const REPLACED_APP_TOKEN = 'xapp-1-A0GLOBEX-2-replaced-app-level';
const REVOKED_APP_TOKEN = 'xapp-1-A0INITECH-1-revoked';
const TOM = 'U0TOM';

let slack: SlackApi;
beforeAll(async () => {
  slack = await SlackApi.start();
  slack.members.set(TOM, { email: 'tom.baker@acmedental.example', locale: 'en-GB' });
  slack.appTokens.add(GLOBEX_APP_TOKEN).add(REPLACED_APP_TOKEN);
});
afterAll(() => slack.close());

async function until(what: string, test: () => boolean, timeoutMs = 15_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !test(); await new Promise((resolve) => setTimeout(resolve, 25))) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
  }
}

function dmEvent(text: string, ts: string): Record<string, unknown> {
  return {
    token: 'unused',
    team_id: SLACK_TEAM,
    api_app_id: 'A0GLOBEX',
    type: 'event_callback',
    event_id: `Ev${ts.replace('.', '')}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'message', channel_type: 'im', channel: 'D0TOM', user: TOM, text, ts, event_ts: ts, team: SLACK_TEAM },
  };
}

/** A direct message on a connection of the app whose token is `appToken`; answers the thread its answer goes to. */
async function dmOn(appToken: string, text: string): Promise<string> {
  const ts = slack.nextTs();
  await slack.waitForAck(slack.deliver('events_api', dmEvent(text, ts), { appToken }));
  return ts;
}

async function adminOf(port: number, pool: Parameters<typeof createOtherTenant>[0], slug: string): Promise<{ tenant: OtherTenant; admin: HttpClient }> {
  const tenant = await createOtherTenant(pool, slug);
  const technician = await createTechnician(pool, tenant.tenantId, { username: `admin@${slug}.example`, admin: true });
  const admin = new HttpClient(port, tenant.hostname);
  expect((await admin.login(technician.username, technician.password)).status).toBe(200);
  return { tenant, admin };
}

const ownSlackApp = (appToken: string) => ({ slack: { enabled: true, signingSecret: GLOBEX_SECRET, botToken: GLOBEX_BOT_TOKEN, apiUrl: slack.url, appToken } });

describe("a tenant's own Slack app over Socket Mode", () => {
  const demo = useDemoPortico(() => ({ env: { SLACK_APP_TOKEN, SLACK_BOT_TOKEN: ENV_BOT_TOKEN, SLACK_API_URL: slack.url } }));
  let globex: OtherTenant;
  let globexAdmin: HttpClient;
  beforeAll(async () => {
    ({ tenant: globex, admin: globexAdmin } = await adminOf(demo.portico.port, demo.portico.db.pool, 'globex'));
    await until('the environment app connected', () => slack.openSocketsOf(SLACK_APP_TOKEN) === 1);
  });

  it("connects with the app-level token its admin saves, without a restart, and answers with the tenant's bot token", async () => {
    expect(slack.callsOf('apps.connections.open', (c) => c.token === GLOBEX_APP_TOKEN)).toHaveLength(0);
    expect((await globexAdmin.patch('/api/v1/admin/chat-apps', ownSlackApp(GLOBEX_APP_TOKEN))).status).toBe(200);
    await until('the tenant app connected', () => slack.openSocketsOf(GLOBEX_APP_TOKEN) === 1);
    expect(slack.callsOf('apps.connections.open', (c) => c.token === GLOBEX_APP_TOKEN)).toHaveLength(1);

    const ts = await dmOn(GLOBEX_APP_TOKEN, 'Hello, my printer is jammed');
    const answer = await slack.waitFor('chat.postMessage', (call) => call.args.thread_ts === ts, 60_000);
    expect(answer.token).toBe(GLOBEX_BOT_TOKEN);
    expect(slack.callsOf('users.info').map((call) => call.token)).toEqual([GLOBEX_BOT_TOKEN]);
    const { rows } = await demo.portico.db.pool.query("SELECT tenant_id FROM conversations WHERE channel = 'slack'");
    expect(rows.map((row) => row.tenant_id)).toEqual([globex.tenantId]);
    expect(slack.openSocketsOf(SLACK_APP_TOKEN)).toBe(1);
  }, 90_000);

  it('closes the connection when the token is replaced and opens one with the new token, which serves the tenant', async () => {
    expect((await globexAdmin.patch('/api/v1/admin/chat-apps', { slack: { appToken: REPLACED_APP_TOKEN } })).status).toBe(200);
    await until('the old connection closed and a new one opened', () => slack.openSocketsOf(GLOBEX_APP_TOKEN) === 0 && slack.openSocketsOf(REPLACED_APP_TOKEN) === 1);
    expect(slack.callsOf('apps.connections.open', (c) => c.token === GLOBEX_APP_TOKEN)).toHaveLength(1);

    const ts = await dmOn(REPLACED_APP_TOKEN, 'How do I set up the VPN?');
    expect((await slack.waitFor('chat.postMessage', (call) => call.args.thread_ts === ts, 60_000)).token).toBe(GLOBEX_BOT_TOKEN);
    expect(slack.openSocketsOf(SLACK_APP_TOKEN)).toBe(1);
  }, 90_000);

  it("closes the connection when the app is turned off, and leaves the environment app's open", async () => {
    await until('the connection open', () => slack.openSocketsOf(REPLACED_APP_TOKEN) === 1);
    const opened = slack.callsOf('apps.connections.open').length;
    expect((await globexAdmin.patch('/api/v1/admin/chat-apps', { slack: { enabled: false } })).status).toBe(200);
    await until('the connection closed', () => slack.openSocketsOf(REPLACED_APP_TOKEN) === 0);
    // Longer than the first wait before the connection would be opened again.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(slack.callsOf('apps.connections.open')).toHaveLength(opened);
    expect(slack.openSocketsOf(SLACK_APP_TOKEN)).toBe(1);
  });

  it("says a token Slack refuses in one error line naming the tenant, and another tenant's app goes on connecting", async () => {
    const { tenant: initech, admin: initechAdmin } = await adminOf(demo.portico.port, demo.portico.db.pool, 'initech');
    expect((await initechAdmin.patch('/api/v1/admin/chat-apps', ownSlackApp(REVOKED_APP_TOKEN))).status).toBe(200);
    expect((await globexAdmin.patch('/api/v1/admin/chat-apps', { slack: { enabled: true } })).status).toBe(200);
    await until('the other tenant connected', () => slack.openSocketsOf(REPLACED_APP_TOKEN) === 1);
    const refusal = (line: string) => line.includes('invalid_auth');
    await until('the refusal logged', () => demo.portico.logs.some(refusal));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const lines = demo.portico.logs.filter(refusal).map((line) => JSON.parse(line) as { level: number; tenantId: string; msg: string });
    expect(lines).toEqual([expect.objectContaining({ level: 50, tenantId: initech.tenantId, msg: expect.stringMatching(/^Slack refused the app-level token/) })]);
    expect(slack.callsOf('apps.connections.open', (c) => c.token === REVOKED_APP_TOKEN)).toHaveLength(1);
    const logs = demo.portico.logs.join('');
    for (const secret of [GLOBEX_APP_TOKEN, REPLACED_APP_TOKEN, REVOKED_APP_TOKEN, GLOBEX_BOT_TOKEN]) expect(logs).not.toContain(secret);
  });
});

describe("a tenant's own Slack app over Socket Mode, across a restart", () => {
  it('connects at start when saved before it, and closes with the server', async () => {
    const dataDir = freshDataDir();
    try {
      const first = await startTestPortico({ dataDir });
      try {
        const { admin } = await adminOf(first.port, first.db.pool, 'globex');
        expect((await admin.patch('/api/v1/admin/chat-apps', ownSlackApp(GLOBEX_APP_TOKEN))).status).toBe(200);
        await until('the tenant app connected', () => slack.openSocketsOf(GLOBEX_APP_TOKEN) === 1);
      } finally {
        await first.close();
      }
      await until('the connection closed with the server', () => slack.openSocketsOf(GLOBEX_APP_TOKEN) === 0);

      const opened = slack.callsOf('apps.connections.open', (c) => c.token === GLOBEX_APP_TOKEN).length;
      const second = await startTestPortico({ dataDir });
      try {
        await until('the tenant app connected at start', () => slack.openSocketsOf(GLOBEX_APP_TOKEN) === 1);
        expect(slack.callsOf('apps.connections.open', (c) => c.token === GLOBEX_APP_TOKEN)).toHaveLength(opened + 1);
      } finally {
        await second.close();
      }
      await until('the connection closed with the server', () => slack.openSocketsOf(GLOBEX_APP_TOKEN) === 0);
    } finally {
      rmSync(dirname(dataDir), { recursive: true, force: true });
    }
  }, 60_000);
});
