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

export type AuditFilters = {
  actorId?: string;
  /** An action, or its family: `ticket` matches `ticket.status_changed`. */
  action?: string;
  targetKind?: string;
  targetId?: string;
  from?: Date;
  /** Exclusive. */
  to?: Date;
  text?: string;
};

export type AuditEntryRow = {
  id: string;
  created_at: Date;
  actor_kind: AuditEntry['actorKind'];
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_kind: string | null;
  target_id: string | null;
  details: Record<string, unknown>;
};

function whereOf(tenantId: string, filters: AuditFilters): { where: string; params: unknown[] } {
  const pattern = filters.text ? `%${filters.text.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
  const params = [
    tenantId,
    filters.actorId ?? null,
    filters.action ?? null,
    filters.targetKind ?? null,
    filters.targetId ?? null,
    filters.from ?? null,
    filters.to ?? null,
    pattern,
  ];
  const where = `a.tenant_id = $1
    AND ($2::uuid IS NULL OR a.actor_id = $2)
    AND ($3::text IS NULL OR a.action = $3 OR starts_with(a.action, $3 || '.'))
    AND ($4::text IS NULL OR a.target_kind = $4)
    AND ($5::text IS NULL OR a.target_id = $5)
    AND ($6::timestamptz IS NULL OR a.created_at >= $6)
    AND ($7::timestamptz IS NULL OR a.created_at < $7)
    AND ($8::text IS NULL OR a.action ILIKE $8 OR a.details::text ILIKE $8 OR coalesce(t.name, c.name) ILIKE $8)`;
  return { where, params };
}

const ACTOR_JOINS = `LEFT JOIN technicians t ON a.actor_kind = 'technician' AND t.tenant_id = a.tenant_id AND t.id = a.actor_id
  LEFT JOIN contacts c ON a.actor_kind = 'contact' AND c.tenant_id = a.tenant_id AND c.id = a.actor_id`;

/** A page of the tenant's audit log, newest first, with each actor's current name, and how many entries match in all. */
export async function searchAuditEntries(
  q: Queryable,
  tenantId: string,
  filters: AuditFilters,
  page: { limit: number; offset: number },
): Promise<{ rows: AuditEntryRow[]; total: number }> {
  const { where, params } = whereOf(tenantId, filters);
  const { rows } = await q.query<AuditEntryRow>(
    `SELECT a.id::text AS id, a.created_at, a.actor_kind, a.actor_id, coalesce(t.name, c.name) AS actor_name, a.action,
       a.target_kind, a.target_id, a.details
     FROM audit_log a ${ACTOR_JOINS} WHERE ${where}
     ORDER BY a.created_at DESC, a.id DESC LIMIT $9 OFFSET $10`,
    [...params, page.limit, page.offset],
  );
  const count = await q.query<{ total: string }>(`SELECT count(*) AS total FROM audit_log a ${ACTOR_JOINS} WHERE ${where}`, params);
  return { rows, total: Number(count.rows[0]!.total) };
}
