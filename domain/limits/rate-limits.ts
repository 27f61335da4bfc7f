import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * A limiter counting in the rate_limits table, so every node sees the same counts. Rows expired an hour ago are
 * deleted every five minutes: a spray of usernames from many addresses leaves a row per pair.
 */
export function postgresLimiter(pool: pg.Pool, keyPrefix: string, points: number, durationSeconds: number): RateLimiterPostgres {
  return new RateLimiterPostgres({
    storeClient: pool,
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true,
    clearExpiredByTimeout: true,
    keyPrefix,
    points,
    duration: durationSeconds,
  });
}

export type Taken = { allowed: boolean; res: RateLimiterRes };

/**
 * Takes one point: the check and the count are one statement, so a parallel burst cannot all pass a check made before
 * any of them counted. A refusal is an answer here, not an error.
 */
export async function takePoint(limiter: RateLimiterPostgres, key: string, durationSeconds?: number): Promise<Taken> {
  try {
    const res = await limiter.consume(key, 1, durationSeconds === undefined ? {} : { customDuration: durationSeconds });
    return { allowed: true, res };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { allowed: false, res: error };
    throw error;
  }
}

export type Point = { limiter: RateLimiterPostgres; key: string };

/** Gives back points taken for a request that was refused further on or that should not count. */
export async function givePointsBack(points: Point[]): Promise<void> {
  await Promise.all(points.map(({ limiter, key }) => limiter.reward(key)));
}

/**
 * Takes a point from each limiter in order. When one refuses, the points already taken are given back, so a refused
 * request costs nothing, and the answer is the seconds to wait; otherwise the points taken, to give back later if
 * the work should not count.
 */
export async function takeEach(points: Point[]): Promise<{ refusedFor?: number; taken: Point[] }> {
  const taken: Point[] = [];
  for (const point of points) {
    const { allowed, res } = await takePoint(point.limiter, point.key);
    if (!allowed) {
      await givePointsBack(taken);
      return { refusedFor: waitSeconds(res), taken: [] };
    }
    taken.push(point);
  }
  return { taken };
}

/** Whole seconds until a refused key admits again, at least one, for Retry-After. */
export function waitSeconds(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}
