import type pg from 'pg';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { findCustomFieldDefinition, updateCustomFieldDefinition } from '../../db/repositories/custom-fields.js';
import { withTransaction } from '../../db/transaction.js';
import { requireAdmin } from '../access/require.js';
import { fieldChanges } from '../audit/field-changes.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { forgetPortalConfig, loadSettings } from '../settings/load-settings.js';
import { writeFieldVisibility } from '../settings/write-field-visibility.js';
import { customFieldView, type CustomFieldView, type UpdateCustomFieldInput } from './custom-field-schemas.js';

/**
 * Relabels a custom field, changes its options, whether it is required, its visibility or its place; its key and kind
 * stay, since tickets hold values under that key and of that kind.
 */
export async function updateCustomField(pool: pg.Pool, ctx: Ctx, id: string, input: UpdateCustomFieldInput): Promise<CustomFieldView> {
  requireAdmin(ctx);
  try {
    return await withTransaction(pool, async (client) => {
      const row = await findCustomFieldDefinition(client, ctx.tenantId, id);
      if (!row) throw new AppError('not_found', 'no such custom field');
      const before = customFieldView(row, await loadSettings(client, ctx.tenantId));
      if (input.options !== undefined && before.kind !== 'dropdown') {
        const detail = `options: only a dropdown has options, not a ${before.kind} field`;
        throw new AppError('validation_failed', detail, { params: { detail } });
      }
      if (input.options?.length === 0) {
        const detail = 'options: a dropdown needs at least one option';
        throw new AppError('validation_failed', detail, { params: { detail } });
      }
      const { visibility, ...definition } = input;
      const next = { ...row, ...definition };
      await updateCustomFieldDefinition(client, ctx.tenantId, id, next);
      if (visibility !== undefined) await writeFieldVisibility(client, ctx.tenantId, row.key, visibility);
      // Read through the transaction's client, which no cache serves: the visibility just written.
      const after = customFieldView(next, await loadSettings(client, ctx.tenantId));
      const changes = fieldChanges(before, after);
      if (Object.keys(changes).length > 0) {
        await insertAuditEntry(client, ctx.tenantId, {
          actorKind: 'technician',
          actorId: ctx.actor.id,
          action: 'custom_field.updated',
          targetKind: 'custom_field',
          targetId: id,
          details: { key: row.key, changes },
        });
      }
      return after;
    });
  } finally {
    forgetPortalConfig(pool, ctx.tenantId);
  }
}
