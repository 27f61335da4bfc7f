import type pg from 'pg';
import type { Logger } from 'pino';
import type { Namespace } from 'socket.io';
import { liveSessionKeys } from '../../domain/auth/sessions.js';

/**
 * Closes this node's sockets whose session has ended without a word to this node: expired, idle too long, or revoked
 * where no event reached us. A sign-out on this node closes them at once (`sessionEnded`); this catches the rest.
 */
export function startSessionSweeper(deps: { pool: pg.Pool; logger: Logger; namespaces: Namespace[]; everyMs: number }): NodeJS.Timeout {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    const sockets = deps.namespaces.flatMap((namespace) => [...namespace.sockets.values()]);
    const keyOf = (socket: (typeof sockets)[number]) => (socket.data as { sessionKey?: string }).sessionKey;
    const keys = [...new Set(sockets.map(keyOf).filter((key): key is string => key !== undefined))];
    liveSessionKeys(deps.pool, keys)
      .then((live) => {
        const ended = sockets.filter((socket) => !live.has(keyOf(socket) ?? ''));
        for (const socket of ended) socket.disconnect(true);
        if (ended.length > 0) deps.logger.info({ count: ended.length }, 'sockets of ended sessions closed');
      })
      .catch((error: unknown) => deps.logger.error({ err: error }, 'checking socket sessions failed'))
      .finally(() => (running = false));
  }, deps.everyMs);
  timer.unref();
  return timer;
}
