import { listCatalogApps } from '../../db/repositories/catalog.js';
import type { Queryable } from '../../db/transaction.js';
import { requireTechnician } from '../access/require.js';
import type { Ctx } from '../context.js';
import { catalogAdminView, type CatalogAdminApp } from './catalog-admin-schemas.js';

/** The whole catalog with its package ids, disabled apps included, for the console. */
export async function listCatalogAdmin(q: Queryable, ctx: Ctx): Promise<CatalogAdminApp[]> {
  requireTechnician(ctx);
  return (await listCatalogApps(q, ctx.tenantId, { enabledOnly: false })).map(catalogAdminView);
}
