import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { useDemoPortico } from './support/demo-portico.js';

const demo = useDemoPortico();

describe('chat:send with a client message id', () => {
  it('stores a message sent again after a lost acknowledgement once, and answers it once', async () => {
    const tom = await demo.chat('tom');
    const id = randomUUID();
    const first = await tom.ask('how do I connect to the office wifi?', undefined);
    const sent = await tom.emit('chat:send', { conversationId: first.ack.conversationId, text: 'and the printer on floor 2?', clientMessageId: id });
    expect(sent).toEqual({ conversationId: first.ack.conversationId, messageId: id });
    await tom.waitFor('chat:message', (p) => p.message.role === 'assistant' && p.message.id !== first.answer.message.id);
    const again = await tom.emit('chat:send', { conversationId: first.ack.conversationId, text: 'and the printer on floor 2?', clientMessageId: id });
    expect(again).toEqual(sent);
    await tom.ask('thanks', first.ack.conversationId);
    const { conversation } = await tom.emit('chat:load', { conversationId: first.ack.conversationId });
    expect(conversation.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user', 'assistant']);
  });

  it('opens one conversation when the first message of a chat arrives several times at once', async () => {
    const tom = await demo.chat('tom');
    const id = randomUUID();
    const before = (await demo.users.tom.get('/api/v1/conversations?limit=50')).body.conversations.length;
    const acks = await Promise.all([1, 2, 3].map(() => tom.emit('chat:send', { text: 'my mouse is not working', clientMessageId: id })));
    expect(new Set(acks.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(acks[0]).toEqual({ conversationId: expect.any(String), messageId: id });
    const after = (await demo.users.tom.get('/api/v1/conversations?limit=50')).body.conversations.length;
    expect(after).toBe(before + 1);
  });

  it("does not let another user's message id reveal or join their conversation", async () => {
    const tom = await demo.chat('tom');
    const anna = await demo.chat('anna');
    const id = randomUUID();
    const mine = await tom.emit('chat:send', { text: 'the scanner jams', clientMessageId: id });
    expect(mine.messageId).toBe(id);
    const theirs = await anna.emit('chat:send', { text: 'hello', clientMessageId: id });
    expect(theirs.error.code).toBe('conflict');
    expect(JSON.stringify(theirs)).not.toContain(mine.conversationId);
  });
});

describe('chat:feedback ("Did this solve it?")', () => {
  it('records the answer on the reply, replaces it when changed, and restores it with the conversation', async () => {
    const tom = await demo.chat('tom');
    const { ack, answer } = await tom.ask('how do I connect to the VPN from home?');
    const feedback = { conversationId: ack.conversationId, messageId: answer.message.id };
    expect(await tom.emit('chat:feedback', { ...feedback, solved: false })).toEqual({ ok: true });
    expect(await tom.emit('chat:feedback', { ...feedback, solved: true })).toEqual({ ok: true });
    const { conversation } = await tom.emit('chat:load', { conversationId: ack.conversationId });
    expect(conversation.feedback).toEqual([{ messageId: answer.message.id, solved: true }]);
  });

  it("is refused on the user's own message, on another user's reply and with a bad payload", async () => {
    const tom = await demo.chat('tom');
    const anna = await demo.chat('anna');
    const { ack, answer } = await tom.ask('my screen flickers');
    expect((await tom.emit('chat:feedback', { conversationId: ack.conversationId, messageId: ack.messageId, solved: true })).error.code).toBe('not_found');
    expect((await anna.emit('chat:feedback', { conversationId: ack.conversationId, messageId: answer.message.id, solved: false })).error.code).toBe('not_found');
    expect((await tom.emit('chat:feedback', { conversationId: ack.conversationId, messageId: answer.message.id, solved: 'yes' })).error.code).toBe('validation_failed');
  });
});
