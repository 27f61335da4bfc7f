import type { Queryable } from '../transaction.js';

export type ContactImportRow = {
  id: string;
  status: 'running' | 'done' | 'interrupted';
  total: number;
  processed: number;
  columns: Record<string, string>;
  ignored_columns: string[];
  rows: unknown[];
  created_at: Date;
  /** Running, but its node has not written for longer than the caller's heartbeat allows. */
  stalled: boolean;
};

/** Marks as interrupted the tenant's running import whose node stopped writing, so that a new one may start. */
export async function interruptStalledContactImports(q: Queryable, tenantId: string, heartbeatSeconds: number): Promise<void> {
  await q.query(
    `UPDATE contact_imports SET status = 'interrupted'
     WHERE tenant_id = $1 AND status = 'running' AND updated_at <= now() - make_interval(secs => $2::double precision)`,
    [tenantId, heartbeatSeconds],
  );
}

/** A new running import; the partial unique index refuses a second one of the tenant. */
export async function insertContactImport(
  q: Queryable,
  tenantId: string,
  input: { createdBy: string; total: number; columns: Record<string, string>; ignoredColumns: string[] },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    'INSERT INTO contact_imports (tenant_id, created_by, total, columns, ignored_columns) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [tenantId, input.createdBy, input.total, JSON.stringify(input.columns), input.ignoredColumns],
  );
  return rows[0]!.id;
}

/** Adds the report of the rows just handled and counts them; `done` closes the job. */
export async function appendContactImportRows(q: Queryable, tenantId: string, id: string, reports: unknown[], done: boolean): Promise<void> {
  await q.query(
    `UPDATE contact_imports SET rows = rows || $3::jsonb, processed = processed + $4, updated_at = now(),
       status = CASE WHEN $5::boolean THEN 'done' ELSE status END
     WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id, JSON.stringify(reports), reports.length, done],
  );
}

export async function findContactImport(q: Queryable, tenantId: string, id: string, heartbeatSeconds: number): Promise<ContactImportRow | undefined> {
  const { rows } = await q.query<ContactImportRow>(
    `SELECT id, status, total, processed, columns, ignored_columns, rows, created_at,
            status = 'running' AND updated_at <= now() - make_interval(secs => $3::double precision) AS stalled
     FROM contact_imports WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id, heartbeatSeconds],
  );
  return rows[0];
}
