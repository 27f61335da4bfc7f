import type { Queryable } from '../transaction.js';

export type TechnicianSummaryRow = { id: string; name: string; is_admin: boolean };

export async function listTechnicians(q: Queryable, tenantId: string): Promise<TechnicianSummaryRow[]> {
  const { rows } = await q.query<TechnicianSummaryRow>('SELECT id, name, is_admin FROM technicians WHERE tenant_id = $1 ORDER BY name, id', [
    tenantId,
  ]);
  return rows;
}
