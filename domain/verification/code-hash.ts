import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { CODE_POLICY } from './code-policy.js';

export function newCode(): string {
  return String(randomInt(0, 10 ** CODE_POLICY.digits)).padStart(CODE_POLICY.digits, '0');
}

export function hashCode(code: string, salt = randomBytes(16).toString('hex')): { hash: string; salt: string } {
  return { hash: createHmac('sha256', salt).update(code).digest('hex'), salt };
}

export function codeMatches(code: string, stored: { hash: string; salt: string }): boolean {
  const candidate = Buffer.from(hashCode(code, stored.salt).hash, 'hex');
  const expected = Buffer.from(stored.hash, 'hex');
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}
