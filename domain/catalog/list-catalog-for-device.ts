import { listCatalogApps } from '../../db/repositories/catalog.js';
import { listDevicesOfContact } from '../../db/repositories/devices.js';
import type { Queryable } from '../../db/transaction.js';
import { requireContact, requireSection } from '../access/require.js';
import type { Ctx } from '../context.js';
import { pickDevice } from '../devices/pick-device.js';
import type { CatalogAppView } from './catalog-schemas.js';
import { catalogAppView, packageIdFor } from './list-catalog.js';

/** The apps the user may install on one of their devices: enabled ones with a package for its platform. */
export async function listCatalogForDevice(q: Queryable, ctx: Ctx, deviceId: string): Promise<CatalogAppView[]> {
  requireContact(ctx);
  await requireSection(q, ctx, 'selfService');
  const device = pickDevice(await listDevicesOfContact(q, ctx.tenantId, ctx.actor.id), deviceId);
  const apps = await listCatalogApps(q, ctx.tenantId, { enabledOnly: true });
  return apps.filter((app) => packageIdFor(app, device.os) !== null).map(catalogAppView);
}
