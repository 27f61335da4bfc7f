import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { pino } from 'pino';
import { AppError } from '../../domain/errors.js';
import { SmsUnavailableError, type SmsMessage, type SmsSender } from '../../domain/verification/sms-sender.js';
import { InProcessJobQueue } from './in-process-queue.js';
import { JOBS } from './job-definitions.js';
import { retryingSmsSender } from './retrying-sms-sender.js';

const MESSAGE: SmsMessage = { tenantId: 't1', to: '+447400123456', body: 'Portico code 123456' };
const quiet = pino({ level: 'silent' });
const { retry } = JOBS['sms.send'];

/** A provider that answers each send with the next scripted outcome (an error to throw, or undefined: sent). */
function provider(outcomes: (Error | undefined)[]): SmsSender & { sent: number; tries: number } {
  const fake = {
    kind: 'twilio' as const,
    sent: 0,
    tries: 0,
    async send() {
      fake.tries += 1;
      const outcome = outcomes.shift();
      if (outcome) throw outcome;
      fake.sent += 1;
    },
  };
  return fake;
}

describe('retryingSmsSender', () => {
  let queue: InProcessJobQueue;

  beforeEach(async () => {
    jest.useFakeTimers({ now: 0 });
    queue = new InProcessJobQueue(quiet);
  });

  afterEach(async () => {
    await queue.close();
    jest.useRealTimers();
  });

  it('answers at once when the provider takes the text', async () => {
    const twilio = provider([]);
    const sms = retryingSmsSender(twilio, queue, quiet);
    await queue.start();
    await sms.send(MESSAGE);
    expect([twilio.tries, twilio.sent]).toEqual([1, 1]);
  });

  it('gives the caller a refused number at once, and never tries it again', async () => {
    const twilio = provider([new AppError('invalid_phone', 'Twilio refused the number: error 21211')]);
    const sms = retryingSmsSender(twilio, queue, quiet);
    await queue.start();
    await expect(sms.send(MESSAGE)).rejects.toMatchObject({ code: 'invalid_phone' });
    await jest.advanceTimersByTimeAsync(10 * 60_000);
    expect(twilio.tries).toBe(1);
  });

  it('tells the caller the text is on its way when the provider is down, and sends it once on a later try', async () => {
    const down = () => new SmsUnavailableError('Twilio refused the SMS: HTTP 503');
    const twilio = provider([down(), down()]);
    const sms = retryingSmsSender(twilio, queue, quiet);
    await queue.start();
    await sms.send(MESSAGE);
    expect([twilio.tries, twilio.sent]).toEqual([1, 0]);
    await jest.advanceTimersByTimeAsync(retry.firstDelayMs);
    expect([twilio.tries, twilio.sent]).toEqual([2, 0]);
    await jest.advanceTimersByTimeAsync(10 * 60_000);
    expect([twilio.tries, twilio.sent]).toEqual([3, 1]);
  });

  it('stops trying when a later try is refused for good', async () => {
    const twilio = provider([new SmsUnavailableError('HTTP 503'), new AppError('sms_failed', 'HTTP 401, error 20003')]);
    const sms = retryingSmsSender(twilio, queue, quiet);
    await queue.start();
    await sms.send(MESSAGE);
    await jest.advanceTimersByTimeAsync(10 * 60_000);
    expect(twilio.tries).toBe(2);
  });

  it('answers sms_failed as before when the queue cannot take the retry', async () => {
    const twilio = provider([new SmsUnavailableError('HTTP 503')]);
    const sms = retryingSmsSender(twilio, queue, quiet);
    await queue.close();
    await expect(sms.send(MESSAGE)).rejects.toMatchObject({ code: 'sms_failed' });
  });
});
