import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Logger } from 'pino';
import { createClient } from 'redis';
import { JOBS, retryDelayMs, type JobName, type JobPayload } from './job-definitions.js';
import { PermanentJobFailure, type JobHandler, type JobQueue } from './job-queue.js';

const QUEUE_NAME = 'portico';
const RECONNECT_MAX_MS = 2_000;
/** Longer than any caller should wait to hear that Redis cannot take a job. */
const ENQUEUE_TIMEOUT_MS = 5_000;
/** Rounds and sends run side by side: a slow DNS lookup must not hold back the expiry of actions. */
const CONCURRENCY = 8;
/** How long `close` waits for jobs in progress before it lets them go (BullMQ gives them to another node). */
const CLOSE_GRACE_MS = 10_000;

type AnyHandler = (payload: unknown) => Promise<void>;

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out`)), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Jobs in Redis, shared by every node: a job queued on one node and not finished there (the node stopped or died) is
 * run by another. A periodic round is queued by every node at each tick under one deduplication id for that tick, so
 * one node runs it; no schedule is kept in Redis, so none is lost with a node that dies between taking a tick and
 * queueing the next (a BullMQ job scheduler stops there until its job is found stalled) or with a Redis restarted
 * empty. Redis keeps queued jobs across its restarts only with persistence on (`appendonly yes`).
 */
export class BullJobQueue implements JobQueue {
  readonly kind = 'bullmq';
  private readonly log: Logger;
  private readonly client: ReturnType<typeof createClient>;
  private readonly queue: Queue;
  private readonly handlers = new Map<JobName, AnyHandler>();
  private readonly rounds: { name: JobName; everyMs: number }[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private worker: Worker | undefined;
  private up = false;
  private closing = false;

  constructor(url: string, logger: Logger) {
    this.log = logger.child({ component: 'jobs' });
    this.client = createClient({ url, socket: { reconnectStrategy: (retries: number) => Math.min(100 * (retries + 1), RECONNECT_MAX_MS) } });
    for (const event of ['ready', 'error', 'end', 'reconnecting']) this.client.on(event, (error?: unknown) => this.check(error));
    this.queue = new Queue(QUEUE_NAME, { connection: this.client, defaultJobOptions: { removeOnComplete: true, removeOnFail: true } });
    this.queue.on('error', (error) => this.failed(error));
  }

  handle<N extends JobName>(name: N, handler: JobHandler<N>): void {
    this.handlers.set(name, handler as AnyHandler);
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options: { delayMs?: number } = {}): Promise<void> {
    const data: unknown = JOBS[name].payload.parse(payload);
    if (!this.client.isReady) throw new Error('Redis is unavailable: the job queue cannot take the job');
    const { attempts } = JOBS[name].retry;
    await withTimeout(this.queue.add(name, data, { attempts, backoff: { type: 'portico' }, delay: options.delayMs }), ENQUEUE_TIMEOUT_MS, `queueing ${name}`);
  }

  repeat(name: JobName, everyMs: number): void {
    this.rounds.push({ name, everyMs });
  }

  async start(): Promise<void> {
    this.worker = new Worker(QUEUE_NAME, (job) => this.run(job), {
      connection: this.client,
      concurrency: CONCURRENCY,
      settings: { backoffStrategy: (failed, _type, _error, job) => retryDelayMs(JOBS[job!.name as JobName].retry, failed) },
    });
    this.worker.on('error', (error) => this.failed(error));
    this.worker.on('failed', (job, error) => {
      if (!job) return;
      const reason = error.message;
      if (job.finishedOn) this.log.error({ job: job.name, id: job.id, attempt: job.attemptsMade, reason }, 'job failed');
      else this.log.warn({ job: job.name, id: job.id, attempt: job.attemptsMade, reason }, 'job failed, will retry');
    });
    for (const round of this.rounds) this.nextTick(round.name, round.everyMs);
  }

  /** Ticks fall on multiples of `everyMs` since the epoch, so every node names the same tick alike. */
  private nextTick(name: JobName, everyMs: number): void {
    if (this.closing) return;
    const tick = Math.floor(Date.now() / everyMs) + 1;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.queueRound(name, tick, everyMs);
      this.nextTick(name, everyMs);
    }, tick * everyMs - Date.now());
    timer.unref();
    this.timers.add(timer);
  }

  /** A tick that falls while Redis is away is skipped: the round is idempotent and the next tick does its work. */
  private async queueRound(name: JobName, tick: number, everyMs: number): Promise<void> {
    if (!this.client.isReady) return;
    const id = `${name}@${tick}`;
    try {
      await this.queue.add(name, {}, { jobId: id, attempts: 1, deduplication: { id, ttl: everyMs } });
    } catch (error) {
      this.failed(error);
    }
  }

  ready(): boolean {
    return this.up && (this.worker?.isRunning() ?? false);
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const worker = this.worker;
    if (worker) await withTimeout(worker.close(), CLOSE_GRACE_MS, 'closing the worker').catch(() => worker.close(true));
    await this.queue.close().catch(() => undefined);
    this.client.destroy();
  }

  private async run(job: Job): Promise<void> {
    const name = job.name as JobName;
    const handler = this.handlers.get(name);
    if (!handler) throw new UnrecoverableError(`no handler for ${job.name}`);
    const payload = JOBS[name].payload.safeParse(job.data);
    if (!payload.success) throw new UnrecoverableError(`the payload of ${job.name} is not valid`);
    try {
      await handler(payload.data);
      this.log.debug({ job: name, id: job.id, attempt: job.attemptsMade + 1 }, 'job done');
    } catch (error) {
      if (error instanceof PermanentJobFailure) throw new UnrecoverableError(error.message);
      throw error;
    }
  }

  private check(error?: unknown): void {
    const now = this.client.isReady;
    if (now === this.up || this.closing) return;
    this.up = now;
    if (now) this.log.info('job queue connected to Redis');
    else this.log.warn({ err: error }, 'job queue unavailable: background jobs wait until Redis is back');
  }

  /** While Redis is away every command fails; the state change was logged once already. */
  private failed(error: unknown): void {
    if (this.up) this.log.error({ err: error }, 'job queue error');
    else this.log.debug({ err: error }, 'job queue error while Redis is away');
  }
}
