import type { JobName, JobPayload } from './job-definitions.js';

export type JobHandler<N extends JobName> = (payload: JobPayload<N>) => Promise<void>;

/** Thrown by a handler when another try cannot succeed (a number the provider refuses, a lapsed code): no retry. */
export class PermanentJobFailure extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobFailure';
  }
}

/**
 * Background work with retries and periodic rounds, whatever runs it: BullMQ on Redis when several nodes share the
 * work (a job runs on one of them, a periodic round once per tick), or this process alone in embedded mode.
 * Handlers are registered before `start`; jobs queued before it wait.
 */
export interface JobQueue {
  readonly kind: 'bullmq' | 'in-process';
  handle<N extends JobName>(name: N, handler: JobHandler<N>): void;
  /** Queues one job; rejects when the queue cannot take it (Redis away), so the caller can fall back. */
  enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options?: { delayMs?: number }): Promise<void>;
  /** Runs a round every `everyMs`, once per tick across the nodes; its payload is empty. */
  repeat(name: JobName, everyMs: number): void;
  start(): Promise<void>;
  /** Jobs can be queued and are being worked. */
  ready(): boolean;
  /** Stops taking jobs and waits for those in progress. */
  close(): Promise<void>;
}
