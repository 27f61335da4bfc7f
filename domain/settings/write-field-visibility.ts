import { findSettingsDocument, saveSettingsDocument } from '../../db/repositories/settings.js';
import type { Queryable } from '../../db/transaction.js';
import { PortalSettingsSchema, type FieldVisibility } from './settings-schema.js';

/**
 * Sets (or, with null, forgets) one field's visibility in the settings document, in the caller's transaction: custom
 * field definitions keep their visibility where the settings keep every other field's. The caller drops the cached
 * config once committed.
 */
export async function writeFieldVisibility(q: Queryable, tenantId: string, key: string, visibility: FieldVisibility | null): Promise<void> {
  const settings = PortalSettingsSchema.parse((await findSettingsDocument(q, tenantId)) ?? {});
  const { [key]: _previous, ...others } = settings.fieldVisibility;
  await saveSettingsDocument(q, tenantId, { ...settings, fieldVisibility: visibility ? { ...others, [key]: visibility } : others });
}
