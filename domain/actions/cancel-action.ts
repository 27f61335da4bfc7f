import type pg from 'pg';
import { findActionRequest, updateActionRequestStatus } from '../../db/repositories/action-requests.js';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { withTransaction } from '../../db/transaction.js';
import { requireContact } from '../access/require.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import type { ActionView } from './action-schemas.js';
import { actionView } from './action-view.js';

const CANCELLABLE = new Set(['awaiting_confirmation', 'awaiting_code']);

/** The user drops an action they have not yet verified; once queued for the device it can no longer be cancelled here. */
export async function cancelAction(pool: pg.Pool, ctx: Ctx, actionId: string): Promise<ActionView> {
  requireContact(ctx);
  return withTransaction(pool, async (client) => {
    const row = await findActionRequest(client, ctx.tenantId, actionId);
    if (!row || row.contact_id !== ctx.actor.id) throw new AppError('not_found', 'no such action request');
    if (!CANCELLABLE.has(row.status)) throw new AppError('action_not_pending', `action is ${row.status}`, { params: { status: row.status } });
    await updateActionRequestStatus(client, ctx.tenantId, row.id, 'cancelled');
    await insertAuditEntry(client, ctx.tenantId, {
      actorKind: 'contact',
      actorId: ctx.actor.id,
      action: 'action.cancelled',
      targetKind: 'action_request',
      targetId: row.id,
    });
    return actionView((await findActionRequest(client, ctx.tenantId, row.id))!);
  });
}
