import type { Queryable } from '../../db/transaction.js';
import { listCustomFields, type CustomFieldRow } from '../../db/repositories/custom-fields.js';
import { findSettingsDocument } from '../../db/repositories/settings.js';
import { PortalSettingsSchema, type PortalSettings } from './settings-schema.js';

/** What every portal request consults: the settings document and the custom field definitions. */
export type PortalConfig = { settings: PortalSettings; customFields: CustomFieldRow[] };

const caches = new WeakMap<object, Map<string, Promise<PortalConfig>>>();

/**
 * Keeps each tenant's config in memory for reads through this pool, dropped on every write. Only for a
 * pool that is the database's sole writer (embedded mode holds the data-directory lock), or whose node hears
 * every other node's changes (scale-out while Redis is up); otherwise a cached copy could outlive another node's change.
 */
export function cachePortalConfig(pool: object): void {
  caches.set(pool, new Map());
}

/** Reads go to the database again: this node may miss other nodes' changes from now on. */
export function stopCachingPortalConfig(pool: object): void {
  caches.delete(pool);
}

export function forgetPortalConfig(pool: object, tenantId: string): void {
  caches.get(pool)?.delete(tenantId);
}

async function readPortalConfig(q: Queryable, tenantId: string): Promise<PortalConfig> {
  const document = await findSettingsDocument(q, tenantId);
  const customFields = await listCustomFields(q, tenantId);
  return { settings: PortalSettingsSchema.parse(document ?? {}), customFields };
}

/** The tenant's config as it holds now, so a change applies at the next request without a new login. */
export function loadPortalConfig(q: Queryable, tenantId: string): Promise<PortalConfig> {
  const cache = caches.get(q);
  if (!cache) return readPortalConfig(q, tenantId);
  let entry = cache.get(tenantId);
  if (!entry) {
    entry = readPortalConfig(q, tenantId);
    cache.set(tenantId, entry);
    entry.catch(() => cache.delete(tenantId));
  }
  return entry;
}

export async function loadSettings(q: Queryable, tenantId: string): Promise<PortalSettings> {
  return (await loadPortalConfig(q, tenantId)).settings;
}
