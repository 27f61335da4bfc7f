import type { Logger } from 'pino';
import { JOBS, mayRetry, retryDelayMs, type JobName, type JobPayload } from './job-definitions.js';
import { PermanentJobFailure, type JobHandler, type JobQueue } from './job-queue.js';

type AnyHandler = (payload: unknown) => Promise<void>;

/**
 * The queue of one process (embedded mode): the same retries and backoff as BullMQ's, kept in memory. A retry still
 * waiting when the process stops is lost; what must survive (an email) is in the database, and its periodic round finds
 * it again.
 */
export class InProcessJobQueue implements JobQueue {
  readonly kind = 'in-process';
  private readonly handlers = new Map<JobName, AnyHandler>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private readonly waiting: (() => void)[] = [];
  private started = false;
  private closed = false;

  constructor(private readonly logger: Logger) {}

  handle<N extends JobName>(name: N, handler: JobHandler<N>): void {
    this.handlers.set(name, handler as AnyHandler);
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options: { delayMs?: number } = {}): Promise<void> {
    if (this.closed) throw new Error('the job queue is closed');
    const data: unknown = JOBS[name].payload.parse(payload);
    this.later(() => this.schedule(name, data, 1, options.delayMs ?? 0));
  }

  repeat(name: JobName, everyMs: number): void {
    this.later(() => {
      // A round still running when the next falls due is not doubled.
      let busy = false;
      const timer = setInterval(() => {
        if (busy || this.closed) return;
        busy = true;
        this.track(this.attempt(name, {}, 1).finally(() => (busy = false)));
      }, everyMs);
      timer.unref();
      this.timers.add(timer);
    });
  }

  async start(): Promise<void> {
    this.started = true;
    for (const run of this.waiting.splice(0)) run();
  }

  ready(): boolean {
    return !this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.all([...this.running]);
  }

  private later(run: () => void): void {
    if (this.started) run();
    else this.waiting.push(run);
  }

  private schedule(name: JobName, data: unknown, attempt: number, delayMs: number): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.track(this.attempt(name, data, attempt));
    }, delayMs);
    // Timers never hold the process open: a server that stops has closed the queue, and a script never started it.
    timer.unref();
    this.timers.add(timer);
  }

  private track(run: Promise<void>): void {
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  private async attempt(name: JobName, data: unknown, attempt: number): Promise<void> {
    const handler = this.handlers.get(name);
    const { retry } = JOBS[name];
    try {
      if (!handler) throw new PermanentJobFailure(`no handler for ${name}`);
      await handler(data);
      this.logger.debug({ job: name, attempt }, 'job done');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (error instanceof PermanentJobFailure || !mayRetry(retry, attempt) || this.closed) {
        this.logger.error({ job: name, attempt, reason }, 'job failed');
        return;
      }
      this.logger.warn({ job: name, attempt, reason }, 'job failed, will retry');
      this.schedule(name, data, attempt + 1, retryDelayMs(retry, attempt));
    }
  }
}
