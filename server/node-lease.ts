import type pg from 'pg';
import type { Logger } from 'pino';
import { releaseLease, takeLease } from '../db/repositories/cluster-leases.js';

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
  const name = NODE_LEASE_PREFIX + node;
  let renewedAt = Date.now();
  let stopped = false;
  const renew = async () => {
    const lapsed = Date.now() - renewedAt >= seconds * 1000;
    await takeLease(pool, name, node, seconds);
    renewedAt = Date.now();
    if (lapsed && !stopped) {
      logger.info('node lease renewed after it ran out: claiming its device agents again');
      await regained();
    }
  };
  const renewLogged = () => renew().catch((error: unknown) => logger.warn({ err: error }, 'renewing the node lease failed'));
  let turn = renewLogged();
  const timer = setInterval(() => (turn = turn.then(renewLogged)), (seconds * 1000) / RENEWALS_PER_TERM);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await turn;
      await releaseLease(pool, name, node).catch(() => undefined);
    },
  };
}
