import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { BullJobQueue } from '../server/jobs/bullmq-queue.js';
import { TestRedis } from './support/cluster.js';

// The periodic rounds of two queues sharing one real redis-server, as two scale-out nodes hold them.

const EVERY_MS = 200;
let redis: TestRedis;
const open = new Set<BullJobQueue>();

beforeAll(async () => {
  redis = await TestRedis.start();
}, 60_000);

afterEach(async () => {
  await Promise.all([...open].map((queue) => queue.close()));
  open.clear();
});

afterAll(async () => {
  await redis?.close();
});

/** A node's queue whose presence round records when it ran. */
async function node(runs: number[]): Promise<BullJobQueue> {
  const queue = new BullJobQueue(redis.url, pino({ level: 'silent' }));
  open.add(queue);
  queue.handle('devices.presence', async () => {
    runs.push(Date.now());
  });
  queue.repeat('devices.presence', EVERY_MS);
  await queue.start();
  await until(() => (queue.ready() ? true : undefined), 'the queue to reach Redis');
  return queue;
}

async function until<T>(probe: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const tickOf = (ms: number) => Math.floor(ms / EVERY_MS);

describe('periodic rounds on BullMQ', () => {
  it('two nodes queue every tick, and each tick runs once whichever node takes it', async () => {
    const onA: number[] = [];
    const onB: number[] = [];
    // Every round run falls on a tick after this: neither node queued one before.
    const since = Date.now();
    await node(onA);
    await node(onB);
    await until(() => (onA.length + onB.length >= 8 ? true : undefined), 'eight rounds');
    const ticks = tickOf(Date.now()) - tickOf(since);
    // Doubled rounds would come near twice the ticks; a slow machine runs fewer, never more.
    expect(onA.length + onB.length).toBeLessThanOrEqual(ticks + 1);
  }, 30_000);

  it('when one node stops, the other runs the rounds alone', async () => {
    const onA: number[] = [];
    const onB: number[] = [];
    const a = await node(onA);
    await node(onB);
    await a.close();
    open.delete(a);
    const stoppedAt = onA.length;
    const before = onB.length;
    await until(() => (onB.length >= before + 3 ? true : undefined), 'three rounds on the node left');
    expect(onA.length).toBe(stoppedAt);
  }, 30_000);

  it('after Redis restarts without its data, the rounds go on by themselves', async () => {
    const runs: number[] = [];
    await node(runs);
    await until(() => (runs.length >= 1 ? true : undefined), 'a first round');
    await redis.pause();
    const restarted = Date.now();
    await redis.resume();
    await until(() => (runs.filter((at) => at > restarted).length >= 3 ? true : undefined), 'three rounds after the restart');
  }, 60_000);
});
