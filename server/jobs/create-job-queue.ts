import type { Logger } from 'pino';
import { BullJobQueue } from './bullmq-queue.js';
import { InProcessJobQueue } from './in-process-queue.js';
import type { JobQueue } from './job-queue.js';

/** Chosen once at start: with Redis the nodes share one queue; without it, this process is the only one. */
export function createJobQueue(redisUrl: string | undefined, logger: Logger): JobQueue {
  return redisUrl ? new BullJobQueue(redisUrl, logger) : new InProcessJobQueue(logger);
}
