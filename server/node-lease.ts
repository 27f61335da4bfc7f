import type pg from 'pg';
import type { Logger } from 'pino';
import { renewLease } from './renewed-lease.js';

/** The leases of live nodes are named after them; what a node holds is known to the others by this name. */
export const NODE_LEASE_PREFIX = 'node:';

/** Renewed three times a term, so one slow or failed renewal does not let it run out. */
const RENEWALS_PER_TERM = 3;

export type NodeLease = { stop(): Promise<void> };

/**
 * A scale-out node's sign of life in the database, which the other nodes read to tell a node that holds device agents
 * from one that died with them. When a renewal succeeds after the lease may have run out (the database was away for a
 * term or more), `regained` lets the node claim again what the others may meanwhile have given up for it.
 */
export function holdNodeLease(
  pool: pg.Pool,
  node: string,
  seconds: number,
  logger: Logger,
  regained: () => Promise<void>,
): NodeLease {
  let renewedAt = Date.now();
  const lease = renewLease(
    pool,
    { name: NODE_LEASE_PREFIX + node, holder: node, seconds, everyMs: (seconds * 1000) / RENEWALS_PER_TERM },
    async (held) => {
      if (!held) return;
      const lapsed = Date.now() - renewedAt >= seconds * 1000;
      renewedAt = Date.now();
      if (lapsed) {
        logger.info('node lease renewed after it ran out: claiming its device agents again');
        await regained();
      }
    },
    (error) => logger.warn({ err: error }, 'renewing the node lease failed'),
  );
  return {
    async stop() {
      await lease.halt();
      await lease.release();
    },
  };
}
