import type pg from 'pg';
import type { JobQueue } from '../jobs/job-queue.js';
import type { RedisLink } from '../realtime/cluster.js';

export type PartState = 'up' | 'down' | 'not configured';
export type Readiness = { ready: boolean; database: PartState; redis: PartState; queue: PartState; failing: string[] };

const DATABASE_CHECK_MS = 2_000;

async function databaseUp(pool: pg.Pool): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), DATABASE_CHECK_MS)));
  try {
    return await Promise.race([pool.query('SELECT 1').then(() => true, () => false), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What a load balancer asks before sending a node traffic: the database answers, Redis (when configured) links this
 * node to the others, and the job queue takes and works jobs. A node without Redis still serves its own sockets; it is
 * not ready for a share of new ones.
 */
export function readinessCheck(pool: pg.Pool, redis: RedisLink | undefined, jobs: JobQueue): () => Promise<Readiness> {
  return async () => {
    const database: PartState = (await databaseUp(pool)) ? 'up' : 'down';
    const redisState: PartState = redis ? (redis.ready() ? 'up' : 'down') : 'not configured';
    const queue: PartState = jobs.ready() ? 'up' : 'down';
    const failing = [...(database === 'down' ? ['database'] : []), ...(redisState === 'down' ? ['redis'] : []), ...(queue === 'down' ? ['queue'] : [])];
    return { ready: failing.length === 0, database, redis: redisState, queue, failing };
  };
}
