import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import type pg from 'pg';
import type { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { CanonicalName } from '../../db/repositories/principals.js';
import { AppError } from '../errors.js';
import { givePointsBack, postgresLimiter, takeEach, takePoint, waitSeconds, type Point } from '../limits/rate-limits.js';
import { LOGIN_POLICY, slowdownSeconds, type LoginLimits } from './login-policy.js';

/** An attempt let through to the password check: it counts as a failure unless it succeeds. */
export type LoginAttempt = { succeeded(): Promise<void> };

/** Names typed at sign-in are kept out of the rate_limits table (some are passwords typed in the wrong box) and its keys short. */
function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/**
 * The address an attempt is counted under: an IPv6 client counts by its /64, the block one subscriber is given, or it
 * could take a fresh address for every few attempts.
 */
export function throttledAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIP(address) === 4) return address;
  if (isIP(address) !== 6) return digest(address);
  const [head = '', tail] = address.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(8 - left.length - right.length, 0)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

function throttled(seconds: number): AppError {
  return new AppError('rate_limited', 'login throttled', { retryAfter: seconds, params: { seconds } });
}

/**
 * Sign-in attempts counted in the database (every node sees the same counts) and taken BEFORE the password is
 * checked, so a parallel burst gets no more than the limit. Counted per username and address pair, per address, and
 * per username from anywhere, where the answer is a slowdown rather than a lock-out: a wrong password from one
 * address never keeps the right one from another out for longer than the slowdown's cap.
 */
export class LoginThrottle {
  private readonly byPair: RateLimiterPostgres;
  private readonly byAddress: RateLimiterPostgres;
  private readonly byUsername: RateLimiterPostgres;
  /** One attempt per slowdown wait, for a username beyond its free wrong passwords; each key lives one wait. */
  private readonly slowedUsername: RateLimiterPostgres;

  constructor(pool: pg.Pool, limits: Partial<LoginLimits> = {}) {
    const { perPair, perAddress, perUsername } = { ...LOGIN_POLICY, ...limits };
    this.byPair = postgresLimiter(pool, 'login_pair', perPair, LOGIN_POLICY.windowSeconds);
    this.byAddress = postgresLimiter(pool, 'login_ip', perAddress, LOGIN_POLICY.windowSeconds);
    this.byUsername = postgresLimiter(pool, 'login_user', perUsername, LOGIN_POLICY.windowSeconds);
    this.slowedUsername = postgresLimiter(pool, 'login_slow', 1, LOGIN_POLICY.slowdownCapSeconds);
  }

  /** Lets an attempt through to the password check, or refuses it (429 with Retry-After) at no cost to any count. */
  async admit(tenantId: string, username: CanonicalName, address: string): Promise<LoginAttempt> {
    const userKey = `${tenantId}:${digest(username)}`;
    const network = throttledAddress(address);
    const pair = { limiter: this.byPair, key: `${userKey}:${network}` };
    const ip = { limiter: this.byAddress, key: network };
    const { refusedFor, taken } = await takeEach([pair, ip]);
    if (refusedFor !== undefined) throw throttled(refusedFor);

    const user = { limiter: this.byUsername, key: userKey };
    const counted = await takePoint(user.limiter, user.key);
    const spent: Point[] = [...taken, user];
    if (!counted.allowed) {
      const excess = counted.res.consumedPoints - this.byUsername.points;
      const slowed = await takePoint(this.slowedUsername, userKey, slowdownSeconds(excess));
      if (!slowed.allowed) {
        await givePointsBack(spent);
        throw throttled(waitSeconds(slowed.res));
      }
    }
    return {
      succeeded: async () => {
        // The pair's earlier failures are forgiven; the address's and the username's only this attempt, so signing in
        // to one's own account does not reset what a spray from that address has spent.
        await Promise.all([this.byPair.delete(pair.key), givePointsBack([ip, user])]);
      },
    };
  }
}
