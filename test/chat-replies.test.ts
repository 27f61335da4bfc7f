import { describe, expect, it } from '@jest/globals';
import { useDemoPortico } from './support/demo-portico.js';

const demo = useDemoPortico({ creationLimits: { conversations: 100, tickets: 100 } });

describe('how the assistant composes its replies', () => {
  it('gives the articles as citations only, and the ticket transcript writes them out as source lines', async () => {
    const tom = await demo.chat('tom');
    const { ack, answer } = await tom.ask('How do I set up the VPN?');
    expect(answer.message.citations.length).toBeGreaterThan(0);
    expect(answer.message.text).not.toMatch(/\/kb\/|Source:|See also:/);
    const number = (await demo.users.tom.get(`/api/v1/conversations/${ack.conversationId}`)).body.ticket.number as number;
    const transcript = (await demo.users.tom.get(`/api/v1/tickets/${number}`)).body.transcript as { role: string; text: string }[];
    const reply = transcript.find((m) => m.role === 'assistant')!;
    expect(reply.text).toContain(`Source: [${answer.message.citations[0].title}](/kb/${answer.message.citations[0].slug})`);
  });

  it('says in the user’s language when the article it quotes is in another one', async () => {
    const anna = await demo.chat('anna');
    const { answer } = await anna.ask('La stampante risulta offline');
    const [best] = answer.message.citations;
    expect(best.lang).not.toBe('it');
    expect(answer.message.text).toMatch(/\(è scritto in (francese|inglese|tedesco|spagnolo)\)/);
  });

  it('offers each device as a quick reply when it asks which one, and a pressed reply picks that device', async () => {
    const anna = await demo.chat('anna');
    const { ack, answer } = await anna.ask('riavvia il mio computer');
    expect(answer.message.quickReplies).toEqual([
      { label: 'ANNA-DESKTOP', text: 'ANNA-DESKTOP' },
      { label: 'MacBook Air di Anna', text: 'MacBook Air di Anna' },
    ]);
    const restored = (await demo.users.anna.get(`/api/v1/conversations/${ack.conversationId}`)).body;
    expect(restored.messages.at(-1).quickReplies).toEqual(answer.message.quickReplies);
    const actionSeen = anna.waitFor('chat:action', (p) => p.conversationId === ack.conversationId);
    const { answer: next } = await anna.ask(answer.message.quickReplies[1].text, ack.conversationId);
    expect((await actionSeen).action).toMatchObject({ kind: 'restart', deviceName: 'MacBook Air di Anna' });
    expect(next.message.quickReplies).toBeUndefined();
  });

  it('offers yes and no in the user’s language when it is unsure of an action, and yes goes on to propose it', async () => {
    const tom = await demo.chat('tom');
    // An app's name alone, misspelt, may be wanted or asked about: the engine asks before it proposes anything.
    const { ack, answer } = await tom.ask('thunderbrd pls');
    expect(answer.message.quickReplies).toEqual([
      { label: 'Yes', text: 'Yes' },
      { label: 'No', text: 'No' },
    ]);
    const actionSeen = tom.waitFor('chat:action', (p) => p.conversationId === ack.conversationId);
    await tom.ask(answer.message.quickReplies[0].text, ack.conversationId);
    expect((await actionSeen).action).toMatchObject({ kind: 'install', deviceName: 'TOM-LAPTOP' });
  });
});
