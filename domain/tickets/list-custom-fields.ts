import { listCustomFieldDefinitions } from '../../db/repositories/custom-fields.js';
import type { Queryable } from '../../db/transaction.js';
import { requireAdmin } from '../access/require.js';
import type { Ctx } from '../context.js';
import { loadSettings } from '../settings/load-settings.js';
import { customFieldView, type CustomFieldView } from './custom-field-schemas.js';

/** The tenant's custom ticket fields in form order, each with its visibility in the portal. */
export async function listCustomFields(q: Queryable, ctx: Ctx): Promise<CustomFieldView[]> {
  requireAdmin(ctx);
  const settings = await loadSettings(q, ctx.tenantId);
  return (await listCustomFieldDefinitions(q, ctx.tenantId)).map((row) => customFieldView(row, settings));
}
