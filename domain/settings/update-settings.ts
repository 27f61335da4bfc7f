import type pg from 'pg';
import * as z from 'zod';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { existingContactIds } from '../../db/repositories/principals.js';
import { saveSettingsDocument } from '../../db/repositories/settings.js';
import { withTransaction } from '../../db/transaction.js';
import { requireAdmin } from '../access/require.js';
import { fieldChanges } from '../audit/field-changes.js';
import { redactAuditDetails } from '../audit/redact-audit-details.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { changeCustomHostname } from '../portal/change-custom-hostname.js';
import { validationError } from '../validation.js';
import { forgetPortalConfig, loadPortalConfig } from './load-settings.js';
import { applyMergePatch } from './merge-patch.js';
import { DEFAULT_TICKET_FIELDS, PortalSettingsSchema, SECTION_NAMES, visibilityOf, type PortalSettings } from './settings-schema.js';

export const SettingsPatchSchema = z.record(z.string(), z.unknown()).meta({
  id: 'PortalSettingsPatch',
  description: 'A JSON merge patch (RFC 7396) of the portal settings document.',
});

/** Applies a merge patch, validates the whole result against the tenant's data, saves it with its audit row. */
export async function updateSettings(pool: pg.Pool, ctx: Ctx, patch: Record<string, unknown>): Promise<PortalSettings> {
  requireAdmin(ctx);
  const saved = await withTransaction(pool, async (client) => {
    const { settings: current, customFields } = await loadPortalConfig(client, ctx.tenantId);
    const parsed = PortalSettingsSchema.safeParse(applyMergePatch(current, patch));
    if (!parsed.success) throw validationError(parsed.error);
    const next = parsed.data;

    const customKeys = new Set(customFields.map((f) => f.key));
    for (const [field, visibility] of Object.entries(next.fieldVisibility)) {
      const isDefault = (DEFAULT_TICKET_FIELDS as readonly string[]).includes(field);
      if (!isDefault && !customKeys.has(field)) {
        throw new AppError('validation_failed', `unknown ticket field ${field}`, {
          params: { detail: `fieldVisibility.${field}: no such ticket field` },
        });
      }
      if (field === 'status' && visibility === 'editable') {
        throw new AppError('validation_failed', 'status cannot be editable', {
          params: { detail: 'fieldVisibility.status: the status can be read-only or hidden; users change it by reopening' },
        });
      }
    }
    if (visibilityOf(next, 'subject') !== 'editable' && visibilityOf(next, 'description') !== 'editable') {
      throw new AppError('validation_failed', 'subject and description both locked', {
        params: { detail: 'fieldVisibility: subject or description must stay editable so that users can describe a ticket' },
      });
    }

    const listed = [...new Set(SECTION_NAMES.flatMap((name) => next.sections[name].userIds))];
    const known = await existingContactIds(client, ctx.tenantId, listed);
    const unknown = listed.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new AppError('validation_failed', 'unknown contacts in sections', {
        params: { detail: `sections: unknown contact id ${unknown.join(', ')}` },
      });
    }

    if (next.portal.customHostname !== current.portal.customHostname) {
      await changeCustomHostname(client, ctx.tenantId, next.portal.customHostname);
    }

    await saveSettingsDocument(client, ctx.tenantId, next);
    await insertAuditEntry(client, ctx.tenantId, {
      actorKind: 'technician',
      actorId: ctx.actor.id,
      action: 'settings.updated',
      targetKind: 'portal_settings',
      // Field by field what each setting was and became, as the audit log shows an edit; secrets hidden before storing.
      details: redactAuditDetails({ patch, changes: fieldChanges(current, next) }) as Record<string, unknown>,
    });
    return next;
  });
  forgetPortalConfig(pool, ctx.tenantId);
  return saved;
}
