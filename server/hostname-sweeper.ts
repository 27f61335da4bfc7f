import type pg from 'pg';
import type { Logger } from 'pino';
import { dueCustomHostnames } from '../db/repositories/custom-hostnames.js';
import type { CnameResolver } from '../domain/portal/cname-check.js';
import { recheckCustomHostname } from '../domain/portal/check-custom-hostname.js';

// A hostname waiting for its record is looked up every few minutes, so it answers soon after the admin creates it;
// an active one hourly, to notice a record that was removed.
const WAITING_EVERY_SECONDS = 5 * 60;
const ACTIVE_EVERY_SECONDS = 60 * 60;
const PER_ROUND = 20;

/** Checks the custom hostnames whose check is due, a few per round, one after the other. */
export function startHostnameSweeper(deps: { pool: pg.Pool; logger: Logger; resolver: CnameResolver; everyMs: number }): NodeJS.Timeout {
  let running = false;
  const round = async () => {
    for (const row of await dueCustomHostnames(deps.pool, WAITING_EVERY_SECONDS, ACTIVE_EVERY_SECONDS, PER_ROUND)) {
      await recheckCustomHostname(deps, row, { kind: 'system' });
    }
  };
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    round()
      .catch((error: unknown) => deps.logger.error({ err: error }, 'checking custom hostnames failed'))
      .finally(() => (running = false));
  }, deps.everyMs);
  timer.unref();
  return timer;
}
