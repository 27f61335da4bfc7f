import { afterAll, describe, expect, it } from '@jest/globals';
import { ChatClient } from './support/chat-client.js';
import { useDemoPortico } from './support/demo-portico.js';
import { DEMO, loggedIn, type HttpClient } from './support/http-client.js';

// One node (embedded mode, socket.io's in-memory adapter): a widget whose connection drops and comes back within the
// recovery window hears what was sent to it meanwhile; a session that ended meanwhile does not.

const demo = useDemoPortico();
const opened: ChatClient[] = [];

async function connect(http: HttpClient, namespace?: string): Promise<ChatClient> {
  const client = await ChatClient.connect(demo.portico.port, http, namespace ? { namespace } : {});
  opened.push(client);
  return client;
}

/** The connection drops under the client, as when a network goes away: neither side says goodbye. */
async function cutOff(client: ChatClient): Promise<void> {
  const dropped = client.dropped();
  client.socket.io.engine.close();
  await dropped;
}

async function pendingAction(user: HttpClient): Promise<string> {
  const deviceId = (await user.get('/api/v1/devices')).body.devices[0].id as string;
  const created = await user.post('/api/v1/selfservice/actions', { deviceId, kind: 'restart' });
  expect(created.status).toBe(201);
  return created.body.action.id as string;
}

afterAll(() => {
  for (const client of opened) client.close();
});

describe('connection state recovery on one node', () => {
  it("a widget cut off hears, once back, the technician's reply and the action change it missed, each once", async () => {
    const anna = await loggedIn(demo.portico.port, DEMO.anna);
    const widget = await connect(anna);
    const desk = await connect(demo.users.tech, '/console');
    const { ack } = await widget.ask('Outlook keeps asking for my password');
    await desk.emit('chat:join', { conversationId: ack.conversationId });
    await widget.waitFor('chat:handoff', (p) => p.conversationId === ack.conversationId && p.technician !== null);
    const actionId = await pendingAction(anna);
    await widget.waitFor('action:update', (p) => p.action.id === actionId);

    await cutOff(widget);
    const reply = await desk.emit('chat:send', { conversationId: ack.conversationId, text: 'I am resetting it now.' });
    expect(reply.error).toBeUndefined();
    expect((await anna.post(`/api/v1/actions/${actionId}/cancel`)).body.action.status).toBe('cancelled');

    const heardBefore = widget.events.length;
    expect(await widget.reconnect()).toBe(true);
    // An answered request after the reconnection: whatever the server sent before it is here.
    expect((await widget.emit('chat:load', { conversationId: ack.conversationId })).conversation.id).toBe(ack.conversationId);
    const heard = widget.events.slice(heardBefore);
    // Given what it missed, it is not sent the whole conversation again.
    expect(heard.filter((e) => e.event === 'chat:history')).toEqual([]);
    expect(heard.filter((e) => e.event === 'chat:message' && e.payload.message.id === reply.messageId)).toHaveLength(1);
    expect(heard.filter((e) => e.event === 'action:update' && e.payload.action.id === actionId).map((e) => e.payload.action.status)).toEqual(['cancelled']);
    expect(await desk.emit('chat:leave', { conversationId: ack.conversationId })).toEqual({ ok: true });
  }, 60_000);

  it("a technician's console cut off hears, once back, the user's message it missed, once, and is still in the chat", async () => {
    const luc = await loggedIn(demo.portico.port, DEMO.luc);
    const widget = await connect(luc);
    const desk = await connect(demo.users.tech, '/console');
    const { ack } = await widget.ask("Mon imprimante n'imprime plus");
    await desk.emit('chat:join', { conversationId: ack.conversationId });
    await widget.waitFor('chat:handoff', (p) => p.conversationId === ack.conversationId && p.technician !== null);

    await cutOff(desk);
    const sent = await widget.emit('chat:send', { conversationId: ack.conversationId, text: "C'est la HP du bureau 2" });
    expect(sent.error).toBeUndefined();

    const heardBefore = desk.events.length;
    expect(await desk.reconnect()).toBe(true);
    const next = await widget.emit('chat:send', { conversationId: ack.conversationId, text: 'Elle clignote en orange' });
    await desk.waitFor('chat:message', (p) => p.message.id === next.messageId);
    const heard = desk.events.slice(heardBefore);
    expect(heard.filter((e) => e.event === 'chat:message' && e.payload.message.id === sent.messageId)).toHaveLength(1);
    expect(await desk.emit('chat:leave', { conversationId: ack.conversationId })).toEqual({ ok: true });
  }, 60_000);

  it('a session signed out while its widget was cut off is refused and given nothing it missed; one cut off beside it is recovered', async () => {
    const kept = await loggedIn(demo.portico.port, DEMO.tom);
    const ended = await loggedIn(demo.portico.port, DEMO.tom);
    const keptWidget = await connect(kept);
    const endedWidget = await connect(ended);

    await Promise.all([cutOff(keptWidget), cutOff(endedWidget)]);
    const actionId = await pendingAction(kept);
    expect((await ended.post('/api/v1/auth/logout')).status).toBeLessThan(300);

    expect(await keptWidget.reconnect()).toBe(true);
    await keptWidget.waitFor('action:update', (p) => p.action.id === actionId);
    await expect(endedWidget.reconnect()).rejects.toMatchObject({ data: { code: 'unauthenticated' } });

    // Signed in anew on the same page: what reached it before the refusal would be shown now.
    const again = await loggedIn(demo.portico.port, DEMO.tom);
    (endedWidget.socket.io.opts.extraHeaders as Record<string, string>).cookie = `portico_session=${again.cookie('portico_session')}`;
    // Whatever a connection was sent before it was accepted is handed to the page as it connects.
    await endedWidget.reconnect();
    expect(endedWidget.events.filter((e) => e.event === 'action:update' && e.payload.action.id === actionId)).toEqual([]);
    await kept.post(`/api/v1/actions/${actionId}/cancel`);
  }, 60_000);
});
