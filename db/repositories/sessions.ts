import type { Queryable } from '../transaction.js';

export type SessionRow = {
  token_hash: string;
  tenant_id: string;
  principal_kind: 'contact' | 'technician';
  principal_id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
};

export async function insertSession(
  q: Queryable,
  input: { tokenHash: string; tenantId: string; principalKind: 'contact' | 'technician'; principalId: string; expiresAt: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO sessions (token_hash, tenant_id, principal_kind, principal_id, expires_at) VALUES ($1, $2, $3, $4, $5)`,
    [input.tokenHash, input.tenantId, input.principalKind, input.principalId, input.expiresAt],
  );
}

export async function findLiveSession(q: Queryable, tenantId: string, tokenHash: string): Promise<SessionRow | undefined> {
  const { rows } = await q.query<SessionRow>(
    `SELECT token_hash, tenant_id, principal_kind, principal_id, created_at, last_seen_at, expires_at FROM sessions
     WHERE token_hash = $1 AND tenant_id = $2 AND revoked_at IS NULL AND expires_at > now()`,
    [tokenHash, tenantId],
  );
  return rows[0];
}

export async function touchSession(q: Queryable, tenantId: string, tokenHash: string): Promise<void> {
  await q.query('UPDATE sessions SET last_seen_at = now() WHERE token_hash = $1 AND tenant_id = $2', [tokenHash, tenantId]);
}

export async function revokeSession(q: Queryable, tenantId: string, tokenHash: string): Promise<void> {
  await q.query('UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND tenant_id = $2 AND revoked_at IS NULL', [
    tokenHash,
    tenantId,
  ]);
}
