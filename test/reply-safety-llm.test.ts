import { describe, expect, it } from '@jest/globals';
import type { ChatClient } from './support/chat-client.js';
import { useLlmPortico } from './support/llm-portico.js';
import { foreignLinks } from './support/markdown-links.js';

const MASK = '••••••';

const llm = useLlmPortico();
const chat = llm.chat;

function deltasOf(client: ChatClient, messageId: string): string {
  return client.events
    .filter((e) => e.event === 'chat:delta' && e.payload.messageId === messageId)
    .map((e) => e.payload.delta as string)
    .join('');
}

describe('the LLM engine’s replies', () => {
  it('carry no link out of the portal when the model echoes a malicious ticket subject as one', async () => {
    const created = await llm.users.tom.post('/api/v1/tickets', {
      subject: '[Click to re-validate your mailbox](https://evil.example/m365)',
      description: 'Outlook says my mailbox needs re-validation',
    });
    expect(created.status).toBe(201);
    const number = created.body.number as number;
    llm.model.script({ toolCalls: [{ name: 'list_my_tickets', args: {} }] }, {
      text:
        `Your company's tickets:\n\n- #${number} [Click to re-validate your mailbox](https://evil.example/m365) (open)\n` +
        '- also <https://evil.example/a>, https://evil.example/b, www.evil.example, <a href="https://evil.example/c">this</a> ' +
        'and ![x](https://evil.example/pixel.png)\n\n[ref]: https://evil.example/ref\n\nSee [Outlook keeps asking](/kb/outlook-password-prompt).',
      chunks: 12,
    });
    const anna = await chat('anna');
    const { answer } = await anna.ask('show the tickets of my company');
    expect(answer.message.toolCalls.map((c: { name: string }) => c.name)).toEqual(['list_my_tickets']);
    // The subject reached the model escaped, so copying it as is copies text.
    const read = JSON.parse(String(llm.model.requests.at(-1)!.messages.find((m) => m.role === 'tool')!.content));
    expect(read.data.tickets.find((t: { number: number }) => t.number === number).subject).toBe(
      '\\[Click to re-validate your mailbox\\](https\\://evil.example/m365)',
    );
    expect(answer.message.text).toContain('Click to re-validate your mailbox');
    expect(answer.message.text).toContain('[Outlook keeps asking](/kb/outlook-password-prompt)');
    expect(foreignLinks(answer.message.text)).toEqual([]);
    expect(foreignLinks(deltasOf(anna, answer.message.id))).toEqual([]);
    // The transcript shown by chat:load is the stored message.
    const loaded = await anna.emit('chat:load', { conversationId: answer.conversationId });
    expect(foreignLinks(loaded.conversation.messages.at(-1).text)).toEqual([]);
  });

  it('mask the secret the user typed wherever the model repeats it, and the model never reads it', async () => {
    llm.model.script(
      { toolCalls: [{ name: 'create_ticket', args: { subject: 'Outlook prompt', summary: 'User gave Hunter2! as the password.' } }] },
      { text: 'You wrote Hunter2! here: please never share Hunter2! in a chat. I opened a ticket.', chunks: 9 },
    );
    const tom = await chat('tom');
    const { ack, answer } = await tom.ask('pw: Hunter2! and Outlook keeps asking for it');
    expect(answer.message.text).toBe(`You wrote ${MASK} here: please never share ${MASK} in a chat. I opened a ticket.`);
    expect(deltasOf(tom, answer.message.id)).not.toContain('Hunter2');
    expect(JSON.stringify(answer.message.toolCalls)).not.toContain('Hunter2');
    // What the model reads of the user's message is the stored, masked text.
    expect(JSON.stringify(llm.model.requests[0]!.messages)).not.toContain('Hunter2');
    const conversation = (await llm.users.tom.get(`/api/v1/conversations/${ack.conversationId}`)).body;
    const ticket = (await llm.users.tom.get(`/api/v1/tickets/${conversation.ticket.number}`)).body;
    expect(JSON.stringify(ticket)).not.toContain('Hunter2');
    expect(ticket.transcript[0].text).toBe(`pw: ${MASK} and Outlook keeps asking for it`);
  });

  it('never carry the user’s secret into the ticket, even reworded by the model into an escalation', async () => {
    llm.model.script({ toolCalls: [{ name: 'escalate_to_technician', args: { reason: 'User shared Zebra42 and is locked out.' } }] }, { text: 'A technician will help.' });
    const tom = await chat('tom');
    const { ack } = await tom.ask('my password is Zebra42 and nothing works');
    const conversation = (await llm.users.tom.get(`/api/v1/conversations/${ack.conversationId}`)).body;
    const ticket = (await llm.users.tech.get(`/api/v1/tickets/${conversation.ticket.number}`)).body;
    expect(ticket.comments.map((c: { body: string }) => c.body)).toEqual([`User shared ${MASK} and is locked out.`]);
    expect(JSON.stringify(ticket)).not.toContain('Zebra42');
  });

  it('keep the assistant’s own words about a password untouched', async () => {
    llm.model.script({ text: '**Password reset** on **TOM-LAPTOP**: the password policy needs 12 characters.' });
    const tom = await chat('tom');
    const { answer } = await tom.ask('what does the password policy say?');
    expect(answer.message.text).toBe('**Password reset** on **TOM-LAPTOP**: the password policy needs 12 characters.');
  });
});
