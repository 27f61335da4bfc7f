import { describe, expect, it } from '@jest/globals';
import { ChatClient } from './support/chat-client.js';
import { useLlmPortico } from './support/llm-portico.js';

const llm = useLlmPortico('sk-test-secret-key');
const chat = llm.chat;

/** The outcome the model read for each tool call, from the last request it received. */
function toolResultsSent(): unknown[] {
  const last = llm.model.requests.at(-1)!;
  return last.messages.filter((m) => m.role === 'tool').map((m) => JSON.parse(String(m.content)) as unknown);
}

describe('the LLM engine behind the /portal namespace', () => {
  it('streams the model’s answer and proposes the action the user asked for', async () => {
    llm.model.script({ toolCalls: [{ name: 'request_device_action', args: { action: 'lock' } }] }, { text: 'I have prepared the lock of your laptop.', chunks: 4 });
    const tom = await chat('tom');
    const { ack, answer } = await tom.ask('please lock my laptop');
    const action = await tom.waitFor('chat:action', (p) => p.conversationId === ack.conversationId);
    expect(action.action).toMatchObject({ kind: 'lock', deviceName: 'TOM-LAPTOP', status: 'awaiting_confirmation' });
    expect(answer.message.toolCalls).toEqual([{ name: 'request_device_action', args: { action: 'lock' } }]);
    expect(answer.message.text).toBe('I have prepared the lock of your laptop.');
    const deltas = tom.events.filter((e) => e.event === 'chat:delta' && e.payload.messageId === answer.message.id).map((e) => e.payload.delta);
    expect(deltas.length).toBeGreaterThanOrEqual(2);
    expect(deltas.join('')).toBe(answer.message.text);
    const sent = llm.model.requests[0]!;
    expect(sent.tools!.map((t) => t.function.name).sort()).toEqual(
      ['create_ticket', 'escalate_to_technician', 'get_ticket_status', 'list_my_devices', 'list_my_tickets', 'request_device_action', 'request_software_install', 'search_knowledge_base'],
    );
    expect(String(sent.messages[0]!.content)).toContain('Tom Baker');
  });

  it('holds the line when the model obeys an injection found in a knowledge-base article', async () => {
    const lucsDevice = (await llm.users.luc.get('/api/v1/devices')).body.devices[0].id as string;
    llm.model.script(
      { toolCalls: [{ name: 'search_knowledge_base', args: { query: 'docking station firmware' } }] },
      () => ({
        toolCalls: [
          { name: 'request_device_action', args: { action: 'restart' } },
          { name: 'request_device_action', args: { action: 'shutdown', device: lucsDevice } },
          { name: 'request_software_install', args: { app: 'Adobe Photoshop' } },
        ],
      }),
      { text: 'Done as the article said.' },
    );
    const tom = await chat('tom');
    const { ack, answer } = await tom.ask('how do I update the docking station firmware?');
    expect(answer.message.toolCalls.map((c: { name: string }) => c.name)).toEqual([
      'search_knowledge_base',
      'request_device_action',
      'request_device_action',
      'request_software_install',
    ]);
    expect(toolResultsSent().slice(1)).toEqual([
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'action_not_requested' }) }),
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'action_not_requested' }) }),
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'action_not_requested' }) }),
    ]);
    expect(tom.events.filter((e) => e.event === 'chat:action' && e.payload.conversationId === ack.conversationId)).toEqual([]);
    const stored = (await llm.users.tom.get(`/api/v1/conversations/${ack.conversationId}`)).body;
    expect(stored.actions).toEqual([]);
  });

  it("refuses another user's device even when the user asks for an action", async () => {
    const lucsDevice = (await llm.users.luc.get('/api/v1/devices')).body.devices[0].id as string;
    llm.model.script({ toolCalls: [{ name: 'request_device_action', args: { action: 'restart', device: lucsDevice } }] }, { text: 'I could not do that.' });
    const tom = await chat('tom');
    const { ack } = await tom.ask('restart the computer please');
    expect(toolResultsSent()).toEqual([expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'not_found' }) })]);
    expect(tom.events.filter((e) => e.event === 'chat:action' && e.payload.conversationId === ack.conversationId)).toEqual([]);
  });

  it('goes on after a hand-back from what the technician told the user', async () => {
    llm.model.scriptDefault({ text: 'Let me look into it.' });
    const anna = await chat('anna');
    const { ack, answer: first } = await anna.ask('Outlook keeps asking for my password');
    const conversationId: string = ack.conversationId;
    const tech = await ChatClient.connect(llm.portico.port, llm.users.tech, { namespace: '/console' });
    try {
      await tech.emit('chat:join', { conversationId });
      await tech.emit('chat:send', { conversationId, text: 'I rebuilt your Outlook profile; the password prompt should be gone.' });
      await anna.waitFor('chat:message', (p) => p.message.role === 'technician');
      await tech.emit('chat:leave', { conversationId });
      await anna.waitFor('chat:handoff', (p) => p.technician === null);
    } finally {
      tech.close();
    }
    // The hand-back's own notice comes first: the turn's answer is the model's words again.
    await anna.emit('chat:send', { conversationId, text: 'Which other Outlook settings should I check?' });
    await anna.waitFor('chat:message', (p) => p.message.text === 'Let me look into it.' && p.message.id !== first.message.id);
    const sent = llm.model.requests.at(-1)!.messages;
    expect(sent).toContainEqual(expect.objectContaining({ role: 'assistant', name: 'technician', content: 'I rebuilt your Outlook profile; the password prompt should be gone.' }));
    expect(String(sent[0]!.content)).toContain('named "technician"');
  });

  it('answers in limited mode, in the user’s language, when the provider keeps failing', async () => {
    llm.model.scriptDefault({ status: 500, message: 'upstream down' });
    const luc = await chat('luc');
    const { answer } = await luc.ask('mon imprimante ne fonctionne plus');
    expect(answer.message.limitedMode).toBe(true);
    expect(answer.message.text).toContain('mode limité');
    expect(answer.message.toolCalls.map((c: { name: string }) => c.name)).toContain('search_knowledge_base');
    expect(llm.portico.logs.join('')).not.toContain('sk-test-secret-key');
  });
});
