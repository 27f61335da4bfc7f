import type pg from 'pg';
import type { RateLimiterPostgres } from 'rate-limiter-flexible';
import { AppError } from '../errors.js';
import { givePointsBack, postgresLimiter, takeEach } from '../limits/rate-limits.js';
import { CODE_POLICY } from './code-policy.js';

/** Counts the codes sent to each user in the database, so every node enforces the same limits. */
export class CodeSendLimiter {
  private readonly limiters: RateLimiterPostgres[];

  constructor(pool: pg.Pool) {
    this.limiters = [
      postgresLimiter(pool, 'sms_burst', 1, CODE_POLICY.resendAfterSeconds),
      postgresLimiter(pool, 'sms_hour', CODE_POLICY.perHour, 3600),
    ];
  }

  private points(tenantId: string, contactId: string) {
    const key = `${tenantId}:${contactId}`;
    return this.limiters.map((limiter) => ({ limiter, key }));
  }

  /** Takes one send from the user's allowance before the code is made, or refuses with the seconds to wait. */
  async take(tenantId: string, contactId: string): Promise<void> {
    const { refusedFor } = await takeEach(this.points(tenantId, contactId));
    if (refusedFor !== undefined) {
      throw new AppError('rate_limited', 'verification code sent too recently', {
        retryAfter: refusedFor,
        params: { seconds: refusedFor },
        messageKey: 'errors.code_send_wait',
      });
    }
  }

  /** Gives a send back when the message never left, so a mistyped number does not cost the user a wait. */
  async giveBack(tenantId: string, contactId: string): Promise<void> {
    await givePointsBack(this.points(tenantId, contactId));
  }
}
