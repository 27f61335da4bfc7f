import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChatClient } from './support/chat-client.js';
import { TestCluster, type ClusterNode } from './support/cluster.js';
import { DEMO, HttpClient, loggedIn } from './support/http-client.js';
import { signedOutSessionGetsNothing, widgetHearsWhatItMissed, type RecoveryStage } from './support/recovery-scenarios.js';
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

const stage: RecoveryStage = {
  signIn: (username) => loggedIn(a.port, username),
  connect: (http, namespace) => connect(http, namespace ? { namespace } : {}),
  console: async () => connect(await loggedIn(b.port, DEMO.tech), { node: b, namespace: '/console' }),
  cut: failOverToB,
};

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
    const { widget, desk, conversationId } = await widgetHearsWhatItMissed(stage, { question: 'Outlook continua a chiedermi la password', reply: 'Controllo il Suo account adesso.' });

    // Node B serves it from now on: the technician's next word reaches it live.
    const next = await desk.emit('chat:send', { conversationId, text: 'Fatto, provi adesso.' });
    await widget.waitFor('chat:message', (p) => p.message.id === next.messageId);
    expect(await desk.emit('chat:leave', { conversationId })).toEqual({ ok: true });
  }, 60_000);

  it('a session signed out while its widget was cut off is refused on the other node and given nothing it missed; one cut off beside it is recovered', async () => {
    proxy.sendTo(a.port);
    expect(await signedOutSessionGetsNothing(stage)).toBe(false);
  }, 60_000);
});
