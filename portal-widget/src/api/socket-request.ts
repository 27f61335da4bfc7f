// A request over socket.io that resolves with the server's acknowledgement, shared by the portal and the console:
// refused at once while disconnected (code `disconnected`), when the connection drops before the answer, and when
// no answer comes in time (code `timeout`), each with the caller's message in the user's language.
import type { Socket } from 'socket.io-client';
import type { ApiError } from './http.js';

const ACK_TIMEOUT_MS = 10_000;

export type Ack<T> = (T & { error?: undefined }) | { error: ApiError };

export async function requestWithAck<T>(socket: Socket | undefined, event: string, payload: unknown, noAnswer: string): Promise<Ack<T>> {
  const disconnected = { error: { code: 'disconnected', message: noAnswer } };
  if (!socket?.connected) return disconnected;
  // A socket's listener map types the server's events only; the caller types the request.
  const untyped = socket.timeout(ACK_TIMEOUT_MS) as unknown as { emitWithAck(event: string, payload: unknown): Promise<unknown> };
  let onDisconnect = () => {};
  const dropped = new Promise<typeof disconnected>((resolve) => {
    onDisconnect = () => resolve(disconnected);
    socket.once('disconnect', onDisconnect);
  });
  const answered = untyped.emitWithAck(event, payload).then(
    (ack) => ack as Ack<T>,
    () => ({ error: { code: 'timeout', message: noAnswer } }),
  );
  try {
    return await Promise.race([answered, dropped]);
  } finally {
    socket.off('disconnect', onDisconnect);
  }
}

export type ConnectionHandlers = {
  /**
   * Connected, or connected again after a drop: what was missed meanwhile must be read again, unless the connection was
   * `recovered` (the server sent what it missed, each event once).
   */
  connected(recovered: boolean): void;
  /** Lost, or not reachable: socket.io keeps trying. */
  lost(): void;
  /** Refused by the server (the session ended) rather than unreachable: it will not try again by itself. */
  refused(): void;
};

/** Tells the handlers how the connection goes. The server closes the sockets of a session that ended; those do not reconnect. */
export function followConnection(socket: Socket, handlers: ConnectionHandlers): void {
  socket.on('connect', () => handlers.connected(socket.recovered));
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') handlers.refused();
    else if (reason !== 'io client disconnect') handlers.lost();
  });
  socket.on('connect_error', () => (socket.active ? handlers.lost() : handlers.refused()));
}
