import type { Queryable } from '../transaction.js';

export async function findSettingsDocument(q: Queryable, tenantId: string): Promise<unknown> {
  const { rows } = await q.query<{ document: unknown }>('SELECT document FROM portal_settings WHERE tenant_id = $1', [
    tenantId,
  ]);
  return rows[0]?.document;
}

export async function saveSettingsDocument(q: Queryable, tenantId: string, document: unknown): Promise<void> {
  await q.query(
    `INSERT INTO portal_settings (tenant_id, document, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (tenant_id) DO UPDATE SET document = EXCLUDED.document, updated_at = now()`,
    [tenantId, JSON.stringify(document)],
  );
}
