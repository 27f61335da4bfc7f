import { createHash, randomBytes } from 'node:crypto';

/** Enrollment and agent tokens: 256 random bits, of which the database keeps only the SHA-256. */
export function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
