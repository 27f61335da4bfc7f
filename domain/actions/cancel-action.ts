import type pg from 'pg';
import { withTransaction } from '../../db/transaction.js';
import { requireContact } from '../access/require.js';
import type { Ctx } from '../context.js';
import type { ActionView } from './action-schemas.js';
import { actionView } from './action-view.js';
import { transitionAction } from './action-lifecycle.js';
import { loadOwnAction, notPending } from './load-own-action.js';

/** The user drops an action they have not yet verified; once queued for the device it can no longer be cancelled here. */
export async function cancelAction(pool: pg.Pool, ctx: Ctx, actionId: string): Promise<ActionView> {
  requireContact(ctx);
  return withTransaction(pool, async (client) => {
    const row = await loadOwnAction(client, ctx, actionId);
    const moved = await transitionAction(client, ctx.tenantId, row.id, { to: 'cancelled' }, { actorKind: 'contact', actorId: ctx.actor.id });
    if (!moved) throw notPending(row);
    return actionView(moved, ctx.actor.language);
  });
}
