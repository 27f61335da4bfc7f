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

/** A definition as admins manage it: with its id and its place in the form. */
export type CustomFieldDefinitionRow = CustomFieldRow & { id: string; position: number };

const DEFINITION_COLUMNS = 'id, key, label, kind, options, required, position';

export async function listCustomFieldDefinitions(q: Queryable, tenantId: string): Promise<CustomFieldDefinitionRow[]> {
  const { rows } = await q.query<CustomFieldDefinitionRow>(
    `SELECT ${DEFINITION_COLUMNS} FROM custom_field_definitions WHERE tenant_id = $1 ORDER BY position, key`,
    [tenantId],
  );
  return rows;
}

export async function findCustomFieldDefinition(q: Queryable, tenantId: string, id: string): Promise<CustomFieldDefinitionRow | undefined> {
  const { rows } = await q.query<CustomFieldDefinitionRow>(
    `SELECT ${DEFINITION_COLUMNS} FROM custom_field_definitions WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
    [tenantId, id],
  );
  return rows[0];
}

/** Placed after the others; fails on the key's unique constraint (23505) when the key is taken. */
export async function appendCustomField(q: Queryable, tenantId: string, field: CustomFieldRow): Promise<CustomFieldDefinitionRow> {
  const { rows } = await q.query<CustomFieldDefinitionRow>(
    `INSERT INTO custom_field_definitions (tenant_id, key, label, kind, options, required, position)
     SELECT $1, $2, $3, $4, $5, $6, coalesce(max(position) + 1, 0) FROM custom_field_definitions WHERE tenant_id = $1
     RETURNING ${DEFINITION_COLUMNS}`,
    [tenantId, field.key, field.label, field.kind, JSON.stringify(field.options), field.required],
  );
  return rows[0]!;
}

export async function updateCustomFieldDefinition(
  q: Queryable,
  tenantId: string,
  id: string,
  field: Pick<CustomFieldDefinitionRow, 'label' | 'options' | 'required' | 'position'>,
): Promise<void> {
  await q.query('UPDATE custom_field_definitions SET label = $3, options = $4, required = $5, position = $6 WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    id,
    field.label,
    JSON.stringify(field.options),
    field.required,
    field.position,
  ]);
}

export async function deleteCustomFieldDefinition(q: Queryable, tenantId: string, id: string): Promise<void> {
  await q.query('DELETE FROM custom_field_definitions WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
}

/** Drops a field's values from every ticket of the tenant. */
export async function removeCustomFieldValues(q: Queryable, tenantId: string, key: string): Promise<void> {
  await q.query('UPDATE tickets SET custom_fields = custom_fields - $2::text WHERE tenant_id = $1 AND custom_fields ? $2', [tenantId, key]);
}
