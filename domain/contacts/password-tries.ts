import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors.js';

/** Wrong passwords a signed-in user may type when proving who they are (a change of phone), per window. */
export const PASSWORD_TRY_POLICY = { tries: 5, windowSeconds: 15 * 60 } as const;

/**
 * Counts password checks per user in the database. A try is taken before the password is checked, in one atomic step,
 * so a burst of guesses sent at once gets no more checks than the limit; a right password gives its try back.
 */
export class PasswordTries {
  private readonly limiter: RateLimiterPostgres;

  constructor(pool: pg.Pool) {
    this.limiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'rate_limits',
      tableCreated: true,
      keyPrefix: 'password_try',
      points: PASSWORD_TRY_POLICY.tries,
      duration: PASSWORD_TRY_POLICY.windowSeconds,
    });
  }

  async take(tenantId: string, contactId: string): Promise<void> {
    try {
      await this.limiter.consume(`${tenantId}:${contactId}`);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      throw new AppError('rate_limited', 'too many password tries', { retryAfter: seconds, params: { seconds } });
    }
  }

  async giveBack(tenantId: string, contactId: string): Promise<void> {
    await this.limiter.reward(`${tenantId}:${contactId}`);
  }
}
