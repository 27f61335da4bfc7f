import { findActionRequest, type ActionRequestRow } from '../../db/repositories/action-requests.js';
import type { Queryable } from '../../db/transaction.js';
import type { ContactActor, Ctx } from '../context.js';
import { AppError } from '../errors.js';

/** The user's own action request; anyone else's does not exist for them. */
export async function loadOwnAction(q: Queryable, ctx: Ctx & { actor: ContactActor }, actionId: string): Promise<ActionRequestRow> {
  const row = await findActionRequest(q, ctx.tenantId, actionId);
  if (!row || row.contact_id !== ctx.actor.id) throw new AppError('not_found', 'no such action request');
  return row;
}

export function notPending(row: ActionRequestRow): AppError {
  return new AppError('action_not_pending', `action is ${row.status}`, { params: { status: row.status } });
}

/** A request past its time is over even before the sweeper marks it: no code or confirmation revives it. */
export function requireNotOverdue(row: ActionRequestRow): void {
  if (row.expires_at.getTime() <= Date.now()) {
    throw new AppError('action_not_pending', 'action expired', { params: { status: 'expired' } });
  }
}
