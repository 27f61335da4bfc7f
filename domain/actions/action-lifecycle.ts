import {
  changeActionRequestStatus,
  type ActionRequestRow,
  type ActionStatus,
  type StatusChange,
} from '../../db/repositories/action-requests.js';
import { insertAuditEntry, type AuditEntry } from '../../db/repositories/audit.js';
import type { Queryable } from '../../db/transaction.js';
import { encodeActionDetail, type ActionDetail } from './action-detail.js';

/**
 * The only ways an action request may move. Nothing reaches a device before `queued`, which only a verified code
 * leads to; a finished request never moves again.
 */
const NEXT: Record<ActionStatus, readonly ActionStatus[]> = {
  awaiting_confirmation: ['awaiting_code', 'cancelled', 'expired'],
  awaiting_code: ['queued', 'cancelled', 'expired'],
  // An agent whose receipt got lost may report progress straight from queued.
  queued: ['dispatched', 'running', 'succeeded', 'failed', 'expired'],
  dispatched: ['running', 'succeeded', 'failed'],
  running: ['succeeded', 'failed'],
  succeeded: [],
  failed: [],
  expired: [],
  cancelled: [],
};

const FROM = Object.fromEntries(
  (Object.keys(NEXT) as ActionStatus[]).map((to) => [to, (Object.keys(NEXT) as ActionStatus[]).filter((from) => NEXT[from].includes(to))]),
) as Record<ActionStatus, ActionStatus[]>;

export type Transition = Omit<StatusChange, 'from' | 'detail'> & { detail?: ActionDetail };

/**
 * Moves an action request, records the step in its event log (the chat ticket's action log) and in the audit log, in
 * the caller's transaction. Answers the request as it now is, or undefined when it had already moved on.
 */
export async function transitionAction(
  q: Queryable,
  tenantId: string,
  actionId: string,
  transition: Transition,
  by: Pick<AuditEntry, 'actorKind' | 'actorId'>,
): Promise<ActionRequestRow | undefined> {
  const { detail, ...rest } = transition;
  const row = await changeActionRequestStatus(q, tenantId, actionId, {
    ...rest,
    from: FROM[transition.to],
    detail: detail ? encodeActionDetail(detail) : null,
  });
  if (!row) return undefined;
  await insertAuditEntry(q, tenantId, {
    ...by,
    action: `action.${transition.to}`,
    targetKind: 'action_request',
    targetId: actionId,
    details: {
      kind: row.kind,
      deviceId: row.device_id,
      ...(row.app_id ? { appId: row.app_id } : {}),
      ...(transition.result?.exitCode !== undefined ? { exitCode: transition.result.exitCode } : {}),
    },
  });
  return row;
}
