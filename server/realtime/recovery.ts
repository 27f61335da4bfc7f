import type { ExtendedError, Namespace, ServerOptions, Socket } from 'socket.io';

/**
 * Socket.io's connection state recovery: a client back within the window gets the events it missed, from whichever
 * node it reaches. The namespace's connection check runs on every reconnection, recovered or not.
 */
export const CONNECTION_STATE_RECOVERY: ServerOptions['connectionStateRecovery'] = {
  maxDisconnectionDuration: 2 * 60 * 1000,
  skipMiddlewares: false,
};

/** An event without a payload: the mark a client resumes from when it has heard nothing else yet. */
export const RESUME_MARK = 'connection:mark';

type Adapter = Namespace['adapter'];

/**
 * How socket.io itself writes a restored session's events, each with its offset already in place: `emit` would stamp
 * another and, with recovery on, go through the adapter, which skips a socket not yet accepted.
 */
type Wire = { packet(packet: { type: number; data: unknown[] }): void };
const EVENT_PACKET = 2;
type Middleware = (socket: Socket, next: (error?: ExtendedError) => void) => void;

/** A restored session's missed events, held until its connection passed the check. */
type Held = { catchUp(): Promise<unknown[][]> };

/** Keyed by the `data` a restored socket starts with, which the check then replaces. */
const held = new WeakMap<object, Held>();

/**
 * Socket.io writes a restored session's missed events to the wire before the namespace's connection check runs, so a
 * signed-out session would still read them; they are held here and sent only once the check passed. What was sent
 * while the check ran passed the socket by (it was not accepted yet), so the session is read again from the last
 * event held, just before the socket is accepted. A persisted session keeps its rooms, not its `data`: the check builds
 * that again, and the session token stays out of Redis.
 */
function holdMissedEvents(adapter: Adapter): void {
  const restore = adapter.restoreSession.bind(adapter);
  const persist = adapter.persistSession.bind(adapter);
  adapter.persistSession = (session) => persist({ ...session, data: undefined });
  adapter.restoreSession = async (pid, offset) => {
    const session = await restore(pid, offset);
    if (!session) return session;
    const { missedPackets: missed, ...kept } = session;
    const holder = {};
    held.set(holder, {
      async catchUp() {
        const last = missed.at(-1)?.at(-1);
        persist({ ...kept, data: undefined });
        const since = await restore(pid, typeof last === 'string' ? last : offset).catch(() => undefined);
        return [...missed, ...(since?.missedPackets ?? [])];
      },
    });
    return { ...kept, data: holder, missedPackets: [] };
  };
}

/**
 * Puts a namespace's connection check in front of recovery: a restored socket is refused like any other when the check
 * fails, and gets its rooms and missed events back only when they are those of the one it now proves to be (`ownRoom`,
 * read once the check set `socket.data`).
 */
export function guardRecovery(namespace: Namespace, check: Middleware, ownRoom: (socket: Socket) => string): void {
  holdMissedEvents(namespace.adapter);
  namespace.use((socket, next) => {
    const restored = held.get(socket.data as object);
    check(socket, (error) => {
      if (error || !restored) return next(error);
      if (!socket.rooms.has(ownRoom(socket))) {
        // Another session's state (a page signed in anew while its old connection was kept): it starts afresh.
        for (const room of socket.rooms) if (room !== socket.id) void socket.leave(room);
        return next();
      }
      void restored.catchUp().then((missed) => {
        const wire = socket as unknown as Wire;
        for (const data of missed) wire.packet({ type: EVENT_PACKET, data });
        next();
      });
    });
  });
  // A client resumes from the last event it heard through the adapter; one that heard none yet has nowhere to resume
  // from, so a fresh connection is given a first mark at once.
  namespace.on('connection', (socket) => {
    if (!socket.recovered) namespace.to(socket.id).emit(RESUME_MARK);
  });
}
