import type pg from 'pg';
import { findActionAwaitingCode } from '../../db/repositories/action-requests.js';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { claimContactPhone, releaseContactPhone } from '../../db/repositories/principals.js';
import { requireContact, requireSection } from '../access/require.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { sendVerificationCode, type VerificationDeps } from '../verification/send-verification-code.js';
import { parseMobilePhone } from './parse-phone.js';

/**
 * The user saves the phone that receives their codes, when none is saved yet, and gets a code for the action waiting
 * for one. A saved phone is the second factor: a session alone cannot replace it (see `requestPhoneChange`), only an
 * admin's reset removes it. A number the provider refuses is taken back, so it is never kept.
 */
export async function setMyPhone(pool: pg.Pool, deps: VerificationDeps, ctx: Ctx, input: string): Promise<void> {
  requireContact(ctx);
  await requireSection(pool, ctx, 'selfService');
  const phone = parseMobilePhone(input);
  // Claimed before the code goes out, so that of two saves at once only one number ever receives a code.
  if (!(await claimContactPhone(pool, ctx.tenantId, ctx.actor.id, phone))) {
    throw new AppError('phone_already_set', 'a phone is saved already; replacing it needs the password and a code sent to it');
  }
  const waiting = await findActionAwaitingCode(pool, ctx.tenantId, ctx.actor.id);
  if (waiting) {
    try {
      await sendVerificationCode(pool, deps, ctx.tenantId, ctx.actor, waiting, phone);
    } catch (error) {
      await releaseContactPhone(pool, ctx.tenantId, ctx.actor.id, phone);
      throw error;
    }
  }
  await insertAuditEntry(pool, ctx.tenantId, {
    actorKind: 'contact',
    actorId: ctx.actor.id,
    action: 'contact.phone_set',
    targetKind: 'contact',
    targetId: ctx.actor.id,
    details: { phoneEnding: phone.slice(-2) },
  });
}
