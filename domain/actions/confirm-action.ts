import type pg from 'pg';
import { findContactPhone } from '../../db/repositories/principals.js';
import { withTransaction } from '../../db/transaction.js';
import { requireContact, requireSection } from '../access/require.js';
import type { Ctx } from '../context.js';
import { sendVerificationCode, type VerificationDeps } from '../verification/send-verification-code.js';
import { ACTION_CONFIRMATION_SECONDS } from './propose-action.js';
import type { ActionView } from './action-schemas.js';
import { actionView } from './action-view.js';
import { transitionAction } from './action-lifecycle.js';
import { loadOwnAction, notPending, requireNotOverdue } from './load-own-action.js';

export type Confirmation = {
  action: ActionView;
  needsPhone: boolean;
  /** Why no code went out (too soon after the last one, the provider refused): the action waits for a code all the same. */
  codeError?: unknown;
};

/**
 * The user confirms an action: it now waits for their SMS code, sent at once to their saved phone. Without a saved
 * phone the answer says so and the portal asks for one. Confirming again while it waits sends a new code.
 */
export async function confirmAction(pool: pg.Pool, deps: VerificationDeps, ctx: Ctx, actionId: string): Promise<Confirmation> {
  requireContact(ctx);
  await requireSection(pool, ctx, 'selfService');
  const row = await withTransaction(pool, async (client) => {
    const current = await loadOwnAction(client, ctx, actionId);
    if (current.status === 'awaiting_confirmation' || current.status === 'awaiting_code') requireNotOverdue(current);
    if (current.status === 'awaiting_code') return current;
    const moved = await transitionAction(
      client,
      ctx.tenantId,
      current.id,
      { to: 'awaiting_code', expiresInSeconds: ACTION_CONFIRMATION_SECONDS },
      { actorKind: 'contact', actorId: ctx.actor.id },
    );
    if (!moved) throw notPending(current);
    return moved;
  });
  const phone = await findContactPhone(pool, ctx.tenantId, ctx.actor.id);
  const confirmation: Confirmation = { action: actionView(row, ctx.actor.language), needsPhone: !phone };
  if (phone) {
    try {
      await sendVerificationCode(pool, deps, ctx.tenantId, ctx.actor, row, phone);
    } catch (error) {
      confirmation.codeError = error;
    }
  }
  return confirmation;
}
