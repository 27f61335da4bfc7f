import { findLatestVerificationCode, markVerificationCodeUsed, recordWrongCode, type CodeSubject } from '../../db/repositories/verification-codes.js';
import type { Queryable } from '../../db/transaction.js';
import { AppError } from '../errors.js';
import { codeMatches } from './code-hash.js';
import { CODE_POLICY } from './code-policy.js';

/**
 * Checks a typed code against the latest one sent for the subject (an action, or a change of phone). A wrong try is counted even though the caller then
 * fails, so the refusal is returned rather than thrown: the count must be committed with the transaction.
 */
export async function checkVerificationCode(q: Queryable, tenantId: string, subject: CodeSubject, code: string): Promise<AppError | undefined> {
  const stored = await findLatestVerificationCode(q, tenantId, subject);
  if (!stored || stored.used_at) return new AppError('code_expired', `no code outstanding for this ${subject.purpose}`);
  if (stored.voided_at) return new AppError('too_many_attempts', 'code void after too many wrong tries');
  if (stored.expires_at.getTime() <= Date.now()) return new AppError('code_expired', 'code expired');
  if (!codeMatches(code, { hash: stored.code_hash, salt: stored.salt })) {
    const attempts = await recordWrongCode(q, tenantId, stored.id, CODE_POLICY.maxWrongTries);
    return attempts >= CODE_POLICY.maxWrongTries
      ? new AppError('too_many_attempts', 'code void after too many wrong tries')
      : new AppError('invalid_code', 'wrong code', { params: { remaining: CODE_POLICY.maxWrongTries - attempts } });
  }
  await markVerificationCodeUsed(q, tenantId, stored.id);
  return undefined;
}
