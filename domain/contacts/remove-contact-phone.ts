import type pg from 'pg';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { setContactPhone } from '../../db/repositories/principals.js';
import { expirePhoneChangeCodes } from '../../db/repositories/verification-codes.js';
import { withTransaction } from '../../db/transaction.js';
import { requireAdmin } from '../access/require.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';

/**
 * An admin resets a user's two-step verification: without a phone, the user is asked for one before the next action. A
 * change of phone under way ends too, since its code went to the phone removed.
 */
export async function removeContactPhone(pool: pg.Pool, ctx: Ctx, contactId: string): Promise<void> {
  requireAdmin(ctx);
  await withTransaction(pool, async (client) => {
    if (!(await setContactPhone(client, ctx.tenantId, contactId, null))) throw new AppError('not_found', 'no such contact');
    await expirePhoneChangeCodes(client, ctx.tenantId, contactId);
    await insertAuditEntry(client, ctx.tenantId, {
      actorKind: 'technician',
      actorId: ctx.actor.id,
      action: 'contact.phone_removed',
      targetKind: 'contact',
      targetId: contactId,
    });
  });
}
