import type pg from 'pg';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { deleteCustomFieldDefinition, findCustomFieldDefinition, removeCustomFieldValues } from '../../db/repositories/custom-fields.js';
import { withTransaction } from '../../db/transaction.js';
import { requireAdmin } from '../access/require.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { forgetPortalConfig } from '../settings/load-settings.js';
import { writeFieldVisibility } from '../settings/write-field-visibility.js';

/**
 * Removes a custom field with its visibility setting and the values tickets hold, so that a new field under the same key
 * starts empty; the audit log keeps what values were set.
 */
export async function deleteCustomField(pool: pg.Pool, ctx: Ctx, id: string): Promise<void> {
  requireAdmin(ctx);
  try {
    await withTransaction(pool, async (client) => {
      const row = await findCustomFieldDefinition(client, ctx.tenantId, id);
      if (!row) throw new AppError('not_found', 'no such custom field');
      await deleteCustomFieldDefinition(client, ctx.tenantId, id);
      await removeCustomFieldValues(client, ctx.tenantId, row.key);
      await writeFieldVisibility(client, ctx.tenantId, row.key, null);
      await insertAuditEntry(client, ctx.tenantId, {
        actorKind: 'technician',
        actorId: ctx.actor.id,
        action: 'custom_field.deleted',
        targetKind: 'custom_field',
        targetId: id,
        details: { key: row.key, label: row.label },
      });
    });
  } finally {
    forgetPortalConfig(pool, ctx.tenantId);
  }
}
