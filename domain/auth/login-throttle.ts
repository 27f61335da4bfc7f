import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors.js';

const WINDOW_SECONDS = 15 * 60;

/**
 * Failed logins counted per username and per client address in the database, so every node
 * sees the same counts. Only failures count; a success clears the username's count.
 */
export class LoginThrottle {
  private readonly byUsername: RateLimiterPostgres;
  private readonly byAddress: RateLimiterPostgres;

  constructor(pool: pg.Pool, limits = { perUsername: 5, perAddress: 30 }) {
    const common = { storeClient: pool, storeType: 'pool', tableName: 'rate_limits', tableCreated: true, duration: WINDOW_SECONDS };
    this.byUsername = new RateLimiterPostgres({ ...common, keyPrefix: 'login_user', points: limits.perUsername, blockDuration: WINDOW_SECONDS });
    this.byAddress = new RateLimiterPostgres({ ...common, keyPrefix: 'login_ip', points: limits.perAddress, blockDuration: WINDOW_SECONDS });
  }

  private static userKey(tenantId: string, username: string) {
    return `${tenantId}:${username.trim().toLowerCase()}`;
  }

  async assertAllowed(tenantId: string, username: string, address: string): Promise<void> {
    const [user, ip] = await Promise.all([
      this.byUsername.get(LoginThrottle.userKey(tenantId, username)),
      this.byAddress.get(address),
    ]);
    const blocked = [
      user && user.remainingPoints <= 0 ? user : undefined,
      ip && ip.remainingPoints <= 0 ? ip : undefined,
    ].filter((r): r is RateLimiterRes => r !== undefined);
    if (blocked.length > 0) {
      const retryAfter = Math.max(1, Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000));
      throw new AppError('rate_limited', 'login throttled', { retryAfter, params: { seconds: retryAfter } });
    }
  }

  async recordFailure(tenantId: string, username: string, address: string): Promise<void> {
    await Promise.all([
      this.byUsername.penalty(LoginThrottle.userKey(tenantId, username)),
      this.byAddress.penalty(address),
    ]);
  }

  async recordSuccess(tenantId: string, username: string): Promise<void> {
    await this.byUsername.delete(LoginThrottle.userKey(tenantId, username));
  }
}
