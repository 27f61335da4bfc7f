import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createOtherTenant, type OtherTenant } from './factories/tenant.factory.js';
import { createTechnician } from './factories/technician.factory.js';
import { useDemoPortico } from './support/demo-portico.js';
import { DEMO, HttpClient } from './support/http-client.js';
import { postToSlackEndpoint, SLACK_TEAM, SlackApi } from './support/slack-api.js';

// A tenant's own Slack app, configured by its admins over HTTP with write-only secrets, on an install whose demo tenant
// has the Slack app configured by environment; Slack's Web API is a local server that records each call's token.

const ENV_SECRET = 'env-signing-secret-of-the-demo';
const ENV_TOKEN = 'xoxb-env-demo-token';
const GLOBEX_SECRET = 'globex-own-signing-secret-4d2f';
const GLOBEX_TOKEN = 'xoxb-globex-own-bot-token-1a2b';
const TOM = 'U0TOM';
const TEAMS_APP = '0b7e6a52-5c1d-4e2f-9a3b-8c7d6e5f4a3b';

let slack: SlackApi;
beforeAll(async () => {
  slack = await SlackApi.start();
  slack.members.set(TOM, { email: 'tom.baker@acmedental.example', locale: 'en-GB' });
});
afterAll(() => slack.close());
const demo = useDemoPortico(() => ({ env: { SLACK_SIGNING_SECRET: ENV_SECRET, SLACK_BOT_TOKEN: ENV_TOKEN, SLACK_API_URL: slack.url } }));

let globex: OtherTenant;
let globexAdmin: HttpClient;
beforeAll(async () => {
  const pool = demo.portico.db.pool;
  globex = await createOtherTenant(pool, 'globex');
  const admin = await createTechnician(pool, globex.tenantId, { username: 'admin@globex.example', admin: true });
  globexAdmin = new HttpClient(demo.portico.port, globex.hostname);
  expect((await globexAdmin.login(admin.username, admin.password)).status).toBe(200);
});

function dmEvent(text: string, ts: string): string {
  return JSON.stringify({
    token: 'unused',
    team_id: SLACK_TEAM,
    api_app_id: 'A0GLOBEX',
    type: 'event_callback',
    event_id: `Ev${ts.replace('.', '')}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'message', channel_type: 'im', channel: 'D0TOM', user: TOM, text, ts, event_ts: ts, team: SLACK_TEAM },
  });
}

const urlCheck = JSON.stringify({ token: 'unused', type: 'url_verification', challenge: 'c-7' });
const postAs = (host: string, secret: string, body = urlCheck) => postToSlackEndpoint(demo.portico.port, body, { secret, host });

const slackPatch = () => ({ slack: { enabled: true, signingSecret: GLOBEX_SECRET, botToken: GLOBEX_TOKEN, apiUrl: slack.url } });

describe('chat apps settings', () => {
  it('are for admins only: a technician who is not one and an end user are refused 403', async () => {
    const { rows } = await demo.portico.db.pool.query<{ tenant_id: string }>('SELECT tenant_id FROM technicians WHERE username = $1', [DEMO.tech]);
    const helpdesk = await createTechnician(demo.portico.db.pool, rows[0]!.tenant_id);
    const technician = new HttpClient(demo.portico.port);
    await technician.login(helpdesk.username, helpdesk.password);
    for (const client of [technician, demo.users.tom]) {
      for (const answer of [await client.get('/api/v1/admin/chat-apps'), await client.patch('/api/v1/admin/chat-apps', { teams: { enabled: false } })]) {
        expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status: 403, code: 'forbidden' });
      }
    }
    expect((await demo.users.tech.get('/api/v1/admin/chat-apps')).status).toBe(200);
  });

  it('keep secrets write-only: saved sealed, shown as set with the bot token\'s last 4, never in answers, the audit log or the logs', async () => {
    const saved = await globexAdmin.patch('/api/v1/admin/chat-apps', {
      slack: { signingSecret: GLOBEX_SECRET, botToken: GLOBEX_TOKEN, appToken: 'xapp-1-globex-app-level' },
      teams: { appId: TEAMS_APP, appPassword: 'globex-teams-password' },
    });
    expect(saved.status).toBe(200);
    const read = await globexAdmin.get('/api/v1/admin/chat-apps');
    expect(read.body).toEqual(saved.body);
    expect(read.body).toEqual({
      slack: {
        enabled: false,
        signingSecret: { set: true },
        botToken: { set: true, last4: '1a2b' },
        apiUrl: null,
        appToken: { set: true },
        requestUrl: 'https://globex.portal.test/integrations/slack/events',
      },
      teams: {
        enabled: false,
        appId: TEAMS_APP,
        appPassword: { set: true },
        appTenantId: null,
        messagingEndpoint: 'https://globex.portal.test/integrations/teams/messages',
      },
    });
    const secrets = [GLOBEX_SECRET, GLOBEX_TOKEN, 'xapp-1-globex-app-level', 'globex-teams-password'];
    const { rows } = await demo.portico.db.pool.query('SELECT * FROM tenant_chat_apps WHERE tenant_id = $1', [globex.tenantId]);
    const audit = await demo.portico.db.pool.query("SELECT details FROM audit_log WHERE tenant_id = $1 AND action = 'chat_apps.updated'", [globex.tenantId]);
    expect(audit.rows[0].details).toMatchObject({ changed: expect.arrayContaining(['slack.signingSecret', 'slack.botToken', 'teams.appPassword']) });
    const auditAnswer = await globexAdmin.get('/api/v1/admin/audit?action=chat_apps');
    expect(auditAnswer.status).toBe(200);
    for (const secret of secrets) {
      for (const seen of [JSON.stringify(read.body), JSON.stringify(rows), JSON.stringify(audit.rows), auditAnswer.text, demo.portico.logs.join('')]) {
        expect(seen).not.toContain(secret);
      }
    }
    expect(rows[0].slack_bot_token_sealed).toMatch(/^v1\./);
  });

  it('keeps a secret the change leaves out, clears one set to null, and refuses bad values by field in the admin\'s language', async () => {
    expect((await globexAdmin.patch('/api/v1/admin/chat-apps', { slack: { apiUrl: slack.url } })).body.slack).toMatchObject({
      signingSecret: { set: true },
      botToken: { set: true, last4: '1a2b' },
      apiUrl: slack.url,
    });
    const cleared = await globexAdmin.patch('/api/v1/admin/chat-apps', { slack: { appToken: null }, teams: { appPassword: null } });
    expect(cleared.body.slack.appToken).toEqual({ set: false });
    expect(cleared.body.teams.appPassword).toEqual({ set: false });
    expect(cleared.body.slack.signingSecret).toEqual({ set: true });

    const refusals: [unknown, string, string][] = [
      [{ slack: { botToken: 'xoxp-user-token' } }, 'chat_app_field_invalid', 'slack.botToken'],
      [{ slack: { apiUrl: 'ftp://slack.example' } }, 'chat_app_field_invalid', 'slack.apiUrl'],
      [{ teams: { appId: 'not-a-guid' } }, 'chat_app_field_invalid', 'teams.appId'],
      [{ teams: { enabled: true } }, 'chat_app_incomplete', ''],
      [{ slack: { signingSecret: 42 } }, 'validation_failed', ''],
      [{ slack: { password: 'x' } }, 'validation_failed', ''],
    ];
    for (const [body, code, field] of refusals) {
      const answer = await globexAdmin.patch('/api/v1/admin/chat-apps', body);
      expect({ body, status: answer.status, code: answer.body.error.code }).toEqual({ body, status: 400, code });
      if (field) expect(answer.body.error.details).toEqual({ field });
    }
    expect((await globexAdmin.patch('/api/v1/me', { language: 'fr' })).status).toBe(200);
    const french = await globexAdmin.patch('/api/v1/admin/chat-apps', { slack: { botToken: 'xoxp-1' } });
    await globexAdmin.patch('/api/v1/me', { language: 'en' });
    expect(french.body.error.message).toMatch(/^Le jeton du bot doit commencer par « xoxb- »/);
    expect((await globexAdmin.get('/api/v1/admin/chat-apps')).body.slack.botToken).toEqual({ set: true, last4: '1a2b' });
  });
});

describe("a tenant's own Slack app", () => {
  it("checks requests to the tenant's host with its own signing secret and answers with its own bot token and API", async () => {
    // Before the tenant has its own app, the environment's app serves its host, as it always did.
    expect((await postAs(globex.hostname, ENV_SECRET)).status).toBe(200);
    expect((await globexAdmin.patch('/api/v1/admin/chat-apps', slackPatch())).status).toBe(200);

    expect((await postAs(globex.hostname, ENV_SECRET)).status).toBe(401);
    const check = await postAs(globex.hostname, GLOBEX_SECRET);
    expect({ status: check.status, text: check.text }).toEqual({ status: 200, text: expect.stringContaining('c-7') });
    // The demo's hosts keep the app configured by environment.
    expect((await postAs('127.0.0.1', ENV_SECRET)).status).toBe(200);
    expect((await postAs('127.0.0.1', GLOBEX_SECRET)).status).toBe(401);

    const ts = slack.nextTs();
    expect((await postAs(globex.hostname, GLOBEX_SECRET, dmEvent('Hello, my printer is jammed', ts))).status).toBe(200);
    const answer = await slack.waitFor('chat.postMessage', (call) => call.args.thread_ts === ts, 60_000);
    expect(answer.token).toBe(GLOBEX_TOKEN);
    expect(slack.callsOf('users.info', (call) => call.args.user === TOM).at(-1)!.token).toBe(GLOBEX_TOKEN);
    // The message is the other tenant's conversation, not the demo's.
    const { rows } = await demo.portico.db.pool.query("SELECT tenant_id FROM conversations WHERE channel = 'slack'");
    expect(rows.map((row) => row.tenant_id)).toEqual([globex.tenantId]);
  }, 90_000);

  it('follows a change at once: a replaced signing secret refuses the old one, and a disabled app hands the host back', async () => {
    const replaced = 'globex-replaced-signing-secret';
    await globexAdmin.patch('/api/v1/admin/chat-apps', { slack: { signingSecret: replaced } });
    expect((await postAs(globex.hostname, GLOBEX_SECRET)).status).toBe(401);
    expect((await postAs(globex.hostname, replaced)).status).toBe(200);
    await globexAdmin.patch('/api/v1/admin/chat-apps', { slack: { enabled: false } });
    expect((await postAs(globex.hostname, replaced)).status).toBe(401);
    expect((await postAs(globex.hostname, ENV_SECRET)).status).toBe(200);
    // Nothing the app did with them, refusals included, wrote a secret into the logs.
    const logs = demo.portico.logs.join('');
    for (const secret of [GLOBEX_SECRET, GLOBEX_TOKEN, replaced]) expect(logs).not.toContain(secret);
  });
});
