import type { Queryable } from '../transaction.js';

export type EnrollmentTokenRow = { id: string; tenant_id: string; company_id: string; contact_id: string | null };

export async function insertEnrollmentToken(
  q: Queryable,
  tenantId: string,
  input: { companyId: string; contactId: string | null; tokenHash: string; validSeconds: number },
): Promise<{ id: string; expires_at: Date }> {
  const { rows } = await q.query<{ id: string; expires_at: Date }>(
    `INSERT INTO enrollment_tokens (tenant_id, company_id, contact_id, token_hash, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5)) RETURNING id, expires_at`,
    [tenantId, input.companyId, input.contactId, input.tokenHash, input.validSeconds],
  );
  return rows[0]!;
}

/** A token still good for enrolling; each use is counted, so a technician can see where a leaked one went. */
export async function useEnrollmentToken(q: Queryable, tokenHash: string): Promise<EnrollmentTokenRow | undefined> {
  const { rows } = await q.query<EnrollmentTokenRow>(
    `UPDATE enrollment_tokens SET uses = uses + 1 WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
     RETURNING id, tenant_id, company_id, contact_id`,
    [tokenHash],
  );
  return rows[0];
}
