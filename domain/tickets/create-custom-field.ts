import type pg from 'pg';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { isUniqueViolation } from '../../db/repositories/conversations.js';
import { appendCustomField } from '../../db/repositories/custom-fields.js';
import { withTransaction } from '../../db/transaction.js';
import { requireAdmin } from '../access/require.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { forgetPortalConfig, loadSettings } from '../settings/load-settings.js';
import { DEFAULT_TICKET_FIELDS } from '../settings/settings-schema.js';
import { writeFieldVisibility } from '../settings/write-field-visibility.js';
import { slugify } from '../kb/slugify.js';
import { customFieldView, storedKind, type CreateCustomFieldInput, type CustomFieldView } from './custom-field-schemas.js';

function invalid(detail: string): AppError {
  return new AppError('validation_failed', detail, { params: { detail } });
}

function keyFromLabel(label: string): string {
  const key = slugify(label).replace(/-/g, '_').slice(0, 64).replace(/_+$/, '');
  return /^[a-z]/.test(key) ? key : `field_${key}`.slice(0, 64);
}

/** Adds a custom ticket field at the end of the form, with its visibility; signed-in users' forms show it at once. */
export async function createCustomField(pool: pg.Pool, ctx: Ctx, input: CreateCustomFieldInput): Promise<CustomFieldView> {
  requireAdmin(ctx);
  const key = input.key ?? keyFromLabel(input.label);
  if ((DEFAULT_TICKET_FIELDS as readonly string[]).includes(key)) throw invalid(`key: ${key} is a default ticket field`);
  if (input.kind === 'dropdown' && !input.options?.length) throw invalid('options: a dropdown needs at least one option');
  if (input.kind !== 'dropdown' && input.options?.length) throw invalid(`options: only a dropdown has options, not a ${input.kind} field`);
  try {
    const view = await withTransaction(pool, async (client) => {
      const row = await appendCustomField(client, ctx.tenantId, {
        key,
        label: input.label,
        kind: storedKind(input.kind),
        options: input.options ?? [],
        required: input.required,
      });
      await writeFieldVisibility(client, ctx.tenantId, key, input.visibility);
      const view = customFieldView(row, await loadSettings(client, ctx.tenantId));
      const { id, ...created } = view;
      await insertAuditEntry(client, ctx.tenantId, {
        actorKind: 'technician',
        actorId: ctx.actor.id,
        action: 'custom_field.created',
        targetKind: 'custom_field',
        targetId: id,
        details: { after: created },
      });
      return view;
    });
    return view;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('custom_field_exists', 'custom field key taken', { params: { key } });
    throw error;
  } finally {
    forgetPortalConfig(pool, ctx.tenantId);
  }
}
