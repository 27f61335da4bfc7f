import type { Queryable } from '../transaction.js';

export type CustomFieldRow = {
  key: string;
  label: string;
  kind: 'text' | 'number' | 'date' | 'select' | 'checkbox';
  options: string[];
  required: boolean;
};

export async function listCustomFields(q: Queryable, tenantId: string): Promise<CustomFieldRow[]> {
  const { rows } = await q.query<CustomFieldRow>(
    'SELECT key, label, kind, options, required FROM custom_field_definitions WHERE tenant_id = $1 ORDER BY position, key',
    [tenantId],
  );
  return rows;
}

export async function insertCustomField(q: Queryable, tenantId: string, field: CustomFieldRow & { position: number }) {
  await q.query(
    `INSERT INTO custom_field_definitions (tenant_id, key, label, kind, options, required, position)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [tenantId, field.key, field.label, field.kind, JSON.stringify(field.options), field.required, field.position],
  );
}
