import type { Queryable } from '../transaction.js';
import type { CanonicalName, ContactRow } from './principals.js';

export async function findEmbedSecret(q: Queryable, tenantId: string): Promise<{ secret_encrypted: string; created_at: Date } | undefined> {
  const { rows } = await q.query<{ secret_encrypted: string; created_at: Date }>(
    'SELECT secret_encrypted, created_at FROM embed_secrets WHERE tenant_id = $1',
    [tenantId],
  );
  return rows[0];
}

/** Stores the tenant's first secret; when two admins race, the one stored first wins and both read it. */
export async function insertEmbedSecretIfAbsent(q: Queryable, tenantId: string, secretEncrypted: string): Promise<boolean> {
  const { rowCount } = await q.query('INSERT INTO embed_secrets (tenant_id, secret_encrypted) VALUES ($1, $2) ON CONFLICT (tenant_id) DO NOTHING', [
    tenantId,
    secretEncrypted,
  ]);
  return rowCount === 1;
}

export async function replaceEmbedSecret(q: Queryable, tenantId: string, secretEncrypted: string): Promise<Date> {
  const { rows } = await q.query<{ created_at: Date }>(
    `INSERT INTO embed_secrets (tenant_id, secret_encrypted) VALUES ($1, $2)
     ON CONFLICT (tenant_id) DO UPDATE SET secret_encrypted = EXCLUDED.secret_encrypted, created_at = now()
     RETURNING created_at`,
    [tenantId, secretEncrypted],
  );
  return rows[0]!.created_at;
}

/** Records a signature's use; false when it was used before. Expired uses are swept on the way. */
export async function recordIdentityUse(q: Queryable, tenantId: string, signatureHash: string, expiresAt: Date): Promise<boolean> {
  await q.query('DELETE FROM embed_identity_uses WHERE expires_at < now()');
  const { rowCount } = await q.query(
    'INSERT INTO embed_identity_uses (tenant_id, signature_hash, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    [tenantId, signatureHash, expiresAt],
  );
  return rowCount === 1;
}

/** Contacts whose canonical email this is; more than one means the email names nobody in particular. */
export async function findContactsByEmail(q: Queryable, tenantId: string, email: CanonicalName): Promise<ContactRow[]> {
  const { rows } = await q.query<ContactRow>(
    `SELECT c.id, c.tenant_id, c.company_id, co.name AS company_name, c.name, c.email, c.username, '' AS password_hash,
       c.language, c.phone, c.is_primary
     FROM contacts c JOIN companies co ON co.id = c.company_id
     WHERE c.tenant_id = $1 AND c.email = $2 LIMIT 2`,
    [tenantId, email],
  );
  return rows;
}
