import type pg from 'pg';
import { findActionRequest, insertActionRequest, type NewActionRequest } from '../../db/repositories/action-requests.js';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { withTransaction } from '../../db/transaction.js';
import type { ContactActor, Ctx } from '../context.js';
import type { ActionView } from './action-schemas.js';
import { actionView } from './action-view.js';

/** How long a proposed action waits for the user's confirmation and code before it expires. */
export const ACTION_CONFIRMATION_SECONDS = 15 * 60;

/** Stores a proposed action with its audit row; it waits for the user's confirmation and never reaches a device by itself. */
export async function proposeAction(
  pool: pg.Pool,
  ctx: Ctx & { actor: ContactActor },
  request: Omit<NewActionRequest, 'contactId' | 'expiresInSeconds'>,
): Promise<ActionView> {
  return withTransaction(pool, async (client) => {
    const id = await insertActionRequest(client, ctx.tenantId, {
      ...request,
      contactId: ctx.actor.id,
      expiresInSeconds: ACTION_CONFIRMATION_SECONDS,
    });
    await insertAuditEntry(client, ctx.tenantId, {
      actorKind: 'contact',
      actorId: ctx.actor.id,
      action: 'action.proposed',
      targetKind: 'action_request',
      targetId: id,
      details: { kind: request.kind, deviceId: request.deviceId, appId: request.appId },
    });
    return actionView((await findActionRequest(client, ctx.tenantId, id))!);
  });
}
