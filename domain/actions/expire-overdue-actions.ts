import type pg from 'pg';
import { listOverdueActionRequests, type ActionRequestRow } from '../../db/repositories/action-requests.js';
import { withTransaction } from '../../db/transaction.js';
import type { ActionDetail } from './action-detail.js';
import { transitionAction } from './action-lifecycle.js';

const BATCH = 200;

/**
 * Ends the requests whose time ran out: unconfirmed or unverified ones, and verified ones whose device stayed
 * offline. Answers those it ended, for the users to be told.
 */
export async function expireOverdueActions(
  pool: pg.Pool,
  deliverWithinSeconds: number,
): Promise<(ActionRequestRow & { tenant_id: string })[]> {
  const overdue = await listOverdueActionRequests(pool, BATCH);
  const expired: (ActionRequestRow & { tenant_id: string })[] = [];
  for (const row of overdue) {
    const detail: ActionDetail =
      row.status === 'queued'
        ? { key: 'action.expired_offline', params: { device: row.device_name, minutes: Math.max(1, Math.round(deliverWithinSeconds / 60)) } }
        : { key: 'action.expired_unconfirmed' };
    const moved = await withTransaction(pool, (client) =>
      transitionAction(client, row.tenant_id, row.id, { to: 'expired', detail }, { actorKind: 'system' }),
    );
    if (moved) expired.push({ ...moved, tenant_id: row.tenant_id });
  }
  return expired;
}
