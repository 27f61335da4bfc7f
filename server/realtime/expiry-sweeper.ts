import type pg from 'pg';
import type { Logger } from 'pino';
import { expireOverdueActions } from '../../domain/actions/expire-overdue-actions.js';
import { purgeSmsOutbox } from '../../domain/sms/purge-sms-outbox.js';
import type { ActionDelivery } from './action-delivery.js';

/**
 * Looks for overdue action requests often enough that a user learns of an expiry within a small share of the wait;
 * every node may run it, since a request only expires once. The same rounds delete the outbox's text messages past
 * their time.
 */
export function startExpirySweeper(deps: { pool: pg.Pool; logger: Logger; delivery: ActionDelivery; deliverWithinSeconds: number }): NodeJS.Timeout {
  const everyMs = Math.min(30_000, Math.max(1_000, (deps.deliverWithinSeconds * 1000) / 10));
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    expireOverdueActions(deps.pool, deps.deliverWithinSeconds)
      .then((expired) => {
        for (const row of expired) deps.delivery.announce(row, row.tenant_id);
        if (expired.length > 0) deps.logger.info({ count: expired.length }, 'action requests expired');
      })
      .catch((error: unknown) => deps.logger.error({ err: error }, 'expiring action requests failed'))
      .then(() => purgeSmsOutbox(deps.pool))
      .catch((error: unknown) => deps.logger.error({ err: error }, 'purging the SMS outbox failed'))
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return timer;
}
