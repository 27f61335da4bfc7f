import type { Queryable } from '../../db/transaction.js';
import { findSettingsDocument } from '../../db/repositories/settings.js';
import { PortalSettingsSchema, type PortalSettings } from './settings-schema.js';

/** The tenant's settings as they hold now; read on every request so a change applies without a new login. */
export async function loadSettings(q: Queryable, tenantId: string): Promise<PortalSettings> {
  return PortalSettingsSchema.parse((await findSettingsDocument(q, tenantId)) ?? {});
}
