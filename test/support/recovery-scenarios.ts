import { expect } from '@jest/globals';
import type { ChatClient } from './chat-client.js';
import { DEMO, type HttpClient } from './http-client.js';

/** Where a recovery scenario plays: one node, or two behind a proxy that a cut sends to the other. */
export type RecoveryStage = {
  signIn(username: string): Promise<HttpClient>;
  /** A widget, or with `/console` a technician's console, for a signed-in session. */
  connect(http: HttpClient, namespace?: string): Promise<ChatClient>;
  /** The technician's console, on whichever node the stage keeps it. */
  console(): Promise<ChatClient>;
  /** The network drops these connections, neither side saying goodbye; their next ones go where the stage sends them. */
  cut(...clients: ChatClient[]): Promise<void>;
};

async function pendingAction(user: HttpClient): Promise<string> {
  const deviceId = (await user.get('/api/v1/devices')).body.devices[0].id as string;
  const created = await user.post('/api/v1/selfservice/actions', { deviceId, kind: 'restart' });
  expect(created.status).toBe(201);
  return created.body.action.id as string;
}

/**
 * A widget in a taken-over chat is cut off while the technician replies and the user's pending action is cancelled;
 * back, it hears both, each once, and is not sent the whole conversation again. Leaves the chat taken over.
 */
export async function widgetHearsWhatItMissed(stage: RecoveryStage, texts: { question: string; reply: string }) {
  const anna = await stage.signIn(DEMO.anna);
  const widget = await stage.connect(anna);
  const desk = await stage.console();
  const { ack } = await widget.ask(texts.question);
  await desk.emit('chat:join', { conversationId: ack.conversationId });
  await widget.waitFor('chat:handoff', (p) => p.conversationId === ack.conversationId && p.technician !== null);
  const actionId = await pendingAction(anna);
  await widget.waitFor('action:update', (p) => p.action.id === actionId);

  await stage.cut(widget);
  const reply = await desk.emit('chat:send', { conversationId: ack.conversationId, text: texts.reply });
  expect(reply.error).toBeUndefined();
  expect((await anna.post(`/api/v1/actions/${actionId}/cancel`)).body.action.status).toBe('cancelled');

  const heardBefore = widget.events.length;
  expect(await widget.reconnect()).toBe(true);
  // An answered request after the reconnection: whatever the server sent before it is here.
  expect((await widget.emit('chat:load', { conversationId: ack.conversationId })).conversation.id).toBe(ack.conversationId);
  const heard = widget.events.slice(heardBefore);
  expect(heard.filter((e) => e.event === 'chat:history')).toEqual([]);
  expect(heard.filter((e) => e.event === 'chat:message' && e.payload.message.id === reply.messageId)).toHaveLength(1);
  expect(heard.filter((e) => e.event === 'action:update' && e.payload.action.id === actionId).map((e) => e.payload.action.status)).toEqual(['cancelled']);
  return { widget, desk, conversationId: ack.conversationId as string };
}

/**
 * Two sessions of Tom, both widgets cut off; one signs out meanwhile. The other is recovered with the action update it
 * missed; the signed-out one is refused, and once signed in anew on the same page has been given nothing it missed.
 * Answers whether that last connection counted as recovered.
 */
export async function signedOutSessionGetsNothing(stage: RecoveryStage): Promise<boolean> {
  const kept = await stage.signIn(DEMO.tom);
  const ended = await stage.signIn(DEMO.tom);
  const keptWidget = await stage.connect(kept);
  const endedWidget = await stage.connect(ended);

  await stage.cut(keptWidget, endedWidget);
  const actionId = await pendingAction(kept);
  expect((await ended.post('/api/v1/auth/logout')).status).toBeLessThan(300);

  expect(await keptWidget.reconnect()).toBe(true);
  await keptWidget.waitFor('action:update', (p) => p.action.id === actionId);
  await expect(endedWidget.reconnect()).rejects.toMatchObject({ data: { code: 'unauthenticated' } });

  // Signed in anew on the same page: what reached it before the refusal would be shown now.
  const again = await stage.signIn(DEMO.tom);
  (endedWidget.socket.io.opts.extraHeaders as Record<string, string>).cookie = `portico_session=${again.cookie('portico_session')}`;
  const recovered = await endedWidget.reconnect();
  expect(endedWidget.events.filter((e) => e.event === 'action:update' && e.payload.action.id === actionId)).toEqual([]);
  await kept.post(`/api/v1/actions/${actionId}/cancel`);
  return recovered;
}
