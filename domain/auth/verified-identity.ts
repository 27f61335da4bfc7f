import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import type { RateLimiterPostgres } from 'rate-limiter-flexible';
import * as z from 'zod';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { findContactsByEmail, recordIdentityUse } from '../../db/repositories/embed.js';
import { withTransaction } from '../../db/transaction.js';
import type { ContactActor } from '../context.js';
import { readEmbedSecret } from '../embed/embed-secret.js';
import { AppError } from '../errors.js';
import { givePointsBack, postgresLimiter, takePoint, waitSeconds } from '../limits/rate-limits.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { contactActor } from './actor-from-row.js';
import { canonicalUsername } from './canonical-username.js';
import { throttledAddress } from './login-throttle.js';
import { startSession } from './sessions.js';

/** How far ahead a host page may date its signature, and the slack allowed between its clock and ours. */
export const IDENTITY_MAX_AHEAD_SECONDS = 10 * 60;
const CLOCK_SLACK_SECONDS = 60;

/** Failed verified identities one address (IPv6: its /64) may send in the window; a success gives its attempt back. */
export const IDENTITY_FAILURES = { perAddress: 20, windowSeconds: 15 * 60 };

export const VerifiedIdentitySchema = z
  .strictObject({
    email: z.string().min(3).max(254),
    expires: z.number().int().positive().max(2 ** 40),
    signature: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, { error: 'expected 64 hexadecimal characters' })
      .transform((hex) => hex.toLowerCase()),
  })
  .meta({
    id: 'VerifiedIdentity',
    description: 'signature = hex HMAC-SHA256, keyed with the embed secret (UTF-8, as shown to admins), of `email + ":" + expires`.',
  });
export type VerifiedIdentity = z.infer<typeof VerifiedIdentitySchema>;

/** The signature a host page computes: HMAC-SHA256 keyed with the embed secret over `<email>:<expires>`, in hex. */
export function identitySignature(secret: string, email: string, expires: number): string {
  return createHmac('sha256', secret).update(`${email}:${expires}`, 'utf8').digest('hex');
}

/** Failures counted per address in the database, taken before the check so a parallel burst gets no more than the limit. */
export class IdentityThrottle {
  private readonly byAddress: RateLimiterPostgres;

  constructor(pool: pg.Pool, perAddress = IDENTITY_FAILURES.perAddress) {
    this.byAddress = postgresLimiter(pool, 'identity_ip', perAddress, IDENTITY_FAILURES.windowSeconds);
  }

  async admit(address: string): Promise<{ succeeded(): Promise<void> }> {
    const point = { limiter: this.byAddress, key: throttledAddress(address) };
    const taken = await takePoint(point.limiter, point.key);
    if (!taken.allowed) {
      const seconds = waitSeconds(taken.res);
      throw new AppError('rate_limited', 'verified identity throttled', { retryAfter: seconds, params: { seconds } });
    }
    return { succeeded: () => givePointsBack([point]) };
  }
}

function invalid(reason: string): AppError {
  return new AppError('identity_invalid', reason);
}

/**
 * Signs a contact in from a host page that vouches for them: the signature must be the tenant's, made for this email
 * and expiry, unexpired, not dated more than ten minutes ahead, and unused (each signature signs in once). A wrong
 * signature, an unknown email and a used signature get the same answer, so nothing tells which contacts exist.
 */
export async function signInWithVerifiedIdentity(
  deps: { pool: pg.Pool; secrets: SecretBox | undefined; throttle: IdentityThrottle },
  input: VerifiedIdentity & { tenantId: string; address: string },
): Promise<{ actor: ContactActor; token: string; expiresAt: Date }> {
  const { pool } = deps;
  const attempt = await deps.throttle.admit(input.address);

  const now = Date.now() / 1000;
  if (input.expires <= now) throw new AppError('identity_expired', 'signature expired');
  if (input.expires > now + IDENTITY_MAX_AHEAD_SECONDS + CLOCK_SLACK_SECONDS) throw invalid('signature dated too far ahead');

  const stored = await readEmbedSecret(pool, deps.secrets, input.tenantId);
  const expected = Buffer.from(identitySignature(stored?.secret ?? '', input.email, input.expires), 'hex');
  if (!stored || !timingSafeEqual(expected, Buffer.from(input.signature, 'hex'))) throw invalid('bad signature');

  const contacts = await findContactsByEmail(pool, input.tenantId, canonicalUsername(input.email));
  if (contacts.length !== 1) throw invalid(contacts.length === 0 ? 'no contact with this email' : 'several contacts with this email');
  const actor = contactActor(contacts[0]!);

  const signatureHash = createHash('sha256').update(input.signature).digest('base64url');
  const session = await withTransaction(pool, async (client) => {
    if (!(await recordIdentityUse(client, input.tenantId, signatureHash, new Date(input.expires * 1000)))) return undefined;
    const started = await startSession(client, input.tenantId, actor, 'token');
    await insertAuditEntry(client, input.tenantId, {
      actorKind: 'contact',
      actorId: actor.id,
      action: 'auth.verified_identity',
      details: { address: input.address },
    });
    return started;
  });
  if (!session) throw invalid('signature already used');
  await attempt.succeeded();
  return { actor, ...session };
}
