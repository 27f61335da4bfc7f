import { describe, expect, it } from '@jest/globals';
import type { ChatClient } from './support/chat-client.js';
import { useDemoPortico } from './support/demo-portico.js';
import { codeIn, latestSms } from './support/self-service.js';

const demo = useDemoPortico({ creationLimits: { conversations: 200, tickets: 200 } });

type Answer = { text: string; toolCalls: { name: string; args: Record<string, unknown> }[]; quickReplies?: { label: string; text: string }[] };

/** One message in a new conversation (or the given one): the answer, and the action cards it brought. */
async function say(chat: ChatClient, text: string, conversationId?: string) {
  const before = chat.events.length;
  const { ack, answer } = await chat.ask(text, conversationId);
  const actions = chat.events
    .slice(before)
    .filter((e) => e.event === 'chat:action' && e.payload.conversationId === ack.conversationId)
    .map((e) => e.payload.action as { id: string; kind: string; deviceName: string; appName?: string; status: string });
  return { conversationId: ack.conversationId as string, message: answer.message as Answer, actions };
}

const called = (message: Answer) => message.toolCalls.map((c) => c.name);

describe('a clear request is acted on at once', () => {
  it.each([
    ['reinicia mi ordenador', 'restart'],
    ['verrouiller le pc svp je pars en réunion', 'lock'],
    ['Computer ausschalten, Feierabend', 'shutdown'],
    ['bloquear el ordenador, me voy a comer', 'lock'],
  ])('%s → %s on TOM-LAPTOP', async (text, kind) => {
    const { actions } = await say(await demo.chat('tom'), text);
    expect(actions).toEqual([expect.objectContaining({ kind, deviceName: 'TOM-LAPTOP', status: 'awaiting_confirmation' })]);
  });
});

describe('an unsure request is asked about by name, with yes and no as quick replies', () => {
  it.each([
    ['neustart pls', 'restart', /TOM-LAPTOP/],
    ['laptop sperren', 'lock', /TOM-LAPTOP/],
    ['fermer ma session', 'logout', /TOM-LAPTOP/],
    ['esci dal mio account windows', 'logout', /TOM-LAPTOP/],
    ['ho dimenticato la password del portatile', 'reset_password', /TOM-LAPTOP/],
    ['installer slack', 'install', /Slack[\s\S]*TOM-LAPTOP/],
  ])('%s', async (text, kind, named) => {
    const tom = await demo.chat('tom');
    const first = await say(tom, text);
    // Either carried out at once, or a question that names what a yes does.
    if (first.actions.length === 0) {
      expect(first.message.text).toMatch(named);
      expect(first.message.quickReplies).toHaveLength(2);
      const yes = await say(tom, first.message.quickReplies![0]!.text, first.conversationId);
      expect(yes.actions).toEqual([expect.objectContaining({ kind, deviceName: 'TOM-LAPTOP' })]);
    } else {
      expect(first.actions).toEqual([expect.objectContaining({ kind, deviceName: 'TOM-LAPTOP' })]);
    }
  });
});

describe('what is not a request for an action on one’s own device', () => {
  it('hands "agent please" to a technician', async () => {
    const { message, actions } = await say(await demo.chat('tom'), 'agent please');
    expect(called(message)).toEqual(['escalate_to_technician']);
    expect(actions).toEqual([]);
  });

  it('looks up a laptop that switches itself off instead of switching it off', async () => {
    const { message, actions } = await say(await demo.chat('tom'), 'se me apaga el portatil de repente');
    expect(called(message)).toEqual(['search_knowledge_base']);
    expect(actions).toEqual([]);
  });

  it.each([
    ['tom', "restart Anna Bianchi's desktop please, she asked me to", /only act on your own devices/],
    // Read as Italian ("di Anna"), answered in Italian.
    ['tom', 'install firefox on MacBook Air di Anna', /only act on your own devices|solo sui Suoi dispositivi/],
    ['luc', 'redémarre TOM-LAPTOP', /que sur vos propres appareils/],
  ] as const)('refuses %s: %s', async (user, text, refusal) => {
    const { message, actions } = await say(await demo.chat(user), text);
    expect(actions).toEqual([]);
    expect(called(message)).toEqual([]);
    expect(message.text).toMatch(refusal);
  });

  it('never installs a catalog app found inside a file name (it may suggest it), and asks a technician for the file when told yes', async () => {
    const luc = await demo.chat('luc');
    const first = await say(luc, 'installe-moi le logiciel keygen-office-2019.exe');
    expect(first.actions).toEqual([]);
    expect(first.message.text).toMatch(/ne fait pas partie du catalogue/);
    expect(first.message.quickReplies!.map((r) => r.text)).toEqual(['Oui', 'Non']);
    const yes = await say(luc, 'Oui', first.conversationId);
    expect(called(yes.message)).toEqual(['create_ticket']);
    const number = /(\d{3,})/.exec(yes.message.text)![1];
    const ticket = (await demo.users.tech.get(`/api/v1/tickets/${number}`)).body;
    expect(ticket).toMatchObject({ type: 'request', subject: expect.stringMatching(/keygen-office-2019\.exe/) });
  });
});

describe('what is neither an article nor an action', () => {
  it.each([
    ['¿sabes si mañana llueve en Málaga?', /informática/],
    ["c'est quoi la meilleure pizzeria à Lyon ?", /informatiques/],
  ])('answers small talk with what it is for, searching nothing: %s', async (text, reply) => {
    const { message, actions } = await say(await demo.chat('tom'), text);
    expect(called(message)).toEqual([]);
    expect(actions).toEqual([]);
    expect(message.text).toMatch(reply);
  });

  it('hands a call asked of a person to a technician, asking first when the wording leaves it unsure, with the request as the reason', async () => {
    const tom = await demo.chat('tom');
    const text = "is there anyone from IT who can ring me? it's urgent, we can't take payments";
    const first = await say(tom, text);
    let escalated = first.message;
    // Either handed over at once, or a question whose yes hands over.
    if (called(first.message).length === 0) {
      expect(first.message.text).toMatch(/hand you over to a technician/);
      expect(first.message.quickReplies!.map((r) => r.text)).toEqual(['Yes', 'No']);
      escalated = (await say(tom, 'Yes', first.conversationId)).message;
    }
    expect(escalated.toolCalls).toEqual([expect.objectContaining({ name: 'escalate_to_technician', args: { reason: text } })]);
  });
});

describe('follow-ups to a proposed action', () => {
  it('moves it to the other device, adds it on another, swaps the action and cancels, each card following', async () => {
    const anna = await demo.chat('anna');
    const first = await say(anna, 'riavvia il desktop');
    expect(first.actions).toEqual([expect.objectContaining({ kind: 'restart', deviceName: 'ANNA-DESKTOP' })]);
    const conversation = first.conversationId;

    const other = await say(anna, "no, l'altro", conversation);
    expect(other.actions).toEqual([
      expect.objectContaining({ id: first.actions[0]!.id, status: 'cancelled' }),
      expect.objectContaining({ kind: 'restart', deviceName: 'MacBook Air di Anna', status: 'awaiting_confirmation' }),
    ]);

    const also = await say(anna, 'anche sul desktop', conversation);
    expect(also.actions).toEqual([expect.objectContaining({ kind: 'restart', deviceName: 'ANNA-DESKTOP', status: 'awaiting_confirmation' })]);

    const instead = await say(anna, 'anzi, bloccalo invece', conversation);
    expect(instead.actions).toEqual([
      expect.objectContaining({ id: also.actions[0]!.id, status: 'cancelled' }),
      expect.objectContaining({ kind: 'lock', deviceName: 'ANNA-DESKTOP' }),
    ]);

    const cancel = await say(anna, 'annulla', conversation);
    expect(cancel.actions).toEqual([expect.objectContaining({ id: instead.actions[1]!.id, status: 'cancelled' })]);
  });

  it('says it is too late once the action was verified and queued for the device', async () => {
    const tom = await demo.chat('tom');
    const first = await say(tom, 'restart my laptop');
    const actionId = first.actions[0]!.id;
    expect((await tom.emit('action:confirm', { actionId })).needsPhone).toBe(true);
    const phone = '+14155550111';
    expect(await tom.emit('phone:set', { phone })).toEqual({ ok: true });
    const code = codeIn((await latestSms(demo.users.tech, phone)).body);
    expect((await tom.emit('action:verify', { actionId, code })).action.status).toBe('queued');
    const late = await say(tom, 'cancel that', first.conversationId);
    expect(late.actions).toEqual([]);
    expect(late.message.text).toMatch(/can no longer change it/);
  });
});

describe('the assistant’s own words', () => {
  it('are not masked as a secret when it names a password reset', async () => {
    const { message } = await say(await demo.chat('tom'), 'reset my password');
    expect(message.text).not.toContain('•');
  });
});
