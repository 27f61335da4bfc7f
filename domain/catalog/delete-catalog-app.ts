import type pg from 'pg';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { countInstallRequests, deleteCatalogApp as deleteCatalogAppRow, findCatalogApp } from '../../db/repositories/catalog.js';
import { withTransaction } from '../../db/transaction.js';
import { requireAdmin } from '../access/require.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';

/**
 * Removes an app that was never requested. One with install requests in its history stays, so that their record keeps
 * naming a catalog entry: it is refused with `catalog_app_installed`, and disabling it takes it out of use.
 */
export async function deleteCatalogApp(pool: pg.Pool, ctx: Ctx, id: string): Promise<void> {
  requireAdmin(ctx);
  await withTransaction(pool, async (client) => {
    const row = await findCatalogApp(client, ctx.tenantId, id, { lock: true });
    if (!row) throw new AppError('not_found', 'no such catalog app');
    if ((await countInstallRequests(client, ctx.tenantId, id)) > 0) {
      throw new AppError('catalog_app_installed', 'catalog app has install requests', { params: { app: row.name } });
    }
    await deleteCatalogAppRow(client, ctx.tenantId, id);
    await insertAuditEntry(client, ctx.tenantId, {
      actorKind: 'technician',
      actorId: ctx.actor.id,
      action: 'catalog_app.deleted',
      targetKind: 'catalog_app',
      targetId: id,
      details: { name: row.name },
    });
  });
}
