import type pg from 'pg';
import type { Logger } from 'pino';
import type { Namespace } from 'socket.io';
import { markDevicesOfGoneNodesOffline } from '../../db/repositories/devices.js';
import { tidyTables } from '../../db/upkeep/tidy-tables.js';
import { expireOverdueActions } from '../../domain/actions/expire-overdue-actions.js';
import { liveSessionKeys } from '../../domain/auth/sessions.js';
import type { CnameResolver } from '../../domain/portal/cname-check.js';
import { checkDueCustomHostnames } from '../../domain/portal/check-due-custom-hostnames.js';
import { purgeSmsOutbox } from '../../domain/sms/purge-sms-outbox.js';
import { NODE_LEASE_PREFIX } from '../node-lease.js';
import type { ActionDelivery } from '../realtime/action-delivery.js';
import type { JobQueue } from './job-queue.js';

export type PeriodicJobDeps = {
  pool: pg.Pool;
  logger: Logger;
  jobs: JobQueue;
  delivery: ActionDelivery;
  deliverWithinSeconds: number;
  /** The namespaces whose sockets belong to a signed-in session. */
  namespaces: Namespace[];
  sessionSweepMs: number;
  resolver: CnameResolver;
  hostnameSweepMs: number;
  /** PGlite in this process: no autovacuum keeps its tables, so a job does. */
  embedded: boolean;
  /** Scale-out: how long a node's lease lasts without renewal. */
  nodeLeaseSeconds: number;
};

// Each round looks at the statistics views only; a table is worked on when enough of it changed.
const TIDY_EVERY_MS = 60_000;

/** Often enough that a user learns of an expiry within a small share of the wait. */
export function expiryEveryMs(deliverWithinSeconds: number): number {
  return Math.min(30_000, Math.max(1_000, (deliverWithinSeconds * 1000) / 10));
}

async function expireActions(deps: PeriodicJobDeps): Promise<void> {
  try {
    const expired = await expireOverdueActions(deps.pool, deps.deliverWithinSeconds);
    for (const row of expired) deps.delivery.announce(row, row.tenant_id);
    if (expired.length > 0) deps.logger.info({ count: expired.length }, 'action requests expired');
  } catch (error) {
    deps.logger.error({ err: error }, 'expiring action requests failed');
  }
  await purgeSmsOutbox(deps.pool).catch((error: unknown) => deps.logger.error({ err: error }, 'purging the SMS outbox failed'));
}

/**
 * Closes the sockets, on whichever node holds them, whose session ended without a word to that node: expired, idle too
 * long, or revoked where no event reached it. A sign-out closes them at once (`sessionEnded`); this catches the rest.
 */
async function closeEndedSessions(deps: PeriodicJobDeps): Promise<void> {
  const sockets = (await Promise.all(deps.namespaces.map((namespace) => namespace.fetchSockets()))).flat();
  const keyOf = (socket: (typeof sockets)[number]) => (socket.data as { sessionKey?: string }).sessionKey;
  const keys = [...new Set(sockets.map(keyOf).filter((key): key is string => key !== undefined))];
  const live = await liveSessionKeys(deps.pool, keys);
  const ended = sockets.filter((socket) => !live.has(keyOf(socket) ?? ''));
  for (const socket of ended) socket.disconnect(true);
  if (ended.length > 0) deps.logger.info({ count: ended.length }, 'sockets of ended sessions closed');
}

/** The periodic rounds that used to run on a timer in every process: now one run per tick, whichever node takes it. */
export function schedulePeriodicJobs(deps: PeriodicJobDeps): void {
  const { jobs, logger } = deps;
  jobs.handle('actions.expire', () => expireActions(deps));
  jobs.repeat('actions.expire', expiryEveryMs(deps.deliverWithinSeconds));
  jobs.handle('sessions.sweep', () =>
    closeEndedSessions(deps).catch((error: unknown) => logger.error({ err: error }, 'checking socket sessions failed')),
  );
  jobs.repeat('sessions.sweep', deps.sessionSweepMs);
  jobs.handle('hostnames.check', () =>
    checkDueCustomHostnames(deps).catch((error: unknown) => logger.error({ err: error }, 'checking custom hostnames failed')),
  );
  jobs.repeat('hostnames.check', deps.hostnameSweepMs);
  if (deps.embedded) {
    jobs.handle('database.tidy', () => tidyDatabase(deps));
    jobs.repeat('database.tidy', TIDY_EVERY_MS);
    // A restart after a large import or a long night of chats should not wait a round for fresh statistics.
    void jobs.enqueue('database.tidy', {}).catch((error: unknown) => logger.error({ err: error }, 'tidying database tables failed'));
  } else {
    jobs.handle('devices.presence', () => releaseDevicesOfGoneNodes(deps));
    jobs.repeat('devices.presence', deps.nodeLeaseSeconds * 1000);
  }
}

async function tidyDatabase(deps: PeriodicJobDeps): Promise<void> {
  try {
    const tidied = await tidyTables(deps.pool);
    if (tidied.analyzed.length > 0) deps.logger.info(tidied, 'database tables tidied');
  } catch (error) {
    deps.logger.error({ err: error }, 'tidying database tables failed');
  }
}

async function releaseDevicesOfGoneNodes(deps: PeriodicJobDeps): Promise<void> {
  try {
    const count = await markDevicesOfGoneNodesOffline(deps.pool, NODE_LEASE_PREFIX);
    if (count > 0) deps.logger.info({ count }, 'devices of a node that stopped are offline');
  } catch (error) {
    deps.logger.error({ err: error }, 'checking the devices of stopped nodes failed');
  }
}
