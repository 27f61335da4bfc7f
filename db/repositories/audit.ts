import type { Queryable } from '../transaction.js';

export type AuditEntry = {
  actorKind: 'contact' | 'technician' | 'system';
  actorId?: string;
  action: string;
  targetKind?: string;
  targetId?: string;
  details?: Record<string, unknown>;
};

export async function insertAuditEntry(q: Queryable, tenantId: string, entry: AuditEntry): Promise<void> {
  await q.query(
    `INSERT INTO audit_log (tenant_id, actor_kind, actor_id, action, target_kind, target_id, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      tenantId,
      entry.actorKind,
      entry.actorId ?? null,
      entry.action,
      entry.targetKind ?? null,
      entry.targetId ?? null,
      JSON.stringify(entry.details ?? {}),
    ],
  );
}

export async function listAuditEntries(q: Queryable, tenantId: string, limit: number) {
  const { rows } = await q.query<{ action: string; actor_kind: string; target_id: string | null; details: unknown }>(
    'SELECT action, actor_kind, target_id, details FROM audit_log WHERE tenant_id = $1 ORDER BY id DESC LIMIT $2',
    [tenantId, limit],
  );
  return rows;
}
