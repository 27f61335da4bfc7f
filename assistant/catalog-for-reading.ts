import { listCatalogApps } from '../db/repositories/catalog.js';
import { readRecently } from '../db/recent-reads.js';

/**
 * The tenant's enabled catalog as the assistant reads app names in a message with it: kept a few seconds, since every
 * turn asks. The install request itself checks the app against the catalog as it stands.
 */
export const catalogForReading = readRecently((q, tenantId) => listCatalogApps(q, tenantId, { enabledOnly: true }), 5_000);
