import { describe, expect, it } from '@jest/globals';
import { useDemoPortico } from './support/demo-portico.js';
import { foreignLinks } from './support/markdown-links.js';

const demo = useDemoPortico();
const MASK = '••••••';
const PHISHING = '[Click to re-validate your mailbox](https://evil.example/m365)';

/** The stored ticket of a chat, with its transcript, as its requester reads it. */
async function ticketOfChat(user: 'tom' | 'anna', conversationId: string) {
  const conversation = (await demo.users[user].get(`/api/v1/conversations/${conversationId}`)).body;
  return (await demo.users[user].get(`/api/v1/tickets/${conversation.ticket.number}`)).body;
}

describe('what users wrote, in another user’s chat (local engine)', () => {
  it('shows a colleague’s ticket subject and comment as text, never as a link', async () => {
    const created = await demo.users.tom.post('/api/v1/tickets', {
      subject: PHISHING,
      description: 'Outlook says my mailbox needs re-validation',
    });
    expect(created.status).toBe(201);
    const number = created.body.number;
    const comment = await demo.users.tom.post(`/api/v1/tickets/${number}/comments`, {
      body: 'Also see <https://evil.example/a> and ![x](https://evil.example/pixel.png) <a href="https://evil.example/b">here</a>',
    });
    expect(comment.status).toBe(201);
    await demo.users.tech.post(`/api/v1/tickets/${number}/comments`, { body: 'Looking into it: [details](https://evil.example/c)' });

    const anna = await demo.chat('anna');
    const list = await anna.ask('show my tickets');
    expect(list.answer.message.toolCalls.map((c: { name: string }) => c.name)).toEqual(['list_my_tickets']);
    expect(list.answer.message.text).toContain(`#${number}`);
    expect(list.answer.message.text).toContain('Click to re-validate your mailbox');
    expect(foreignLinks(list.answer.message.text)).toEqual([]);

    const status = await anna.ask(`what is the status of ticket ${number}?`, list.ack.conversationId);
    expect(status.answer.message.toolCalls.map((c: { name: string }) => c.name)).toEqual(['get_ticket_status']);
    expect(status.answer.message.text).toContain('Click to re-validate your mailbox');
    expect(foreignLinks(status.answer.message.text)).toEqual([]);

    // What streamed before the stored message replaced it was just as inert.
    const streamed = anna.events
      .filter((e) => e.event === 'chat:delta' && [list.answer.message.id, status.answer.message.id].includes(e.payload.messageId))
      .map((e) => e.payload.delta as string);
    expect(foreignLinks(streamed.join(''))).toEqual([]);
  });
});

describe('secrets in the chat (local engine)', () => {
  it('keeps the assistant’s own words about a password reset intact', async () => {
    const tom = await demo.chat('tom');
    const { ack, answer } = await tom.ask('reset my password');
    expect(answer.message.text).toContain('**Password reset** on **TOM-LAPTOP**');
    expect(answer.message.text).not.toContain(MASK);
    const ticket = await ticketOfChat('tom', ack.conversationId);
    const stored = ticket.transcript.find((m: { role: string }) => m.role === 'assistant');
    expect(stored.text).toBe(answer.message.text);
  });

  it('masks each way a user types a password before the transcript stores it', async () => {
    const typed: [string, string][] = [
      ['my password is sunshine', 'sunshine'],
      ['password: letmein', 'letmein'],
      ['pw: Hunter2!', 'Hunter2'],
      ['pass Tr0ub4dor!', 'Tr0ub4dor'],
      ['mon mot de passe est soleil', 'soleil'],
      ['my pass\u200Bword is moonlight', 'moonlight'],
      ['la mia password è girasole', 'girasole'],
      ['mein Passwort ist Sonnenschein', 'Sonnenschein'],
      ['la contraseña es mariposa', 'mariposa'],
    ];
    const tom = await demo.chat('tom');
    let conversationId: string | undefined;
    for (const [text] of typed) {
      const { ack, answer } = await tom.ask(text, conversationId);
      expect(answer).toBeDefined();
      conversationId = ack.conversationId;
    }
    const ticket = await ticketOfChat('tom', conversationId!);
    const everything = JSON.stringify(ticket);
    for (const [, secret] of typed) expect(everything).not.toContain(secret);
    const userTexts = ticket.transcript.filter((m: { role: string }) => m.role === 'user').map((m: { text: string }) => m.text);
    expect(userTexts).toHaveLength(typed.length);
    for (const text of userTexts) expect(text).toContain(MASK);
    // Plain talk about a password stays as typed.
    const { ack } = await tom.ask('I forgot my password', conversationId);
    const after = await ticketOfChat('tom', ack.conversationId);
    expect(after.transcript.filter((m: { role: string }) => m.role === 'user').at(-1).text).toBe('I forgot my password');
  });

  it('masks secrets typed into the ticket form and its comments too', async () => {
    const created = await demo.users.tom.post('/api/v1/tickets', { subject: 'VPN login: pw: Hunter2!', description: 'my password is sunshine and it fails' });
    expect(created.status).toBe(201);
    const comment = await demo.users.tom.post(`/api/v1/tickets/${created.body.number}/comments`, { body: 'mon mot de passe est soleil' });
    expect(comment.status).toBe(201);
    const ticket = (await demo.users.tech.get(`/api/v1/tickets/${created.body.number}`)).body;
    expect(ticket.subject).toBe(`VPN login: pw: ${MASK}`);
    expect(ticket.description).toBe(`my password is ${MASK} and it fails`);
    expect(ticket.comments.map((c: { body: string }) => c.body)).toEqual([`mon mot de passe est ${MASK}`]);
  });
});
