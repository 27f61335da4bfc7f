import type pg from 'pg';
import * as z from 'zod';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { findContactPhone, replaceContactPhone } from '../../db/repositories/principals.js';
import { withTransaction } from '../../db/transaction.js';
import { CodeSchema } from '../actions/action-schemas.js';
import { requireContact, requireSection } from '../access/require.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { checkVerificationCode } from '../verification/check-verification-code.js';
import { parseMobilePhone } from './parse-phone.js';

export const PhoneChangeConfirmSchema = z.strictObject({
  code: CodeSchema,
  phone: z.string().max(40).meta({ description: 'The new mobile number, with its country code' }),
});

/**
 * Second step of replacing the phone on record: the code texted to the phone on record (sent only after the password
 * was proven) saves the new phone. Wrong codes count as for an action: five void the code.
 */
export async function confirmPhoneChange(pool: pg.Pool, ctx: Ctx, input: z.infer<typeof PhoneChangeConfirmSchema>): Promise<void> {
  requireContact(ctx);
  await requireSection(pool, ctx, 'selfService');
  const phone = parseMobilePhone(input.phone);
  const audit = { actorKind: 'contact', actorId: ctx.actor.id, targetKind: 'contact', targetId: ctx.actor.id } as const;
  const refused = await withTransaction(pool, async (client) => {
    const current = await findContactPhone(client, ctx.tenantId, ctx.actor.id);
    if (!current) throw new AppError('phone_required', 'no phone on record any more: the user saves one with phone:set');
    const refusal = await checkVerificationCode(client, ctx.tenantId, { purpose: 'phone_change', contactId: ctx.actor.id }, input.code);
    if (refusal) {
      await insertAuditEntry(client, ctx.tenantId, { ...audit, action: 'contact.phone_change_refused', details: { reason: refusal.code } });
      return refusal;
    }
    if (!(await replaceContactPhone(client, ctx.tenantId, ctx.actor.id, current, phone))) throw new AppError('conflict', 'phone changed meanwhile');
    await insertAuditEntry(client, ctx.tenantId, {
      ...audit,
      action: 'contact.phone_changed',
      details: { fromEnding: current.slice(-2), toEnding: phone.slice(-2) },
    });
    return undefined;
  });
  if (refused) throw refused;
}
