import { z } from 'zod';

/** How often a job is tried in all and how long it waits between tries: `firstDelayMs`, then `factor` times longer each time. */
export type RetryPolicy = { attempts: number; firstDelayMs: number; factor: number; maxDelayMs: number };

/** A periodic round that fails is simply run again at its next tick. */
const NEXT_TICK: RetryPolicy = { attempts: 1, firstDelayMs: 0, factor: 1, maxDelayMs: 0 };

const round = z.object({});

/**
 * Every background job, once: its payload (checked when it is queued and again when a worker takes it, since it
 * travels through Redis) and its retries. Handlers are registered by name where their dependencies live.
 */
export const JOBS = {
  /** Ends the action requests whose time ran out and tells their users; purges the SMS outbox. */
  'actions.expire': { payload: round, retry: NEXT_TICK },
  /** Closes the sockets, on every node, whose session ended without a word to the node holding them. */
  'sessions.sweep': { payload: round, retry: NEXT_TICK },
  /** Looks up the CNAME records of the custom hostnames whose check is due. */
  'hostnames.check': { payload: round, retry: NEXT_TICK },
  /** Scale-out: the devices held by a node that died (its lease ran out) read offline. */
  'devices.presence': { payload: round, retry: NEXT_TICK },
  /** An embedded database's statistics and dead rows, kept as PostgreSQL's autovacuum keeps them (PGlite has none). */
  'database.tidy': { payload: round, retry: NEXT_TICK },
  /**
   * Re-indexes every tenant's articles with the configured embedder, queued by a node that starts with vectors of
   * another (a new model or a new version of the local one). Run by one node; one that finds the work done stops.
   */
  'kb.reindex': { payload: round, retry: { attempts: 3, firstDelayMs: 30_000, factor: 2, maxDelayMs: 120_000 } },
  /** Works the email outbox: what was just queued, and the retries that fell due (the outbox keeps its own backoff). */
  'email.deliver': { payload: round, retry: NEXT_TICK },
  /**
   * A text message whose first try failed for a reason another try may not have (provider 5xx, 429, a timeout). The
   * body holds a code or a temporary password: the job is deleted from Redis when it ends, and is not sent after
   * `notAfter`, when what it carries has lapsed.
   */
  'sms.send': {
    payload: z.object({ tenantId: z.string().min(1), to: z.string().min(1), body: z.string().min(1), notAfter: z.number().int() }),
    retry: { attempts: 4, firstDelayMs: 2_000, factor: 2, maxDelayMs: 30_000 },
  },
} satisfies Record<string, { payload: z.ZodType; retry: RetryPolicy }>;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['payload']>;

/** The wait before try number `failed + 1`, after `failed` tries failed. */
export function retryDelayMs(policy: RetryPolicy, failed: number): number {
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * policy.factor ** (failed - 1));
}

/** Whether a job that failed `failed` times in all may be tried again. */
export function mayRetry(policy: RetryPolicy, failed: number): boolean {
  return failed < policy.attempts;
}
