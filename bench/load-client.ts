import { io, type Socket } from 'socket.io-client';

/**
 * The load bench's clients, forked by `load-chat.ts` so that they spend their own CPU, not the server's nor the
 * orchestrator's. Told over IPC what to do; answers each order with one message.
 */

export type LoadOrder =
  /** Opens one `/portal` socket per session token, as a signed-in widget does. */
  | { kind: 'open-widgets'; url: string; tokens: string[] }
  /** Opens one `/agents` socket per agent token, as an enrolled device agent does. */
  | { kind: 'open-agents'; url: string; tokens: string[] }
  /**
   * Every open widget chats: `turns` messages each, the next one sent when the answer to the previous one has arrived.
   * With `intervalMs`, each widget sends at most one message per interval (the widgets' first ones spread over one
   * interval), and a turn counts from its planned time, so a server that falls behind shows it.
   */
  | { kind: 'chat'; texts: string[]; turns: number; intervalMs?: number }
  | { kind: 'close' };

export type LoadAnswer =
  | { kind: 'opened'; count: number; errors: string[] }
  | { kind: 'chatted'; latencies: number[]; seconds: number; errors: string[] }
  | { kind: 'closed' };

const TURN_TIMEOUT_MS = 120_000;
// Handshakes in flight at once: a widget page load, not a reconnect storm.
const OPEN_IN_FLIGHT = 100;

type Widget = { socket: Socket; conversationId?: string };

// Why sockets closed that the bench did not close ("io server disconnect", "ping timeout", "transport close"…): the
// next chat run reports them with its errors.
const dropped: string[] = [];

const widgets: Widget[] = [];
const agents: Socket[] = [];

function opened(socket: Socket): Promise<Socket> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

async function openAll(count: number, open: (i: number) => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(OPEN_IN_FLIGHT, count) }, async () => {
      while (next < count) {
        const i = next++;
        await open(i).catch((error: unknown) => errors.push(`connect: ${String(error)}`));
      }
    }),
  );
  return errors;
}

function openWidgets(url: string, tokens: string[]): Promise<string[]> {
  return openAll(tokens.length, async (i) => {
    const socket = io(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { host: 'localhost', cookie: `portico_session=${tokens[i]}` },
    });
    widgets.push({ socket: await opened(socket) });
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') dropped.push(`disconnected: ${reason}`);
    });
  });
}

function openAgents(url: string, tokens: string[]): Promise<string[]> {
  return openAll(tokens.length, async (i) => {
    const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token: tokens[i], agentVersion: 'bench' } });
    agents.push(await opened(socket));
  });
}

type ChatMessage = { conversationId: string; message: { role: string } };
type SendAck = { conversationId?: string; error?: { code: string } };

/** One turn: resolves with the time the assistant's stored answer arrived, or throws with why it did not. */
async function turn(widget: Widget, text: string): Promise<number> {
  const { socket } = widget;
  let onMessage: (payload: ChatMessage) => void = () => undefined;
  let onError: (payload: { conversationId: string; error: { code: string } }) => void = () => undefined;
  let timer: NodeJS.Timeout | undefined;
  // Listening before sending: the answer may come before the acknowledgement is read.
  const answered = new Promise<number>((resolve, reject) => {
    onMessage = (payload) => {
      if (payload.message.role === 'assistant' && (!widget.conversationId || payload.conversationId === widget.conversationId)) resolve(performance.now());
    };
    onError = (payload) => reject(new Error(`chat:error ${payload.error.code}`));
    timer = setTimeout(() => reject(new Error('no answer within 120 s')), TURN_TIMEOUT_MS);
    socket.on('chat:message', onMessage);
    socket.on('chat:error', onError);
  });
  // Its failure is read below, or not at all when sending already failed: never an unhandled rejection.
  answered.catch(() => undefined);
  try {
    const ack = (await socket.timeout(TURN_TIMEOUT_MS).emitWithAck('chat:send', widget.conversationId ? { conversationId: widget.conversationId, text } : { text })) as SendAck;
    if (ack.error) throw new Error(`chat:send refused: ${ack.error.code}`);
    widget.conversationId = ack.conversationId;
    return await answered;
  } finally {
    clearTimeout(timer);
    socket.off('chat:message', onMessage);
    socket.off('chat:error', onError);
  }
}

// Each message sent takes the next text, run after run: a list longer than a run's turns is never repeated within it.
let sent = 0;

async function chat(texts: string[], turns: number, intervalMs?: number): Promise<LoadAnswer> {
  const latencies: number[] = [];
  const errors: string[] = [];
  const started = performance.now();
  await Promise.all(
    widgets.map(async (widget, w) => {
      const first = intervalMs ? started + (intervalMs * w) / widgets.length : 0;
      for (let i = 0; i < turns; i++) {
        const planned = intervalMs ? first + i * intervalMs : performance.now();
        const wait = planned - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        try {
          latencies.push((await turn(widget, texts[sent++ % texts.length]!)) - planned);
        } catch (error) {
          errors.push(String(error instanceof Error ? error.message : error));
        }
      }
    }),
  );
  return { kind: 'chatted', latencies, seconds: (performance.now() - started) / 1000, errors: [...errors, ...dropped.splice(0)] };
}

function closeAll(): void {
  for (const { socket } of widgets.splice(0)) socket.close();
  for (const socket of agents.splice(0)) socket.close();
}

async function obey(order: LoadOrder): Promise<LoadAnswer> {
  switch (order.kind) {
    case 'open-widgets': {
      const errors = await openWidgets(order.url, order.tokens);
      return { kind: 'opened', count: widgets.length, errors };
    }
    case 'open-agents': {
      const errors = await openAgents(order.url, order.tokens);
      return { kind: 'opened', count: agents.length, errors };
    }
    case 'chat':
      return chat(order.texts, order.turns, order.intervalMs);
    case 'close':
      closeAll();
      return { kind: 'closed' };
  }
}

process.on('message', (order: LoadOrder) => {
  void obey(order).then((answer) => process.send!(answer));
});
process.on('disconnect', () => {
  closeAll();
  process.exit(0);
});
