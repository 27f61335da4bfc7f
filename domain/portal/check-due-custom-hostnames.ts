import type pg from 'pg';
import { dueCustomHostnames } from '../../db/repositories/custom-hostnames.js';
import type { CnameResolver } from './cname-check.js';
import { recheckCustomHostname } from './check-custom-hostname.js';

// A hostname waiting for its record is looked up every few minutes, so it answers soon after the admin creates it;
// an active one hourly, to notice a record that was removed.
const WAITING_EVERY_SECONDS = 5 * 60;
const ACTIVE_EVERY_SECONDS = 60 * 60;
const PER_ROUND = 20;

/** The periodic check: the custom hostnames of every tenant whose check is due, a few per round, one after the other. */
export async function checkDueCustomHostnames(deps: { pool: pg.Pool; resolver: CnameResolver }): Promise<void> {
  for (const row of await dueCustomHostnames(deps.pool, WAITING_EVERY_SECONDS, ACTIVE_EVERY_SECONDS, PER_ROUND)) {
    await recheckCustomHostname(deps, row, { kind: 'system' });
  }
}
