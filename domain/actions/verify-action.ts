import type pg from 'pg';
import { withTransaction } from '../../db/transaction.js';
import { requireContact, requireSection } from '../access/require.js';
import type { Ctx } from '../context.js';
import type { AppError } from '../errors.js';
import { checkVerificationCode } from '../verification/check-verification-code.js';
import type { ActionView } from './action-schemas.js';
import { actionView } from './action-view.js';
import { transitionAction } from './action-lifecycle.js';
import { loadOwnAction, notPending, requireNotOverdue } from './load-own-action.js';

/**
 * The user types the code from the text message: with the right one the action is queued for the device, which has
 * `deliverWithinSeconds` to come online and take it before it expires. Every action needs its own code.
 */
export async function verifyAction(
  pool: pg.Pool,
  ctx: Ctx,
  input: { actionId: string; code: string },
  options: { deliverWithinSeconds: number },
): Promise<ActionView> {
  requireContact(ctx);
  await requireSection(pool, ctx, 'selfService');
  const outcome = await withTransaction(pool, async (client): Promise<{ refused: AppError } | { view: ActionView }> => {
    const row = await loadOwnAction(client, ctx, input.actionId);
    if (row.status !== 'awaiting_code') throw notPending(row);
    requireNotOverdue(row);
    const refused = await checkVerificationCode(client, ctx.tenantId, { purpose: 'action', actionId: row.id }, input.code);
    if (refused) return { refused };
    const queued = await transitionAction(
      client,
      ctx.tenantId,
      row.id,
      { to: 'queued', verified: true, expiresInSeconds: options.deliverWithinSeconds },
      { actorKind: 'contact', actorId: ctx.actor.id },
    );
    if (!queued) throw notPending(row);
    return { view: actionView(queued, ctx.actor.language) };
  });
  if ('refused' in outcome) throw outcome.refused;
  return outcome.view;
}
