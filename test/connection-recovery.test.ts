import { afterAll, describe, expect, it } from '@jest/globals';
import { ChatClient } from './support/chat-client.js';
import { useDemoPortico } from './support/demo-portico.js';
import { DEMO, loggedIn, type HttpClient } from './support/http-client.js';
import { signedOutSessionGetsNothing, widgetHearsWhatItMissed, type RecoveryStage } from './support/recovery-scenarios.js';

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

const stage: RecoveryStage = {
  signIn: (username) => loggedIn(demo.portico.port, username),
  connect,
  console: () => connect(demo.users.tech, '/console'),
  cut: async (...clients) => {
    await Promise.all(clients.map(cutOff));
  },
};

afterAll(() => {
  for (const client of opened) client.close();
});

describe('connection state recovery on one node', () => {
  it("a widget cut off hears, once back, the technician's reply and the action change it missed, each once", async () => {
    const { desk, conversationId } = await widgetHearsWhatItMissed(stage, { question: 'Outlook keeps asking for my password', reply: 'I am resetting it now.' });
    expect(await desk.emit('chat:leave', { conversationId })).toEqual({ ok: true });
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
    await signedOutSessionGetsNothing(stage);
  }, 60_000);
});
