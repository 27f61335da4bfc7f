import type pg from 'pg';
import * as z from 'zod';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { findContactCredentials } from '../../db/repositories/principals.js';
import { requireContact, requireSection } from '../access/require.js';
import { verifyPassword } from '../auth/password.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { sendPhoneChangeCode, type VerificationDeps } from '../verification/send-verification-code.js';
import type { PasswordTries } from './password-tries.js';

export type PhoneChangeDeps = VerificationDeps & { passwordTries: PasswordTries };

export const PhoneChangeRequestSchema = z.strictObject({ password: z.string().min(1).max(1024) });

/**
 * First step of replacing the phone on record: the user proves their password, and a code goes to the phone on record
 * (not to the new one), so a session alone, or a session and the password, cannot move the second factor.
 */
export async function requestPhoneChange(pool: pg.Pool, deps: PhoneChangeDeps, ctx: Ctx, input: z.infer<typeof PhoneChangeRequestSchema>): Promise<void> {
  requireContact(ctx);
  await requireSection(pool, ctx, 'selfService');
  const record = await findContactCredentials(pool, ctx.tenantId, ctx.actor.id);
  if (!record) throw new AppError('not_found', 'contact gone');
  if (!record.phone) throw new AppError('phone_required', 'no phone on record: the first one is saved without a change');
  await deps.passwordTries.take(ctx.tenantId, ctx.actor.id);
  const audit = { actorKind: 'contact', actorId: ctx.actor.id, targetKind: 'contact', targetId: ctx.actor.id } as const;
  if (!(await verifyPassword(input.password, record.password_hash))) {
    await insertAuditEntry(pool, ctx.tenantId, { ...audit, action: 'contact.phone_change_refused', details: { reason: 'wrong_password' } });
    throw new AppError('wrong_password', 'wrong password for a change of phone');
  }
  await deps.passwordTries.giveBack(ctx.tenantId, ctx.actor.id);
  await sendPhoneChangeCode(pool, deps, ctx.tenantId, ctx.actor, record.phone);
  await insertAuditEntry(pool, ctx.tenantId, { ...audit, action: 'contact.phone_change_requested', details: { phoneEnding: record.phone.slice(-2) } });
}
