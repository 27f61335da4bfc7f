import type pg from 'pg';
import { findActionAwaitingCode } from '../../db/repositories/action-requests.js';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { setContactPhone } from '../../db/repositories/principals.js';
import { requireContact, requireSection } from '../access/require.js';
import type { Ctx } from '../context.js';
import { sendVerificationCode, type VerificationDeps } from '../verification/send-verification-code.js';
import { parseMobilePhone } from './parse-phone.js';

/**
 * The user saves the phone that receives their codes, and gets a code for the action waiting for one. The number is
 * saved only once a text could be sent to it, so a number the provider refuses is never kept.
 */
export async function setMyPhone(pool: pg.Pool, deps: VerificationDeps, ctx: Ctx, input: string): Promise<void> {
  requireContact(ctx);
  await requireSection(pool, ctx, 'selfService');
  const phone = parseMobilePhone(input);
  const waiting = await findActionAwaitingCode(pool, ctx.tenantId, ctx.actor.id);
  if (waiting) await sendVerificationCode(pool, deps, ctx.tenantId, ctx.actor, waiting, phone);
  await setContactPhone(pool, ctx.tenantId, ctx.actor.id, phone);
  await insertAuditEntry(pool, ctx.tenantId, {
    actorKind: 'contact',
    actorId: ctx.actor.id,
    action: 'contact.phone_set',
    targetKind: 'contact',
    targetId: ctx.actor.id,
    details: { phoneEnding: phone.slice(-2) },
  });
}
