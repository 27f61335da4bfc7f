import type { Queryable } from '../transaction.js';

export type EnrollmentTokenRow = { id: string; tenant_id: string; company_id: string; contact_id: string | null };

export type EnrollmentTokenListRow = {
  id: string;
  company_id: string;
  company_name: string;
  contact_id: string | null;
  created_at: Date;
  expires_at: Date;
  uses: number;
  max_uses: number;
  revoked_at: Date | null;
};

export async function insertEnrollmentToken(
  q: Queryable,
  tenantId: string,
  input: { companyId: string; contactId: string | null; tokenHash: string; maxUses: number; validSeconds: number },
): Promise<{ id: string; expires_at: Date }> {
  const { rows } = await q.query<{ id: string; expires_at: Date }>(
    `INSERT INTO enrollment_tokens (tenant_id, company_id, contact_id, token_hash, max_uses, expires_at)
     VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6)) RETURNING id, expires_at`,
    [tenantId, input.companyId, input.contactId, input.tokenHash, input.maxUses, input.validSeconds],
  );
  return rows[0]!;
}

/**
 * Takes one use of a token still good for enrolling. The check and the count are one conditional update, so enrollments
 * sent at once never get more uses than the token has; each use is counted, so a technician can see where one went.
 */
export async function useEnrollmentToken(q: Queryable, tokenHash: string): Promise<EnrollmentTokenRow | undefined> {
  const { rows } = await q.query<EnrollmentTokenRow>(
    `UPDATE enrollment_tokens SET uses = uses + 1
     WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now() AND uses < max_uses
     RETURNING id, tenant_id, company_id, contact_id`,
    [tokenHash],
  );
  return rows[0];
}

/** The tenant's tokens, newest first, without their hashes. */
export async function listEnrollmentTokens(q: Queryable, tenantId: string, companyId: string | null, limit: number): Promise<EnrollmentTokenListRow[]> {
  const { rows } = await q.query<EnrollmentTokenListRow>(
    `SELECT t.id, t.company_id, co.name AS company_name, t.contact_id, t.created_at, t.expires_at, t.uses, t.max_uses, t.revoked_at
     FROM enrollment_tokens t JOIN companies co ON co.tenant_id = t.tenant_id AND co.id = t.company_id
     WHERE t.tenant_id = $1 AND ($2::uuid IS NULL OR t.company_id = $2)
     ORDER BY t.created_at DESC, t.id LIMIT $3`,
    [tenantId, companyId, limit],
  );
  return rows;
}

/** Revokes a token; a token revoked before keeps its first date. False when the tenant has no such token. */
export async function revokeEnrollmentToken(q: Queryable, tenantId: string, id: string): Promise<boolean> {
  const { rowCount } = await q.query('UPDATE enrollment_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    id,
  ]);
  return (rowCount ?? 0) > 0;
}
