import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { ChatClient } from './support/chat-client.js';
import { useDemoPortico } from './support/demo-portico.js';
import { codeIn, latestSms, resetSmsAllowance } from './support/self-service.js';

const APP_ID = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const ISSUER = 'https://api.botframework.test';
const MS_TENANT = '11111111-2222-4333-8444-555555555555';
const KEY_ID = 'connector-key';
const BOT_TOKEN = 'token-the-bot-got-from-its-login';
const CARD = 'application/vnd.microsoft.card.adaptive';

type Member = { id: string; name: string; aadObjectId: string; userPrincipalName?: string; email?: string; chat: string; locale: string };
const members: Record<string, Member> = {
  tom: { id: '29:tom', name: 'Tom Baker', aadObjectId: randomUUID(), userPrincipalName: 'tom.baker@acmedental.example', email: 'tom.baker@acmedental.example', chat: 'a:chat-tom', locale: 'en-GB' },
  stranger: { id: '29:eve', name: 'Ève Durand', aadObjectId: randomUUID(), userPrincipalName: 'eve.durand@elsewhere.example', chat: 'a:chat-eve', locale: 'fr-FR' },
  // An admin of another organization may set any mail address on their users; only the sign-in name is verified.
  mallory: { id: '29:mallory', name: 'Mallory', aadObjectId: randomUUID(), userPrincipalName: 'mallory@evil.example', email: 'tom.baker@acmedental.example', chat: 'a:chat-mallory', locale: 'en-US' },
};

type Posted = { conversationId: string; activity: any; authorization: string | undefined };

/**
 * A local Bot Connector service: the OpenID metadata and key that sign its tokens to the bot, the members of its
 * conversations, and the activities the bot sends, recorded.
 */
class LocalConnector {
  readonly posted: Posted[] = [];
  private server!: Server;
  private readonly waiters: { test: (p: Posted) => boolean; resolve: (p: Posted) => void }[] = [];
  private readonly signing = generateKeyPairSync('rsa', { modulusLength: 2048 });
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.answer(req).then(([status, body]) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async answer(req: IncomingMessage): Promise<[number, unknown]> {
    const path = decodeURIComponent(req.url ?? '');
    if (path === '/openid') return [200, { issuer: ISSUER, jwks_uri: `${this.url}keys` }];
    if (path === '/keys') {
      const { n, e } = this.signing.publicKey.export({ format: 'jwk' });
      return [200, { keys: [{ kty: 'RSA', use: 'sig', kid: KEY_ID, n, e, endorsements: ['msteams'] }] }];
    }
    const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(path);
    if (member && req.method === 'GET') {
      const found = Object.values(members).find((m) => m.id === member[2] && m.chat === member[1]);
      if (!found) return [404, { error: { code: 'MemberNotFoundInConversation' } }];
      const { chat: _chat, locale: _locale, ...account } = found;
      return [200, { ...account, tenantId: MS_TENANT, userRole: 'user' }];
    }
    const activities = /^\/v3\/conversations\/([^/]+)\/activities(\/[^/]+)?$/.exec(path);
    if (activities && req.method === 'POST') {
      let raw = '';
      for await (const chunk of req) raw += String(chunk);
      const posted = { conversationId: activities[1]!, activity: JSON.parse(raw), authorization: req.headers.authorization };
      this.posted.push(posted);
      for (const waiter of [...this.waiters]) {
        if (waiter.test(posted)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(posted);
        }
      }
      return [200, { id: randomUUID() }];
    }
    return [404, {}];
  }

  /** The first activity the bot sent (or sends within the time) that passes `test`. */
  sent(test: (p: Posted) => boolean, timeoutMs = 20_000): Promise<Posted> {
    const seen = this.posted.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`nothing matching was sent; sent: ${JSON.stringify(this.posted.map((p) => p.activity.text ?? p.activity.type))}`)), timeoutMs);
      this.waiters.push({ test, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  /** A token as Bot Framework signs it for the bot: its app id as audience, the activity's service URL as a claim. */
  token(options: { key?: KeyObject; audience?: string } = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${part({ alg: 'RS256', typ: 'JWT', kid: KEY_ID })}.${part({
      iss: ISSUER,
      aud: options.audience ?? APP_ID,
      serviceurl: this.url,
      nbf: now - 60,
      iat: now - 60,
      exp: now + 3600,
    })}`;
    const signature = createSign('RSA-SHA256').update(unsigned).sign(options.key ?? this.signing.privateKey).toString('base64url');
    return `${unsigned}.${signature}`;
  }
}

/** The bot's own calls to the connector carry a token from its login; here the login is skipped (MSAL needs HTTPS). */
class LocalLoginCredentials extends ConfigurationServiceClientCredentialFactory {
  override async createCredentials(): Promise<any> {
    return {
      signRequest: async (request: { headers: { set(name: string, value: string): void } }) => {
        request.headers.set('authorization', `Bearer ${BOT_TOKEN}`);
        return request;
      },
    };
  }
}

describe('Microsoft Teams channel', () => {
  const connector = new LocalConnector();
  beforeAll(() => connector.start());
  afterAll(() => connector.stop());
  const demo = useDemoPortico(() => ({
    env: { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'not-used-here' },
    teamsCloud: {
      settings: {
        ToBotFromChannelOpenIdMetadataUrl: `${connector.url}openid`,
        ToBotFromEmulatorOpenIdMetadataUrl: `${connector.url}openid`,
        ToBotFromChannelTokenIssuer: ISSUER,
        ToChannelFromBotLoginUrl: `${connector.url}login`,
        ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      },
      credentialsFactory: new LocalLoginCredentials({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used-here' }),
    },
  }));

  function activity(who: Member, fields: Record<string, unknown>) {
    return {
      type: 'message',
      id: `1${Date.now()}${Math.floor(Math.random() * 1000)}`,
      timestamp: new Date().toISOString(),
      serviceUrl: connector.url,
      channelId: 'msteams',
      from: { id: who.id, name: who.name, aadObjectId: who.aadObjectId },
      conversation: { conversationType: 'personal', tenantId: MS_TENANT, id: who.chat },
      recipient: { id: `28:${APP_ID}`, name: 'Portico' },
      locale: who.locale,
      channelData: { tenant: { id: MS_TENANT } },
      ...fields,
    };
  }

  async function post(body: unknown, authorization: string | null = `Bearer ${connector.token()}`) {
    const response = await fetch(`${demo.portico.url}/integrations/teams/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, text: await response.text() };
  }

  const say = (who: Member, text: string) => post(activity(who, { text, textFormat: 'plain' }));
  const press = (who: Member, value: Record<string, unknown>) => post(activity(who, { value }));
  const after = (count: number, who: Member, test: (activity: any) => boolean, timeoutMs?: number) =>
    connector.sent((p) => connector.posted.indexOf(p) >= count && p.conversationId === who.chat && test(p.activity), timeoutMs);
  const cardIn = (a: any) => a.attachments?.find((x: { contentType: string }) => x.contentType === CARD)?.content;

  it('introduces itself when Tom installs the app, then answers a question from the knowledge base with the article linked in the portal', async () => {
    let before = connector.posted.length;
    const install = activity(members.tom!, { type: 'conversationUpdate', membersAdded: [{ id: `28:${APP_ID}` }] });
    expect((await post(install)).status).toBe(200);
    expect((await after(before, members.tom!, (a) => typeof a.text === 'string')).activity.text).toMatch(/^Hello Tom Baker! I can answer IT questions/);

    before = connector.posted.length;
    expect((await say(members.tom!, 'Outlook keeps asking for my password')).status).toBe(200);
    // The first answer of a run waits for the local engine's model to load.
    const answer = await after(before, members.tom!, (a) => a.type === 'message' && typeof a.text === 'string', 80_000);
    expect(answer.activity.text).toMatch(/Source: \[[^\]]+\]\(https:\/\/[^)]+\/kb\/[^)]+\)/);
    expect(answer.activity).toMatchObject({ conversation: { id: members.tom!.chat }, recipient: { id: members.tom!.id } });
    expect(answer.authorization).toBe(`Bearer ${BOT_TOKEN}`);

    // The chat is Tom's conversation in Portico, with its ticket, for technicians as for any other chat.
    const { rows } = await demo.portico.db.pool.query(
      `SELECT c.ticket_id, m.text FROM conversations c JOIN messages m ON m.conversation_id = c.id
       WHERE c.channel = 'teams' AND m.role = 'user'`,
    );
    expect(rows).toEqual([{ ticket_id: expect.any(String), text: 'Outlook keeps asking for my password' }]);
    const ticket = await demo.portico.db.pool.query('SELECT number, source FROM tickets WHERE id = $1', [rows[0].ticket_id]);
    expect((await demo.users.tech.get(`/api/v1/tickets/${ticket.rows[0].number}`)).body).toMatchObject({ source: 'teams', requester: { name: 'Tom Baker' } });
  }, 100_000);

  it('proposes an action on a card, asks for the phone and the code on cards, and runs it once the code is right', async () => {
    await demo.portico.db.pool.query("UPDATE contacts SET phone = NULL WHERE email = 'tom.baker@acmedental.example'");
    await resetSmsAllowance(demo.portico.db.pool);
    const tom = members.tom!;
    let before = connector.posted.length;
    await say(tom, 'please restart my laptop');
    const proposal = await after(before, tom, (a) => cardIn(a)?.actions?.[0]?.data?.portico === 'confirm');
    const card = cardIn(proposal.activity);
    expect(JSON.stringify(card.body)).toContain('TOM-LAPTOP');
    const actionId: string = card.actions[0].data.actionId;
    // The card follows the assistant's words that introduce it.
    const intro = connector.posted.findIndex((p, i) => i >= before && /confirm it below/.test(p.activity.text ?? ''));
    expect(intro).toBeGreaterThanOrEqual(0);
    expect(intro).toBeLessThan(connector.posted.indexOf(proposal));

    before = connector.posted.length;
    await press(tom, { portico: 'confirm', actionId });
    const phoneCard = cardIn((await after(before, tom, (a) => cardIn(a)?.actions?.[0]?.data?.portico === 'phone')).activity);
    expect(phoneCard.body).toContainEqual(expect.objectContaining({ type: 'Input.Text', id: 'phone' }));

    before = connector.posted.length;
    await press(tom, { portico: 'phone', actionId, phone: '+44 7400 123456' });
    const codeCard = cardIn((await after(before, tom, (a) => cardIn(a)?.actions?.[0]?.data?.portico === 'verify')).activity);
    expect(codeCard.body).toContainEqual(expect.objectContaining({ type: 'Input.Text', id: 'code' }));
    const code = codeIn((await latestSms(demo.users.tech, '+447400123456')).body);

    before = connector.posted.length;
    await press(tom, { portico: 'verify', actionId, code: code === '000000' ? '111111' : '000000' });
    expect((await after(before, tom, (a) => typeof a.text === 'string')).activity.text).toBe('That code is not right. Please check the text message and try again.');

    before = connector.posted.length;
    await press(tom, { portico: 'verify', actionId, code: `${code.slice(0, 3)} ${code.slice(3)}` });
    expect((await after(before, tom, (a) => /TOM-LAPTOP: Queued/.test(a.text ?? ''))).activity.text).toBe('**Restart** · TOM-LAPTOP: Queued');
    await after(before, tom, (a) => /TOM-LAPTOP: Done/.test(a.text ?? ''));
    const { rows } = await demo.portico.db.pool.query('SELECT status FROM action_requests WHERE id = $1', [actionId]);
    expect(rows[0].status).toBe('succeeded');
  });

  it("refuses a Teams user who is no contact, in their language, and a forged mail address in another organization's profile", async () => {
    let before = connector.posted.length;
    expect((await say(members.stranger!, 'Bonjour, mon imprimante ne marche plus')).status).toBe(200);
    const refusal = await after(before, members.stranger!, (a) => typeof a.text === 'string');
    expect(refusal.activity.text).toMatch(/^Désolé, je ne peux aider que les personnes qui ont un compte auprès du support .*Veuillez demander à Sam Torres \(tech\\@demo\.portico\.local\) de vous ajouter\.$/);

    before = connector.posted.length;
    await say(members.mallory!, 'please restart the laptop of Tom');
    expect((await after(before, members.mallory!, (a) => typeof a.text === 'string')).activity.text).toMatch(/^Sorry, I can only help people who have an account with .* support, and I could not find yours\. Please ask Sam Torres/);

    // In a team's channel a user's requests would be read by everyone there.
    before = connector.posted.length;
    const inChannel = { ...members.tom!, chat: '19:general@thread.tacv2' };
    await post(activity(inChannel, { text: 'please restart the laptop of Tom', conversation: { conversationType: 'channel', tenantId: MS_TENANT, id: inChannel.chat } }));
    expect((await after(before, inChannel, (a) => typeof a.text === 'string')).activity.text).toMatch(/^I can help in a one-to-one chat only/);

    const { rows } = await demo.portico.db.pool.query("SELECT count(*)::int AS n FROM messages WHERE text IN ('Bonjour, mon imprimante ne marche plus', 'please restart the laptop of Tom')");
    expect(rows[0].n).toBe(0);
  });

  it('refuses with 401 a request without a token, with a forged one, and with one for another bot, and runs nothing', async () => {
    const forger = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const before = connector.posted.length;
    const message = () => activity(members.tom!, { text: 'forged: please shut down my laptop' });
    expect((await post(message(), null)).status).toBe(401);
    expect((await post(message(), `Bearer ${connector.token({ key: forger.privateKey })}`)).status).toBe(401);
    expect((await post(message(), `Bearer ${connector.token({ audience: randomUUID() })}`)).status).toBe(401);
    expect((await post(message(), 'Bearer not-a-token')).status).toBe(401);
    expect(demo.portico.logs.join('')).not.toMatch(/at .*\(.*node_modules\/botframework-connector/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(connector.posted.length).toBe(before);
    const { rows } = await demo.portico.db.pool.query("SELECT count(*)::int AS n FROM messages WHERE text LIKE 'forged:%'");
    expect(rows[0].n).toBe(0);
  });

  it("brings a technician's reply in a taken-over chat to Teams, with their name", async () => {
    const tom = members.tom!;
    const tech = await ChatClient.connect(demo.portico.port, demo.users.tech, { namespace: '/console' });
    try {
      const { rows } = await demo.portico.db.pool.query("SELECT id FROM conversations WHERE channel = 'teams' ORDER BY updated_at DESC LIMIT 1");
      const conversationId: string = rows[0].id;
      let before = connector.posted.length;
      await tech.emit('chat:join', { conversationId });
      expect((await after(before, tom, (a) => /Sam Torres/.test(a.text ?? ''))).activity.text).toBe('Sam Torres from support has joined the chat.');

      before = connector.posted.length;
      await say(tom, 'It is still *asking* for it');
      const heard = await tech.waitFor('chat:message', (p) => p.conversationId === conversationId && p.message.role === 'user');
      expect(heard.message.text).toBe('It is still *asking* for it');

      const reply = await tech.emit('chat:send', { conversationId, text: 'Thanks Tom, I am resetting your Outlook profile now.' });
      expect(reply.error).toBeUndefined();
      const delivered = await after(before, tom, (a) => /Outlook profile/.test(a.text ?? ''));
      expect(delivered.activity.text).toBe('**Sam Torres**: Thanks Tom, I am resetting your Outlook profile now.');
      // The assistant stayed silent while the technician is in the chat.
      expect(connector.posted.slice(before).filter((p) => p.activity.type === 'message' && p.conversationId === tom.chat)).toHaveLength(1);
    } finally {
      tech.close();
    }
  });

  it('starts a new chat session, with its own ticket, when the Teams chat was quiet for the night', async () => {
    const tom = members.tom!;
    const sessions = async () =>
      (await demo.portico.db.pool.query("SELECT id, ticket_id FROM conversations WHERE channel = 'teams' AND channel_thread LIKE $1 ORDER BY created_at", [`${tom.chat}#%`])).rows;
    const [earlier] = await sessions();
    await demo.portico.db.pool.query("UPDATE conversations SET updated_at = now() - interval '9 hours', technician_id = NULL WHERE id = $1", [earlier.id]);
    const before = connector.posted.length;
    await say(tom, 'Outlook keeps asking for my password');
    await after(before, tom, (a) => /^Here is what the article/.test(a.text ?? ''));
    const now = await sessions();
    expect(now).toHaveLength(2);
    expect(now[1].ticket_id).not.toBe(earlier.ticket_id);
  });
});

describe('the Teams app manifest template', () => {
  const dir = new URL('../docs/teams/', import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8'));

  it('names a schema version it follows, a personal bot whose id is the app id placeholder, and icons of the sizes Teams takes', () => {
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(manifest.id).toMatch(/^0{8}-0{4}-0{4}-0{4}-0{12}$/);
    expect(manifest.bots).toEqual([expect.objectContaining({ botId: manifest.id, scopes: ['personal'] })]);
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    const size = (file: string) => {
      const png = readFileSync(new URL(file, dir));
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    expect(size(manifest.icons.color)).toEqual([192, 192]);
    expect(size(manifest.icons.outline)).toEqual([32, 32]);
  });
});
