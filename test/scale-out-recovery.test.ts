import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChatClient } from './support/chat-client.js';
import { TestCluster, type ClusterNode } from './support/cluster.js';
import { DEMO, HttpClient, loggedIn } from './support/http-client.js';
import { TcpProxy } from './support/tcp-proxy.js';

// Two nodes behind one address, as behind a load balancer: a widget's connection drops while it is on node A, what
// happens meanwhile happens on either node, and its reconnection lands on node B, which gives it back what it missed.

let cluster: TestCluster;
let a: ClusterNode;
let b: ClusterNode;
let proxy: TcpProxy;
const opened: ChatClient[] = [];

/** A window through the proxy (or straight to a node) with a session signed in on any node. */
async function connect(http: HttpClient, options: { node?: ClusterNode; namespace?: string } = {}): Promise<ChatClient> {
  const port = options.node?.port ?? proxy.port;
  const session = new HttpClient(port);
  session.setCookie('portico_session', http.cookie('portico_session')!);
  const client = await ChatClient.connect(port, session, options.namespace ? { namespace: options.namespace } : {});
  opened.push(client);
  return client;
}

/** The network drops every connection through the proxy, and the next ones reach node B. */
async function failOverToB(...clients: ChatClient[]): Promise<void> {
  const dropped = clients.map((client) => client.dropped());
  proxy.sendTo(b.port);
  proxy.cut();
  await Promise.all(dropped);
}

async function pendingAction(user: HttpClient): Promise<string> {
  const deviceId = (await user.get('/api/v1/devices')).body.devices[0].id as string;
  const created = await user.post('/api/v1/selfservice/actions', { deviceId, kind: 'restart' });
  expect(created.status).toBe(201);
  return created.body.action.id as string;
}

beforeAll(async () => {
  cluster = await TestCluster.start(2);
  [a, b] = cluster.nodes as [ClusterNode, ClusterNode];
  proxy = await TcpProxy.start(a.port);
}, 120_000);

afterAll(async () => {
  for (const client of opened) client.close();
  await proxy?.close();
  await cluster?.close();
}, 60_000);

describe('connection state recovery across nodes', () => {
  it("a widget cut off on node A and back through node B hears the technician's reply and the action change it missed, each once", async () => {
    proxy.sendTo(a.port);
    const anna = await loggedIn(a.port, DEMO.anna);
    const tech = await loggedIn(b.port, DEMO.tech);
    const widget = await connect(anna);
    const desk = await connect(tech, { node: b, namespace: '/console' });
    const { ack } = await widget.ask('Outlook continua a chiedermi la password');
    await desk.emit('chat:join', { conversationId: ack.conversationId });
    await widget.waitFor('chat:handoff', (p) => p.conversationId === ack.conversationId && p.technician !== null);
    const actionId = await pendingAction(anna);
    await widget.waitFor('action:update', (p) => p.action.id === actionId);

    await failOverToB(widget);
    const reply = await desk.emit('chat:send', { conversationId: ack.conversationId, text: 'Controllo il Suo account adesso.' });
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

    // Node B serves it from now on: the technician's next word reaches it live.
    const next = await desk.emit('chat:send', { conversationId: ack.conversationId, text: 'Fatto, provi adesso.' });
    await widget.waitFor('chat:message', (p) => p.message.id === next.messageId);
    expect(await desk.emit('chat:leave', { conversationId: ack.conversationId })).toEqual({ ok: true });
  }, 60_000);

  it('a session signed out while its widget was cut off is refused on the other node and given nothing it missed; one cut off beside it is recovered', async () => {
    proxy.sendTo(a.port);
    const kept = await loggedIn(a.port, DEMO.tom);
    const ended = await loggedIn(a.port, DEMO.tom);
    const keptWidget = await connect(kept);
    const endedWidget = await connect(ended);

    await failOverToB(keptWidget, endedWidget);
    const actionId = await pendingAction(kept);
    expect((await ended.post('/api/v1/auth/logout')).status).toBeLessThan(300);

    expect(await keptWidget.reconnect()).toBe(true);
    await keptWidget.waitFor('action:update', (p) => p.action.id === actionId);
    await expect(endedWidget.reconnect()).rejects.toMatchObject({ data: { code: 'unauthenticated' } });

    // Signed in anew on the same page: what reached it before the refusal would be shown now.
    const again = await loggedIn(b.port, DEMO.tom);
    (endedWidget.socket.io.opts.extraHeaders as Record<string, string>).cookie = `portico_session=${again.cookie('portico_session')}`;
    expect(await endedWidget.reconnect()).toBe(false);
    expect(endedWidget.events.filter((e) => e.event === 'action:update' && e.payload.action.id === actionId)).toEqual([]);
    await kept.post(`/api/v1/actions/${actionId}/cancel`);
  }, 60_000);
});
