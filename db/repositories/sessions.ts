import type { Queryable } from '../transaction.js';
import type { ContactRow, TechnicianRow } from './principals.js';

export type SessionRow = {
  token_hash: string;
  tenant_id: string;
  principal_kind: 'contact' | 'technician';
  principal_id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
};

export type SessionTransport = 'cookie' | 'token';

export async function insertSession(
  q: Queryable,
  input: {
    tokenHash: string;
    tenantId: string;
    principalKind: 'contact' | 'technician';
    principalId: string;
    expiresAt: Date;
    transport: SessionTransport;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO sessions (token_hash, tenant_id, principal_kind, principal_id, expires_at, transport) VALUES ($1, $2, $3, $4, $5, $6)`,
    [input.tokenHash, input.tenantId, input.principalKind, input.principalId, input.expiresAt, input.transport],
  );
}

/** Moves a live token session's expiry to `lifetimeSeconds` from now, never past its absolute end; undefined when there is none. */
export async function extendTokenSession(
  q: Queryable,
  tenantId: string,
  tokenHash: string,
  lifetimeSeconds: number,
  absoluteSeconds: number,
): Promise<Date | undefined> {
  const { rows } = await q.query<{ expires_at: Date }>(
    `UPDATE sessions SET expires_at = LEAST(now() + make_interval(secs => $3), created_at + make_interval(secs => $4)), last_seen_at = now()
     WHERE token_hash = $1 AND tenant_id = $2 AND transport = 'token' AND revoked_at IS NULL AND expires_at > now()
     RETURNING expires_at`,
    [tokenHash, tenantId, lifetimeSeconds, absoluteSeconds],
  );
  return rows[0]?.expires_at;
}

export type SessionWithPrincipal = SessionRow & { contact?: ContactRow; technician?: TechnicianRow };

/** A live session with the contact or technician behind it, in one round trip: this runs on every request. */
export async function findLiveSession(q: Queryable, tenantId: string, tokenHash: string): Promise<SessionWithPrincipal | undefined> {
  const { rows } = await q.query<SessionRow & { contact: ContactRow | null; technician: TechnicianRow | null }>(
    `SELECT s.token_hash, s.tenant_id, s.principal_kind, s.principal_id, s.created_at, s.last_seen_at, s.expires_at,
       CASE WHEN c.id IS NOT NULL THEN json_build_object(
         'id', c.id, 'tenant_id', c.tenant_id, 'company_id', c.company_id, 'company_name', co.name, 'name', c.name,
         'email', c.email, 'username', c.username, 'password_hash', '', 'language', c.language, 'phone', c.phone,
         'is_primary', c.is_primary) END AS contact,
       CASE WHEN t.id IS NOT NULL THEN json_build_object(
         'id', t.id, 'tenant_id', t.tenant_id, 'name', t.name, 'email', t.email, 'username', t.username,
         'password_hash', '', 'language', t.language, 'is_admin', t.is_admin) END AS technician
     FROM sessions s
     LEFT JOIN contacts c ON s.principal_kind = 'contact' AND c.id = s.principal_id AND c.tenant_id = s.tenant_id
     LEFT JOIN companies co ON co.id = c.company_id
     LEFT JOIN technicians t ON s.principal_kind = 'technician' AND t.id = s.principal_id AND t.tenant_id = s.tenant_id
     WHERE s.token_hash = $1 AND s.tenant_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()`,
    [tokenHash, tenantId],
  );
  const row = rows[0];
  if (!row) return undefined;
  const { contact, technician, ...session } = row;
  return { ...session, contact: contact ?? undefined, technician: technician ?? undefined };
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

/** Ends every live session of a contact or technician; answers their keys, so their open sockets can be closed. */
export async function revokePrincipalSessions(q: Queryable, tenantId: string, principalKind: 'contact' | 'technician', principalId: string): Promise<string[]> {
  const { rows } = await q.query<{ token_hash: string }>(
    `UPDATE sessions SET revoked_at = now()
     WHERE tenant_id = $1 AND principal_kind = $2 AND principal_id = $3 AND revoked_at IS NULL AND expires_at > now()
     RETURNING token_hash`,
    [tenantId, principalKind, principalId],
  );
  return rows.map((row) => row.token_hash);
}

export async function findLiveTokenHashes(q: Queryable, tokenHashes: string[], idleSeconds: number): Promise<Set<string>> {
  if (tokenHashes.length === 0) return new Set();
  const { rows } = await q.query<{ token_hash: string }>(
    `SELECT token_hash FROM sessions WHERE token_hash = ANY($1) AND revoked_at IS NULL AND expires_at > now()
       AND last_seen_at > now() - make_interval(secs => $2)`,
    [tokenHashes, idleSeconds],
  );
  return new Set(rows.map((r) => r.token_hash));
}
