import type pg from 'pg';
import type { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { postgresLimiter, takePoint, waitSeconds } from './rate-limits.js';

/**
 * How many conversations and tickets one user may open, whatever the channel (portal, socket, assistant tools, chat
 * apps); the numbers are the product's promise and appear in the README. A real user opens a handful in ten minutes;
 * a script opening dozens floods the technicians' queue.
 */
export const CREATION_POLICY = {
  windowSeconds: 10 * 60,
  /** New chat conversations (with "ticket per chat session", each one's ticket comes with it). */
  conversations: 10,
  /** Tickets opened by hand or by the assistant for a conversation that has none. */
  tickets: 10,
} as const;

export type CreationLimits = { conversations: number; tickets: number };
type Creation = keyof CreationLimits;

const limitersByPool = new WeakMap<pg.Pool, Record<Creation, RateLimiterPostgres>>();

function makeLimiters(pool: pg.Pool, limits: CreationLimits): Record<Creation, RateLimiterPostgres> {
  return {
    conversations: postgresLimiter(pool, 'new_conversation', limits.conversations, CREATION_POLICY.windowSeconds),
    tickets: postgresLimiter(pool, 'new_ticket', limits.tickets, CREATION_POLICY.windowSeconds),
  };
}

/** Other figures than the policy's for the use cases run through this pool (a start option). */
export function setCreationLimits(pool: pg.Pool, limits: CreationLimits): void {
  limitersByPool.set(pool, makeLimiters(pool, limits));
}

function limiterFor(pool: pg.Pool, creation: Creation): RateLimiterPostgres {
  let limiters = limitersByPool.get(pool);
  if (!limiters) {
    limiters = makeLimiters(pool, CREATION_POLICY);
    limitersByPool.set(pool, limiters);
  }
  return limiters[creation];
}

/**
 * Takes one creation from the user's allowance before the work starts (and outside its transaction: embedded mode has
 * one connection), or refuses with `rate_limited` and the seconds to wait. The answer gives the creation back, for
 * work that failed or turned out to create nothing.
 */
export async function takeCreation(pool: pg.Pool, ctx: Ctx, creation: Creation): Promise<() => Promise<void>> {
  const limiter = limiterFor(pool, creation);
  const key = `${ctx.tenantId}:${ctx.actor.id}`;
  const { allowed, res } = await takePoint(limiter, key);
  if (!allowed) {
    const seconds = waitSeconds(res);
    throw new AppError('rate_limited', `too many new ${creation}`, {
      retryAfter: seconds,
      params: { seconds },
      messageKey: `errors.${creation}_limit`,
    });
  }
  return async () => {
    await limiter.reward(key);
  };
}

/** Runs work that creates one thing within the user's allowance; work that fails costs nothing. */
export async function withinCreationAllowance<T>(pool: pg.Pool, ctx: Ctx, creation: Creation, work: () => Promise<T>): Promise<T> {
  const giveBack = await takeCreation(pool, ctx, creation);
  try {
    return await work();
  } catch (error) {
    await giveBack();
    throw error;
  }
}
