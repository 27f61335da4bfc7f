import type { Queryable } from '../transaction.js';

export type OutboxSmsRow = { to_phone: string; body: string; created_at: Date };

export async function insertOutboxSms(q: Queryable, tenantId: string, sms: { to: string; body: string }): Promise<void> {
  await q.query('INSERT INTO sms_outbox (tenant_id, to_phone, body) VALUES ($1, $2, $3)', [tenantId, sms.to, sms.body]);
}

/** Newest first, younger than `keptSeconds`; messages stored in one transaction share created_at, and the id orders them the same on every call. */
export async function listOutboxSms(q: Queryable, tenantId: string, limit: number, keptSeconds: number): Promise<OutboxSmsRow[]> {
  const { rows } = await q.query<OutboxSmsRow>(
    `SELECT to_phone, body, created_at FROM sms_outbox
     WHERE tenant_id = $1 AND created_at > now() - make_interval(secs => $3)
     ORDER BY created_at DESC, id DESC LIMIT $2`,
    [tenantId, limit, keptSeconds],
  );
  return rows;
}

/** Deletes the messages older than `keptSeconds`, of one tenant or of all; answers how many. */
export async function deleteOldOutboxSms(q: Queryable, keptSeconds: number, tenantId?: string): Promise<number> {
  const { rowCount } = await q.query(
    `DELETE FROM sms_outbox WHERE created_at <= now() - make_interval(secs => $1) AND ($2::uuid IS NULL OR tenant_id = $2)`,
    [keptSeconds, tenantId ?? null],
  );
  return rowCount ?? 0;
}
