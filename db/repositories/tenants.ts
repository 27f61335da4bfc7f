import type { Queryable } from '../transaction.js';

export type TenantRow = { id: string; name: string; slug: string };

export async function findTenantByHostname(q: Queryable, hostname: string): Promise<TenantRow | undefined> {
  const { rows } = await q.query<TenantRow>(
    `SELECT t.id, t.name, t.slug FROM tenant_hostnames h JOIN tenants t ON t.id = h.tenant_id WHERE h.hostname = $1`,
    [hostname],
  );
  return rows[0];
}

export async function findTenantById(q: Queryable, tenantId: string): Promise<TenantRow | undefined> {
  const { rows } = await q.query<TenantRow>('SELECT id, name, slug FROM tenants WHERE id = $1', [tenantId]);
  return rows[0];
}

export async function findTenantBySlug(q: Queryable, slug: string): Promise<TenantRow | undefined> {
  const { rows } = await q.query<TenantRow>('SELECT id, name, slug FROM tenants WHERE slug = $1', [slug]);
  return rows[0];
}

export async function insertTenant(q: Queryable, input: { name: string; slug: string }): Promise<TenantRow> {
  const { rows } = await q.query<TenantRow>(
    'INSERT INTO tenants (name, slug) VALUES ($1, $2) RETURNING id, name, slug',
    [input.name, input.slug],
  );
  return rows[0]!;
}

export async function insertTenantHostname(
  q: Queryable,
  tenantId: string,
  hostname: string,
  kind: 'generated' | 'custom' | 'local',
): Promise<void> {
  await q.query('INSERT INTO tenant_hostnames (hostname, tenant_id, kind) VALUES ($1, $2, $3)', [
    hostname.toLowerCase(),
    tenantId,
    kind,
  ]);
}

export async function listTenantHostnames(q: Queryable, tenantId: string): Promise<{ hostname: string; kind: string }[]> {
  const { rows } = await q.query<{ hostname: string; kind: string }>(
    'SELECT hostname, kind FROM tenant_hostnames WHERE tenant_id = $1 ORDER BY kind, hostname',
    [tenantId],
  );
  return rows;
}

/** Takes the tenant's next ticket number atomically, so parallel creations never share one. */
export async function takeTicketNumber(q: Queryable, tenantId: string): Promise<number> {
  const { rows } = await q.query<{ number: number }>(
    'UPDATE tenants SET next_ticket_number = next_ticket_number + 1 WHERE id = $1 RETURNING next_ticket_number - 1 AS number',
    [tenantId],
  );
  return rows[0]!.number;
}

export async function listTenants(q: Queryable): Promise<TenantRow[]> {
  const { rows } = await q.query<TenantRow>('SELECT id, name, slug FROM tenants ORDER BY slug');
  return rows;
}
