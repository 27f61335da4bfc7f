import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { pino } from 'pino';
import { InProcessJobQueue } from './in-process-queue.js';
import { JOBS, retryDelayMs } from './job-definitions.js';
import { PermanentJobFailure } from './job-queue.js';

const TEXT = { tenantId: 't1', to: '+447400123456', body: 'Portico code 123456', notAfter: 0 };
const quiet = pino({ level: 'silent' });

describe('the retry policy', () => {
  it('waits the first delay, then the factor times longer each time, up to the ceiling', () => {
    const policy = { attempts: 6, firstDelayMs: 1_000, factor: 3, maxDelayMs: 20_000 };
    expect([1, 2, 3, 4, 5].map((failed) => retryDelayMs(policy, failed))).toEqual([1_000, 3_000, 9_000, 20_000, 20_000]);
  });
});

describe('InProcessJobQueue', () => {
  let queue: InProcessJobQueue;
  const tries: number[] = [];

  beforeEach(async () => {
    jest.useFakeTimers({ now: 0 });
    tries.length = 0;
    queue = new InProcessJobQueue(quiet);
  });

  afterEach(async () => {
    await queue.close();
    jest.useRealTimers();
  });

  it('tries a failing job again after the policy backoff, and stops once it succeeds', async () => {
    const { retry } = JOBS['sms.send'];
    queue.handle('sms.send', async () => {
      tries.push(Date.now());
      if (tries.length < 3) throw new Error('provider answered 503');
    });
    await queue.start();
    await queue.enqueue('sms.send', TEXT);
    await jest.advanceTimersByTimeAsync(0);
    expect(tries).toEqual([0]);
    await jest.advanceTimersByTimeAsync(retry.firstDelayMs - 1);
    expect(tries).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(tries).toEqual([0, retryDelayMs(retry, 1)]);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(tries).toEqual([0, retryDelayMs(retry, 1), retryDelayMs(retry, 1) + retryDelayMs(retry, 2)]);
  });

  it('gives up after the attempts the policy allows', async () => {
    queue.handle('sms.send', async () => {
      tries.push(Date.now());
      throw new Error('provider answered 503');
    });
    await queue.start();
    await queue.enqueue('sms.send', TEXT);
    await jest.advanceTimersByTimeAsync(10 * 60_000);
    expect(tries).toHaveLength(JOBS['sms.send'].retry.attempts);
  });

  it('does not try again a job that failed for good', async () => {
    queue.handle('sms.send', async () => {
      tries.push(Date.now());
      throw new PermanentJobFailure('the number cannot receive texts');
    });
    await queue.start();
    await queue.enqueue('sms.send', TEXT);
    await jest.advanceTimersByTimeAsync(10 * 60_000);
    expect(tries).toEqual([0]);
  });

  it('refuses a payload its schema does not accept', async () => {
    await expect(queue.enqueue('sms.send', { ...TEXT, to: '' })).rejects.toThrow();
  });

  it('holds the jobs queued before it starts until then', async () => {
    queue.handle('sms.send', async () => void tries.push(Date.now()));
    await queue.enqueue('sms.send', TEXT);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(tries).toEqual([]);
    await queue.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(tries).toEqual([5_000]);
  });

  it('runs a periodic round every interval, never two at once', async () => {
    let release: (() => void) | undefined;
    queue.handle('actions.expire', async () => {
      tries.push(Date.now());
      if (tries.length === 2) await new Promise<void>((resolve) => (release = resolve));
    });
    queue.repeat('actions.expire', 1_000);
    await queue.start();
    await jest.advanceTimersByTimeAsync(2_000);
    expect(tries).toEqual([1_000, 2_000]);
    // The second round hangs: the ticks that fall due meanwhile are skipped, not piled up.
    await jest.advanceTimersByTimeAsync(3_000);
    expect(tries).toEqual([1_000, 2_000]);
    release!();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(tries).toEqual([1_000, 2_000, 6_000]);
  });

  it('waits for a job in progress when it closes, and drops the retries still waiting', async () => {
    let release: (() => void) | undefined;
    let finished = false;
    queue.handle('actions.expire', async () => {
      await new Promise<void>((resolve) => (release = resolve));
      finished = true;
    });
    queue.handle('sms.send', async () => {
      tries.push(Date.now());
      throw new Error('provider answered 503');
    });
    queue.repeat('actions.expire', 1_000);
    await queue.start();
    await queue.enqueue('sms.send', TEXT);
    await jest.advanceTimersByTimeAsync(1_000);
    const closed = queue.close();
    release!();
    await closed;
    expect(finished).toBe(true);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(tries).toEqual([0]);
    expect(queue.ready()).toBe(false);
    await expect(queue.enqueue('sms.send', TEXT)).rejects.toThrow('closed');
  });
});
