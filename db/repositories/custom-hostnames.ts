import type { Queryable } from '../transaction.js';

export type CustomHostnameStatus = 'pending' | 'active' | 'failed';

export type CustomHostnameRow = {
  tenant_id: string;
  hostname: string;
  status: CustomHostnameStatus;
  misses: number;
  last_checked_at: Date | null;
  last_error: string | null;
  created_at: Date;
};

const SELECT = 'SELECT tenant_id, hostname, status, misses, last_checked_at, last_error, created_at FROM tenant_custom_hostnames';

export async function findCustomHostname(q: Queryable, tenantId: string): Promise<CustomHostnameRow | undefined> {
  const { rows } = await q.query<CustomHostnameRow>(`${SELECT} WHERE tenant_id = $1`, [tenantId]);
  return rows[0];
}

/** Whether another tenant answers on this name or has claimed it as its custom hostname. */
export async function hostnameHeldElsewhere(q: Queryable, tenantId: string, hostname: string): Promise<boolean> {
  const { rows } = await q.query(
    `SELECT 1 FROM tenant_hostnames WHERE hostname = $2 AND tenant_id <> $1
     UNION ALL SELECT 1 FROM tenant_custom_hostnames WHERE hostname = $2 AND tenant_id <> $1`,
    [tenantId, hostname],
  );
  return rows.length > 0;
}

/** Drops the tenant's custom hostname, the claim and the name it answers on alike. */
export async function removeCustomHostname(q: Queryable, tenantId: string): Promise<void> {
  await q.query(`DELETE FROM tenant_hostnames WHERE tenant_id = $1 AND kind = 'custom'`, [tenantId]);
  await q.query('DELETE FROM tenant_custom_hostnames WHERE tenant_id = $1', [tenantId]);
}

export async function insertPendingCustomHostname(q: Queryable, tenantId: string, hostname: string): Promise<void> {
  await q.query('INSERT INTO tenant_custom_hostnames (tenant_id, hostname) VALUES ($1, $2)', [tenantId, hostname]);
}

/** Records a check's outcome; answers false when the hostname changed meanwhile, so a stale check changes nothing. */
export async function recordCustomHostnameCheck(
  q: Queryable,
  tenantId: string,
  hostname: string,
  outcome: { status: CustomHostnameStatus; misses: number; error: string | null },
): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE tenant_custom_hostnames SET status = $3, misses = $4, last_error = $5, last_checked_at = now()
     WHERE tenant_id = $1 AND hostname = $2`,
    [tenantId, hostname, outcome.status, outcome.misses, outcome.error],
  );
  return (rowCount ?? 0) > 0;
}

/** Makes the hostname answer for the tenant; false when another tenant already answers on it. */
export async function activateCustomHostname(q: Queryable, tenantId: string, hostname: string): Promise<boolean> {
  await q.query(
    `INSERT INTO tenant_hostnames (hostname, tenant_id, kind) VALUES ($1, $2, 'custom') ON CONFLICT (hostname) DO NOTHING`,
    [hostname, tenantId],
  );
  const { rows } = await q.query<{ tenant_id: string }>('SELECT tenant_id FROM tenant_hostnames WHERE hostname = $1', [hostname]);
  return rows[0]?.tenant_id === tenantId;
}

export async function deactivateCustomHostname(q: Queryable, tenantId: string, hostname: string): Promise<void> {
  await q.query(`DELETE FROM tenant_hostnames WHERE tenant_id = $1 AND hostname = $2 AND kind = 'custom'`, [tenantId, hostname]);
}

/**
 * Hostnames whose check is due: waiting ones every `waitingSeconds`, active ones every `activeSeconds`. Oldest check
 * first, so a long list is worked through over the rounds.
 */
export async function dueCustomHostnames(q: Queryable, waitingSeconds: number, activeSeconds: number, limit: number): Promise<CustomHostnameRow[]> {
  const { rows } = await q.query<CustomHostnameRow>(
    `${SELECT}
     WHERE last_checked_at IS NULL
        OR last_checked_at <= now() - make_interval(secs => CASE WHEN status = 'active' THEN $2::double precision ELSE $1::double precision END)
     ORDER BY last_checked_at NULLS FIRST LIMIT $3`,
    [waitingSeconds, activeSeconds, limit],
  );
  return rows;
}

/** Whether a certificate may be issued for this name: one of a tenant's generated names or an active custom one. */
export async function isServedHostname(q: Queryable, hostname: string): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM tenant_hostnames WHERE hostname = $1 AND kind IN ('generated', 'custom')`, [hostname]);
  return rows.length > 0;
}
