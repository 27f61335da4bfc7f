import { createTechnician } from './factories/technician.factory.js';
import { createOtherTenant } from './factories/tenant.factory.js';
import { ChatClient } from './support/chat-client.js';
import { useDemoPortico } from './support/demo-portico.js';
import { HttpClient } from './support/http-client.js';

// A technician's chats go back to the assistant this long after their console closed (two minutes in the product).
const GRACE_MS = 400;

describe('live takeover of a chat by a technician', () => {
  const demo = useDemoPortico({ takeoverGraceMs: GRACE_MS });
  const open: ChatClient[] = [];
  afterAll(() => open.forEach((client) => client.close()));

  async function consoleOf(http: HttpClient | undefined): Promise<ChatClient> {
    const client = await ChatClient.connect(demo.portico.port, http, { namespace: '/console' });
    open.push(client);
    return client;
  }

  async function secondTechnician(username: string): Promise<HttpClient> {
    const created = await createTechnician(demo.portico.db.pool, await demoTenantId(), { username });
    const http = new HttpClient(demo.portico.port);
    await http.login(created.username, created.password);
    return http;
  }

  async function demoTenantId(): Promise<string> {
    const { rows } = await demo.portico.db.pool.query<{ tenant_id: string }>("SELECT tenant_id FROM tenant_hostnames WHERE hostname = '127.0.0.1'");
    return rows[0]!.tenant_id;
  }

  const stored = async (user: ChatClient, conversationId: string) => (await user.emit('chat:load', { conversationId })).conversation;

  it('refuses an end user and a socket without a session on /console', async () => {
    await expect(ChatClient.connect(demo.portico.port, demo.users.anna, { namespace: '/console' })).rejects.toThrow('forbidden');
    await expect(ChatClient.connect(demo.portico.port, undefined, { namespace: '/console' })).rejects.toThrow('unauthenticated');
  });

  it('hands the chat to the technician and back, in the user language, with the assistant silent in between', async () => {
    const anna = await demo.chat('anna');
    const tech = await consoleOf(demo.users.tech);
    const { ack, answer } = await anna.ask('Outlook continua a chiedermi la password');
    const conversationId: string = ack.conversationId;
    expect(answer.message.role).toBe('assistant');

    const active = await tech.emit('conversations:active', {});
    const line = active.conversations.find((c: { id: string }) => c.id === conversationId);
    expect(line).toMatchObject({ user: { name: 'Anna Bianchi', company: 'Acme Dental' }, technician: null, lastMessage: { role: 'assistant' } });

    const joined = await tech.emit('chat:join', { conversationId });
    expect(joined.conversation.id).toBe(conversationId);
    expect(joined.conversation.messages.map((m: { text: string }) => m.text)).toContain('Outlook continua a chiedermi la password');
    expect(await anna.waitFor('chat:handoff', (p) => p.conversationId === conversationId)).toEqual({ conversationId, technician: { name: 'Sam Torres' } });
    const notice = await anna.waitFor('chat:message', (p) => p.conversationId === conversationId && p.message.text.includes('Sam Torres'));
    expect(notice.message).toMatchObject({ role: 'assistant', text: "Sam Torres dell'assistenza è ora in chat." });
    const changed = await tech.waitFor('conversations:changed', (p) => p.conversation.id === conversationId && p.conversation.technician !== null);
    expect(changed.conversation.technician.name).toBe('Sam Torres');

    // The user's message goes to the technician, and no turn of the assistant starts.
    const sent = await anna.emit('chat:send', { conversationId, text: 'Ho già riavviato il PC' });
    expect(sent.error).toBeUndefined();
    const heard = await tech.waitFor('chat:message', (p) => p.message.id === sent.messageId);
    expect(heard).toMatchObject({ conversationId, message: { role: 'user', text: 'Ho già riavviato il PC' } });

    // Typing both ways, relayed with who types.
    await anna.emit('chat:typing', { conversationId });
    expect(await tech.waitFor('chat:typing', (p) => p.conversationId === conversationId)).toEqual({
      conversationId,
      typing: true,
      user: { name: 'Anna Bianchi' },
    });
    await tech.emit('chat:typing', { conversationId });
    await tech.emit('chat:typing', { conversationId });
    expect(await anna.waitFor('chat:typing', (p) => p.technician)).toEqual({ conversationId, typing: true, technician: { name: 'Sam Torres' } });

    const reply = await tech.emit('chat:send', { conversationId, text: 'Grazie Anna, controllo il Suo account adesso.' });
    expect(reply.message).toMatchObject({ role: 'technician', author: { name: 'Sam Torres' } });
    const received = await anna.waitFor('chat:message', (p) => p.message.id === reply.messageId);
    expect(received.message).toMatchObject({ role: 'technician', text: 'Grazie Anna, controllo il Suo account adesso.', author: { name: 'Sam Torres' } });
    // Two typing events in a burst: the second is throttled, not relayed.
    expect(anna.events.filter((e) => e.event === 'chat:typing' && e.payload.technician)).toHaveLength(1);
    expect(anna.events.filter((e) => e.event === 'chat:delta' && e.payload.messageId !== answer.message.id)).toHaveLength(0);

    expect(await tech.emit('chat:leave', { conversationId })).toEqual({ ok: true });
    expect(await anna.waitFor('chat:handoff', (p) => p.technician === null)).toEqual({ conversationId, technician: null });
    await anna.waitFor('chat:message', (p) => p.message.text === "L'assistente è di nuovo qui.");

    // Back with the assistant: it answers again. Turns of a chat run in order, so a turn owed to the message sent
    // while the technician was in would have been stored before this answer.
    const again = await anna.ask('Come installo Zoom?', conversationId);
    expect(again.answer.message.role).toBe('assistant');
    const conversation = await stored(anna, conversationId);
    expect(conversation.technician).toBeNull();
    expect(conversation.messages.map((m: { role: string; text: string }) => [m.role, m.role === 'assistant' && m !== conversation.messages.at(-1) ? m.text : ''])).toEqual([
      ['user', ''],
      ['assistant', answer.message.text],
      ['assistant', "Sam Torres dell'assistenza è ora in chat."],
      ['user', ''],
      ['technician', ''],
      ['assistant', "L'assistente è di nuovo qui."],
      ['user', ''],
      ['assistant', ''],
    ]);
  });

  it('answers bad payloads with an error acknowledgement naming the problem', async () => {
    const tech = await consoleOf(demo.users.tech);
    const noId = await tech.emit('chat:join', {});
    expect(noId.error.code).toBe('validation_failed');
    expect(JSON.stringify(noId.error.details)).toContain('conversationId');
    const notUuid = await tech.emit('chat:join', { conversationId: 'abc' });
    expect(notUuid.error.code).toBe('validation_failed');
    const empty = await tech.emit('chat:send', { conversationId: '00000000-0000-4000-8000-000000000000', text: '   ' });
    expect(empty.error.code).toBe('validation_failed');
    expect(JSON.stringify(empty.error.details)).toContain('text');
    const extra = await tech.emit('chat:leave', { conversationId: '00000000-0000-4000-8000-000000000000', force: true });
    expect(extra.error.code).toBe('validation_failed');
    const missing = await tech.emit('chat:join', { conversationId: '00000000-0000-4000-8000-000000000000' });
    expect(missing.error).toMatchObject({ code: 'not_found' });

    const tom = await demo.chat('tom');
    const { ack } = await tom.ask('My printer does not print');
    const notIn = await tech.emit('chat:send', { conversationId: ack.conversationId, text: 'Hello' });
    expect(notIn.error).toEqual({ code: 'conversation_not_joined', message: 'You are not in this chat. Join it first.' });
    expect((await tech.emit('chat:typing', { conversationId: ack.conversationId })).error.code).toBe('conversation_not_joined');
    expect((await tech.emit('chat:leave', { conversationId: ack.conversationId })).error.code).toBe('conversation_not_joined');
    // The user cannot type into somebody else's chat.
    const luc = await demo.chat('luc');
    expect((await luc.emit('chat:typing', { conversationId: ack.conversationId })).error.code).toBe('not_found');
  });

  it('lets one technician in at a time, and refuses the second naming who is in', async () => {
    const tom = await demo.chat('tom');
    const { ack } = await tom.ask('Teams has no sound');
    const conversationId: string = ack.conversationId;
    const sam = await consoleOf(demo.users.tech);
    const other = await consoleOf(await secondTechnician('second@demo.portico.local'));

    // Both at once: exactly one gets in.
    const [first, second] = await Promise.all([sam.emit('chat:join', { conversationId }), other.emit('chat:join', { conversationId })]);
    const refused = [first, second].filter((answer) => answer.error);
    expect(refused).toHaveLength(1);
    expect(refused[0].error.code).toBe('conversation_taken');
    const winner = first.error ? other : sam;
    const loser = first.error ? sam : other;
    const winnerName = first.error ? 'Helpdesk Technician' : 'Sam Torres';
    expect(refused[0].error.message).toBe(`${winnerName} is already in this chat.`);
    expect(tom.events.filter((e) => e.event === 'chat:handoff')).toHaveLength(1);

    // Joining again (after a reload) is harmless: no second notice.
    expect((await winner.emit('chat:join', { conversationId })).conversation.id).toBe(conversationId);
    await winner.emit('chat:leave', { conversationId });
    await tom.waitFor('chat:handoff', (p) => p.technician === null);
    expect((await loser.emit('chat:join', { conversationId })).error).toBeUndefined();
    const notices = (await stored(tom, conversationId)).messages.filter((m: { text: string }) => m.text.includes('from support has joined'));
    expect(notices).toHaveLength(2);
    await loser.emit('chat:leave', { conversationId });
  });

  it("refuses to join another tenant's conversation", async () => {
    const other = await createOtherTenant(demo.portico.db.pool, 'takeover');
    const otherHttp = new HttpClient(demo.portico.port, other.hostname);
    await otherHttp.login(other.username, other.password);
    const otherUser = await ChatClient.connect(demo.portico.port, otherHttp, { host: other.hostname });
    open.push(otherUser);
    const { ack } = await otherUser.ask('My screen is black');
    const tech = await consoleOf(demo.users.tech);
    expect((await tech.emit('chat:join', { conversationId: ack.conversationId })).error.code).toBe('not_found');
    expect((await tech.emit('chat:send', { conversationId: ack.conversationId, text: 'hi' })).error.code).toBe('not_found');
    const active = await tech.emit('conversations:active', {});
    expect(active.conversations.map((c: { id: string }) => c.id)).not.toContain(ack.conversationId);
  });

  it('tells open consoles when a conversation starts', async () => {
    const tech = await consoleOf(demo.users.tech);
    const luc = await demo.chat('luc');
    const { ack } = await luc.ask("L'imprimante n'imprime plus");
    const changed = await tech.waitFor('conversations:changed', (p) => p.conversation.id === ack.conversationId);
    expect(changed.conversation).toMatchObject({ user: { name: 'Luc Martin' }, technician: null });
  });

  it("gives the chat back to the assistant when the technician's console closed and did not come back", async () => {
    const tom = await demo.chat('tom');
    const { ack } = await tom.ask('VPN does not connect');
    const conversationId: string = ack.conversationId;
    const tech = await consoleOf(await secondTechnician('gone@demo.portico.local'));
    await tech.emit('chat:join', { conversationId });
    await tom.waitFor('chat:handoff', (p) => p.conversationId === conversationId && p.technician);
    tech.close();
    expect(await tom.waitFor('chat:handoff', (p) => p.conversationId === conversationId && p.technician === null)).toEqual({ conversationId, technician: null });
    expect((await tom.ask('Still no VPN', conversationId)).answer.message.role).toBe('assistant');
  });
});
