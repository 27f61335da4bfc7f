import type pg from 'pg';
import { cancelAction } from '../../domain/actions/cancel-action.js';
import { confirmAction } from '../../domain/actions/confirm-action.js';
import { verifyAction } from '../../domain/actions/verify-action.js';
import type { Ctx } from '../../domain/context.js';
import type { VerificationDeps } from '../../domain/verification/send-verification-code.js';
import type { PortalEvents } from './portal-events.js';

export type ActionStepDeps = {
  pool: pg.Pool;
  events: PortalEvents;
  verification: VerificationDeps;
  /** How long a verified action waits for its device to come online. */
  deliverWithinSeconds: number;
};

/**
 * A user's steps on an action request, each followed by word of it to the user's windows and, once verified, to the
 * device: the REST routes and the portal socket take the same steps through here.
 */
export function actionSteps(deps: ActionStepDeps) {
  const { pool, events } = deps;
  return {
    async confirm(ctx: Ctx, actionId: string) {
      const { codeError, ...confirmed } = await confirmAction(pool, deps.verification, ctx, actionId);
      // Moved even when no code could go out: every window, the asking one too, shows it waiting for a code.
      events.emit('actionChanged', ctx.tenantId, actionId);
      if (codeError) throw codeError;
      return confirmed;
    },
    async cancel(ctx: Ctx, actionId: string) {
      const action = await cancelAction(pool, ctx, actionId);
      events.emit('actionChanged', ctx.tenantId, action.id);
      return { action };
    },
    async verify(ctx: Ctx, input: { actionId: string; code: string }) {
      const action = await verifyAction(pool, ctx, input, { deliverWithinSeconds: deps.deliverWithinSeconds });
      events.emit('actionChanged', ctx.tenantId, action.id);
      events.emit('actionVerified', ctx.tenantId, action.id);
      return { action };
    },
  };
}
