import type { Queryable } from '../transaction.js';

export type CompanyRow = { id: string; name: string; email_domains: string[] };

const COMPANY_SELECT = `SELECT co.id, co.name,
    COALESCE((SELECT array_agg(d.domain ORDER BY d.domain) FROM company_email_domains d
              WHERE d.tenant_id = co.tenant_id AND d.company_id = co.id), '{}') AS email_domains
  FROM companies co`;

export async function listCompanies(q: Queryable, tenantId: string): Promise<CompanyRow[]> {
  const { rows } = await q.query<CompanyRow>(`${COMPANY_SELECT} WHERE co.tenant_id = $1 ORDER BY co.name, co.id`, [tenantId]);
  return rows;
}

export async function findCompany(q: Queryable, tenantId: string, companyId: string): Promise<CompanyRow | undefined> {
  const { rows } = await q.query<CompanyRow>(`${COMPANY_SELECT} WHERE co.tenant_id = $1 AND co.id = $2`, [tenantId, companyId]);
  return rows[0];
}

export async function insertCompany(q: Queryable, tenantId: string, name: string): Promise<string> {
  const { rows } = await q.query<{ id: string }>('INSERT INTO companies (tenant_id, name) VALUES ($1, $2) RETURNING id', [tenantId, name]);
  return rows[0]!.id;
}

/** Locks the company's row, so two changes of its domains at once apply one after the other. */
export async function lockCompany(q: Queryable, tenantId: string, companyId: string): Promise<boolean> {
  const { rowCount } = await q.query('SELECT 1 FROM companies WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [tenantId, companyId]);
  return (rowCount ?? 0) > 0;
}

export async function renameCompany(q: Queryable, tenantId: string, companyId: string, name: string): Promise<void> {
  await q.query('UPDATE companies SET name = $3 WHERE tenant_id = $1 AND id = $2', [tenantId, companyId, name]);
}

/** The domains already held by another company of the tenant, among `domains`. */
export async function domainsHeldElsewhere(q: Queryable, tenantId: string, companyId: string | null, domains: string[]): Promise<string[]> {
  if (domains.length === 0) return [];
  const { rows } = await q.query<{ domain: string }>(
    `SELECT domain FROM company_email_domains WHERE tenant_id = $1 AND domain = ANY($2::text[])
       AND ($3::uuid IS NULL OR company_id <> $3) ORDER BY domain`,
    [tenantId, domains, companyId],
  );
  return rows.map((row) => row.domain);
}

/** Makes `domains` the company's whole set. A domain another company holds fails on the primary key (23505). */
export async function replaceCompanyDomains(q: Queryable, tenantId: string, companyId: string, domains: string[]): Promise<void> {
  await q.query('DELETE FROM company_email_domains WHERE tenant_id = $1 AND company_id = $2 AND domain <> ALL($3::text[])', [
    tenantId,
    companyId,
    domains,
  ]);
  await q.query(
    `INSERT INTO company_email_domains (tenant_id, company_id, domain)
     SELECT $1, $2, d FROM unnest($3::text[]) AS d
     WHERE NOT EXISTS (SELECT 1 FROM company_email_domains e WHERE e.tenant_id = $1 AND e.company_id = $2 AND e.domain = d)`,
    [tenantId, companyId, domains],
  );
}
