import { describe, expect, it } from '@jest/globals';
import { ChatClient } from './support/chat-client.js';
import { useDemoPortico } from './support/demo-portico.js';

// Each test starts its own conversations, mostly as Tom: some forty in a few minutes, beyond a real user's allowance.
const demo = useDemoPortico({ creationLimits: { conversations: 100, tickets: 100 } });
const chat = demo.chat;

describe('the /portal namespace', () => {
  it('answers in the language the user writes in when it is clear, else in their own', async () => {
    const tom = await chat('tom');
    const french = await tom.ask("Bonjour, je n'arrive pas à me connecter au VPN depuis la maison");
    expect(french.answer.message.text).toContain("Voici ce que dit l'article");
    const short = await tom.ask('merci');
    expect(short.answer.message.text).not.toMatch(/Avec plaisir/);
  });

  it('opens a ticket per chat session whose transcript grows with the conversation', async () => {
    const tom = await chat('tom');
    const first = await tom.ask('my monitor flickers all the time');
    const conversation = (await demo.users.tom.get(`/api/v1/conversations/${first.ack.conversationId}`)).body;
    expect(conversation.ticket).toEqual({ id: expect.any(String), number: expect.any(Number) });
    await tom.ask('thanks', first.ack.conversationId);
    const ticket = (await demo.users.tech.get(`/api/v1/tickets/${conversation.ticket.number}`)).body;
    expect(ticket).toMatchObject({ source: 'ai_assistant', subject: 'my monitor flickers all the time' });
    expect(ticket.transcript.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
  });

  it('opens tickets from chat only on request when sessions do not get one, even with manual creation disabled', async () => {
    const patch = (tickets: object) => demo.users.tech.patch('/api/v1/admin/settings', { tickets });
    expect((await patch({ ticketPerChatSession: false, disableManualCreation: true })).status).toBe(200);
    try {
      const tom = await chat('tom');
      const first = await tom.ask('the scanner in room 2 does not scan to email');
      expect((await demo.users.tom.get(`/api/v1/conversations/${first.ack.conversationId}`)).body.ticket).toBeNull();
      expect((await demo.users.tom.post('/api/v1/tickets', { subject: 'by hand', description: 'x' })).status).toBe(403);
      const { answer } = await tom.ask('please open a ticket for this', first.ack.conversationId);
      expect(answer.message.toolCalls[0].name).toBe('create_ticket');
      const conversation = (await demo.users.tom.get(`/api/v1/conversations/${first.ack.conversationId}`)).body;
      expect(answer.message.text).toContain(String(conversation.ticket.number));
      const ticket = (await demo.users.tom.get(`/api/v1/tickets/${conversation.ticket.number}`)).body;
      expect(ticket.source).toBe('ai_assistant');
      expect(ticket.transcript[0].text).toBe('the scanner in room 2 does not scan to email');
    } finally {
      await patch({ ticketPerChatSession: true, disableManualCreation: false });
    }
  });

  it('gives a chat its ticket at the next message when the setting is switched on during it', async () => {
    const patch = (tickets: object) => demo.users.tech.patch('/api/v1/admin/settings', { tickets });
    expect((await patch({ ticketPerChatSession: false })).status).toBe(200);
    let restored = false;
    try {
      const tom = await chat('tom');
      const first = await tom.ask('my headset crackles in calls');
      const url = `/api/v1/conversations/${first.ack.conversationId}`;
      expect((await demo.users.tom.get(url)).body.ticket).toBeNull();
      expect((await patch({ ticketPerChatSession: true })).status).toBe(200);
      restored = true;
      await tom.ask('it is the USB one', first.ack.conversationId);
      const conversation = (await demo.users.tom.get(url)).body;
      const ticket = (await demo.users.tech.get(`/api/v1/tickets/${conversation.ticket.number}`)).body;
      expect(ticket.source).toBe('ai_assistant');
      expect(ticket.transcript.map((m: { text: string }) => m.text).slice(0, 3)).toEqual([
        'my headset crackles in calls',
        expect.any(String),
        'it is the USB one',
      ]);
    } finally {
      if (!restored) await patch({ ticketPerChatSession: true });
    }
  });

  it('refuses a socket without a session', async () => {
    await expect(ChatClient.connect(demo.portico.port, undefined)).rejects.toThrow('unauthenticated');
  });

  it('answers bad payloads with an error acknowledgement', async () => {
    const tom = await chat('tom');
    for (const payload of [undefined, 'hello', {}, { text: '' }, { text: 'x'.repeat(4001) }, { text: 'hi', conversationId: 'nope' }, { text: 'hi', extra: 1 }]) {
      const ack = await tom.emit('chat:send', payload);
      expect(ack.error.code).toBe('validation_failed');
      expect(typeof ack.error.message).toBe('string');
    }
    const ack = await tom.emit('action:cancel', { actionId: 42 });
    expect(ack.error.code).toBe('validation_failed');
  });

  it('stores the message, streams the answer and sends the stored message with its tool calls and citations', async () => {
    const tom = await chat('tom');
    const { ack, answer } = await tom.ask('How do I set up the VPN on my laptop?');
    expect(ack).toEqual({ conversationId: expect.any(String), messageId: expect.any(String) });
    const deltas = tom.events.filter((e) => e.event === 'chat:delta' && e.payload.messageId === answer.message.id);
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.map((d) => d.payload.delta).join('')).toBe(answer.message.text);
    expect(answer.message.role).toBe('assistant');
    expect(answer.message.toolCalls).toEqual([{ name: 'search_knowledge_base', args: expect.objectContaining({ query: expect.any(String) }) }]);
    expect(answer.message.citations.length).toBeGreaterThan(0);
    expect(answer.message.citations[0]).toEqual({ articleId: expect.any(String), slug: expect.any(String), title: expect.any(String), lang: expect.any(String) });
    expect(answer.message.text).toContain(`**${answer.message.citations[0].title}**`);
    expect(tom.events.some((e) => e.event === 'chat:typing' && e.payload.typing === true)).toBe(true);

    const stored = await demo.users.tom.get(`/api/v1/conversations/${ack.conversationId}`);
    expect(stored.status).toBe(200);
    expect(stored.body.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant']);
    expect(stored.body.messages[0].id).toBe(ack.messageId);
  });

  it('proposes a device action on the only device, and asks which device when there are several', async () => {
    const tom = await chat('tom');
    const { answer } = await tom.ask('please restart my laptop, it is frozen');
    const action = await tom.waitFor('chat:action', (p) => p.conversationId === answer.conversationId);
    expect(action.action).toMatchObject({ kind: 'restart', deviceName: 'TOM-LAPTOP', status: 'awaiting_confirmation' });
    expect(answer.message.toolCalls).toEqual([expect.objectContaining({ name: 'request_device_action' })]);

    const anna = await chat('anna');
    const first = await anna.ask('riavvia il computer per favore');
    expect(anna.events.some((e) => e.event === 'chat:action')).toBe(false);
    expect(first.answer.message.text).toContain('ANNA-DESKTOP');
    expect(first.answer.message.text).toContain('MacBook Air di Anna');
    const second = await anna.ask('il MacBook', first.ack.conversationId);
    const proposed = await anna.waitFor('chat:action');
    expect(proposed.action).toMatchObject({ kind: 'restart', deviceName: 'MacBook Air di Anna' });
    expect(second.answer.message.toolCalls[0].name).toBe('request_device_action');
  });

  it('installs only from the catalog, tolerating aliases, and refuses the rest with alternatives', async () => {
    const tom = await chat('tom');
    const { answer } = await tom.ask('can you install vscode for me');
    const action = await tom.waitFor('chat:action', (p) => p.conversationId === answer.conversationId);
    expect(action.action).toMatchObject({ kind: 'install', appId: 'visual-studio-code', deviceName: 'TOM-LAPTOP' });

    const refused = await tom.ask('please install Photoshop');
    expect(refused.answer.message.toolCalls[0].name).toBe('request_software_install');
    expect(refused.answer.message.text).toContain('Photoshop');
    expect(tom.events.filter((e) => e.event === 'chat:action' && e.payload.conversationId === refused.ack.conversationId)).toEqual([]);
  });

  it("reports the user's own ticket and knows nothing of anyone else's", async () => {
    const tom = await chat('tom');
    const own = await tom.ask("what's the status of ticket 1000?");
    expect(own.answer.message.toolCalls).toEqual([{ name: 'get_ticket_status', args: { number: 1000 } }]);
    expect(own.answer.message.text).toContain('1000');
    const lucs = (await demo.users.luc.get('/api/v1/tickets/1005')).body;
    const other = await tom.ask('what is the status of ticket 1005?');
    expect(other.answer.message.text).not.toContain(lucs.subject);
  });

  it('escalates to a technician with a ticket that carries the transcript', async () => {
    const tom = await chat('tom');
    const first = await tom.ask('Outlook keeps asking for my password');
    const { answer } = await tom.ask('that did not help, I want to talk to a person', first.ack.conversationId);
    expect(answer.message.toolCalls[0].name).toBe('escalate_to_technician');
    const number = /#\s?(\d{4,})/.exec(answer.message.text)?.[1];
    expect(number).toBeDefined();
    const ticket = (await demo.users.tech.get(`/api/v1/tickets/${number}`)).body;
    expect(ticket.source).toBe('ai_assistant');
    expect(ticket.transcript.map((m: { text: string }) => m.text)).toEqual(
      expect.arrayContaining(['Outlook keeps asking for my password', 'that did not help, I want to talk to a person']),
    );
  });

  it('restores the conversation on reconnect and keeps several tabs of one user in step', async () => {
    const first = await chat('luc');
    const second = await chat('luc');
    const { ack, answer } = await first.ask('Bonjour, mon imprimante ne fonctionne plus');
    const mirrored = await second.waitFor('chat:message', (p) => p.message.id === answer.message.id);
    expect(mirrored.message.text).toBe(answer.message.text);
    expect((await second.waitFor('chat:message', (p) => p.message.id === ack.messageId)).message.role).toBe('user');

    const again = await chat('luc');
    const history = await again.waitFor('chat:history');
    expect(history.conversation.id).toBe(ack.conversationId);
    expect(history.conversation.messages.map((m: { id: string }) => m.id)).toEqual([ack.messageId, answer.message.id]);
  });

  it('masks secrets before storing them', async () => {
    const tom = await chat('tom');
    const { ack } = await tom.ask('my password is Hunter2!x and it does not work');
    const stored = await demo.users.tom.get(`/api/v1/conversations/${ack.conversationId}`);
    expect(JSON.stringify(stored.body)).not.toContain('Hunter2');
    const ticket = await demo.users.tech.get(`/api/v1/tickets/${stored.body.ticket.number}`);
    expect(JSON.stringify(ticket.body)).not.toContain('Hunter2');
  });

  it("does not show another user's conversation", async () => {
    const tom = await chat('tom');
    const { ack } = await tom.ask('hello');
    expect((await demo.users.luc.get(`/api/v1/conversations/${ack.conversationId}`)).status).toBe(404);
    const luc = await chat('luc');
    const refused = await luc.emit('chat:send', { conversationId: ack.conversationId, text: 'hi' });
    expect(refused.error.code).toBe('not_found');
    const stored = (await demo.users.tom.get(`/api/v1/conversations/${ack.conversationId}`)).body;
    expect(stored.messages.map((m: { text: string }) => m.text)).not.toContain('hi');
  });

  it('refuses chat when the assistant section is off', async () => {
    const anna = await chat('anna');
    expect((await demo.users.tech.patch('/api/v1/admin/settings', { sections: { assistant: { mode: 'off' } } })).status).toBe(200);
    try {
      const pushed = await anna.waitFor('settings:updated', (p) => p.sections.assistant === false);
      expect(pushed.sections).toMatchObject({ ticketing: true, knowledgeBase: true, selfService: true });
      const ack = await anna.emit('chat:send', { text: 'hello' });
      expect(ack.error.code).toBe('section_disabled');
    } finally {
      await demo.users.tech.patch('/api/v1/admin/settings', { sections: { assistant: { mode: 'everyone' } } });
    }
  });
});
