import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createOtherTenant, type OtherTenant } from './factories/tenant.factory.js';
import { createTechnician } from './factories/technician.factory.js';
import { useDemoPortico } from './support/demo-portico.js';
import { HttpClient } from './support/http-client.js';
import { LocalConnector, localTeamsCloud, personalActivity, type Member } from './support/teams-connector.js';

// A tenant's own Teams bot, configured by its admin in the console, on an install whose demo tenant has the bot
// configured by environment: each bot checks the tokens of requests to its tenant's host and sends with its own login.

const ENV_APP = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const GLOBEX_APP = '2a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d';
const loginTokenOf = (appId: string) => `login-token-of-${appId}`;

const tom: Member = {
  id: '29:tom',
  name: 'Tom Baker',
  aadObjectId: randomUUID(),
  userPrincipalName: 'tom.baker@acmedental.example',
  chat: 'a:chat-tom',
  locale: 'en-GB',
};
const connector = new LocalConnector({ tom }, GLOBEX_APP);
beforeAll(() => connector.start());
afterAll(() => connector.stop());
const demo = useDemoPortico(() => ({
  env: { MICROSOFT_APP_ID: ENV_APP, MICROSOFT_APP_PASSWORD: 'env-password' },
  teamsCloud: localTeamsCloud(connector, loginTokenOf),
}));

let globex: OtherTenant;
let globexAdmin: HttpClient;
beforeAll(async () => {
  globex = await createOtherTenant(demo.portico.db.pool, 'globex');
  const admin = await createTechnician(demo.portico.db.pool, globex.tenantId, { username: 'admin@globex.example', admin: true });
  globexAdmin = new HttpClient(demo.portico.port, globex.hostname);
  await globexAdmin.login(admin.username, admin.password);
});

const activity = (appId: string, fields: Record<string, unknown>) => personalActivity(connector, appId, tom, fields);

async function post(host: string, audience: string, body: unknown): Promise<number> {
  const client = new HttpClient(demo.portico.port, host);
  const answer = await client.send('POST', '/integrations/teams/messages', {
    json: body,
    headers: { authorization: `Bearer ${connector.token({ audience })}` },
  });
  return answer.status;
}

describe("a tenant's own Teams bot", () => {
  it("takes requests to the tenant's host only with a token for its own app ID, and replies with its own login", async () => {
    const hello = activity(GLOBEX_APP, { text: 'Hello, my printer is jammed', textFormat: 'plain' });
    // Without its own bot the tenant's host is the environment's bot's, which refuses a token for another app.
    expect(await post(globex.hostname, GLOBEX_APP, hello)).toBe(401);
    const saved = await globexAdmin.patch('/api/v1/admin/chat-apps', { teams: { enabled: true, appId: GLOBEX_APP, appPassword: 'globex-password' } });
    expect(saved.status).toBe(200);

    expect(await post(globex.hostname, ENV_APP, activity(ENV_APP, { text: 'a token for the other bot' }))).toBe(401);
    // The demo's hosts keep the bot configured by environment.
    expect(await post('127.0.0.1', GLOBEX_APP, hello)).toBe(401);

    const before = connector.posted.length;
    expect(await post(globex.hostname, GLOBEX_APP, hello)).toBe(200);
    const reply = await connector.sent((p) => connector.posted.indexOf(p) >= before && p.activity.type === 'message' && typeof p.activity.text === 'string', 80_000);
    expect(reply.authorization).toBe(`Bearer ${loginTokenOf(GLOBEX_APP)}`);
    const { rows } = await demo.portico.db.pool.query("SELECT tenant_id FROM conversations WHERE channel = 'teams'");
    expect(rows.map((row) => row.tenant_id)).toEqual([globex.tenantId]);
    expect(connector.posted.map((p) => p.authorization)).not.toContain(`Bearer ${loginTokenOf(ENV_APP)}`);
  }, 100_000);

  it('hands the host back to the environment bot once the tenant turns its own off', async () => {
    await globexAdmin.patch('/api/v1/admin/chat-apps', { teams: { enabled: false } });
    expect(await post(globex.hostname, GLOBEX_APP, activity(GLOBEX_APP, { text: 'still there?' }))).toBe(401);
    const install = activity(ENV_APP, { type: 'conversationUpdate', membersAdded: [{ id: `28:${ENV_APP}` }] });
    expect(await post(globex.hostname, ENV_APP, install)).toBe(200);
  });
});
