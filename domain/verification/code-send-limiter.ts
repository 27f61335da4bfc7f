import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors.js';
import { CODE_POLICY } from './code-policy.js';

/** Counts the codes sent to each user in the database, so every node enforces the same limits. */
export class CodeSendLimiter {
  private readonly limiters: RateLimiterPostgres[];

  constructor(pool: pg.Pool) {
    const common = { storeClient: pool, storeType: 'pool', tableName: 'rate_limits', tableCreated: true };
    this.limiters = [
      new RateLimiterPostgres({ ...common, keyPrefix: 'sms_burst', points: 1, duration: CODE_POLICY.resendAfterSeconds }),
      new RateLimiterPostgres({ ...common, keyPrefix: 'sms_hour', points: CODE_POLICY.perHour, duration: 3600 }),
    ];
  }

  /** Takes one send from the user's allowance, or refuses with the seconds to wait. */
  async take(tenantId: string, contactId: string): Promise<void> {
    const key = `${tenantId}:${contactId}`;
    const states = await Promise.all(this.limiters.map((limiter) => limiter.get(key)));
    const blocked = states.filter((s): s is RateLimiterRes => s !== null && s.remainingPoints <= 0);
    if (blocked.length > 0) {
      const seconds = Math.max(1, Math.ceil(Math.max(...blocked.map((s) => s.msBeforeNext)) / 1000));
      throw new AppError('rate_limited', 'verification code sent too recently', {
        retryAfter: seconds,
        params: { seconds },
        messageKey: 'errors.code_send_wait',
      });
    }
    await Promise.all(this.limiters.map((limiter) => limiter.penalty(key)));
  }

  /** Gives a send back when the message never left, so a mistyped number does not cost the user a wait. */
  async giveBack(tenantId: string, contactId: string): Promise<void> {
    const key = `${tenantId}:${contactId}`;
    await Promise.all(this.limiters.map((limiter) => limiter.reward(key)));
  }
}
