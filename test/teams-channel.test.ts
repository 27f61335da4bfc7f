import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ChatClient } from './support/chat-client.js';
import { useDemoPortico } from './support/demo-portico.js';
import { codeIn, latestSms, resetSmsAllowance } from './support/self-service.js';
import { LocalConnector, localTeamsCloud, MS_TENANT, personalActivity, type Member } from './support/teams-connector.js';

const APP_ID = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const BOT_TOKEN = 'token-the-bot-got-from-its-login';
const CARD = 'application/vnd.microsoft.card.adaptive';

const members: Record<string, Member> = {
  tom: { id: '29:tom', name: 'Tom Baker', aadObjectId: randomUUID(), userPrincipalName: 'tom.baker@acmedental.example', email: 'tom.baker@acmedental.example', chat: 'a:chat-tom', locale: 'en-GB' },
  stranger: { id: '29:eve', name: 'Ève Durand', aadObjectId: randomUUID(), userPrincipalName: 'eve.durand@elsewhere.example', chat: 'a:chat-eve', locale: 'fr-FR' },
  // An admin of another organization may set any mail address on their users; only the sign-in name is verified.
  mallory: { id: '29:mallory', name: 'Mallory', aadObjectId: randomUUID(), userPrincipalName: 'mallory@evil.example', email: 'tom.baker@acmedental.example', chat: 'a:chat-mallory', locale: 'en-US' },
};

describe('Microsoft Teams channel', () => {
  const connector = new LocalConnector(members, APP_ID);
  beforeAll(() => connector.start());
  afterAll(() => connector.stop());
  const demo = useDemoPortico(() => ({
    env: { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'not-used-here' },
    teamsCloud: localTeamsCloud(connector, () => BOT_TOKEN),
  }));

  const activity = (who: Member, fields: Record<string, unknown>) => personalActivity(connector, APP_ID, who, fields);

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
