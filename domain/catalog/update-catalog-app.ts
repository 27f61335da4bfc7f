import type pg from 'pg';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { findCatalogApp, updateCatalogApp as updateCatalogAppRow } from '../../db/repositories/catalog.js';
import { withTransaction } from '../../db/transaction.js';
import { requireAdmin } from '../access/require.js';
import { fieldChanges } from '../audit/field-changes.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { catalogAdminView, catalogAppFields, type CatalogAdminApp, type UpdateCatalogAppInput } from './catalog-admin-schemas.js';
import { checkCatalogApp } from './check-catalog-app.js';

/**
 * Edits an app; disabled, it leaves the users' self-service list and what the assistant may install with the next
 * request, and an install verified but not yet sent fails rather than run.
 */
export async function updateCatalogApp(pool: pg.Pool, ctx: Ctx, id: string, input: UpdateCatalogAppInput): Promise<CatalogAdminApp> {
  requireAdmin(ctx);
  return withTransaction(pool, async (client) => {
    const row = await findCatalogApp(client, ctx.tenantId, id, { lock: true });
    if (!row) throw new AppError('not_found', 'no such catalog app');
    const before = catalogAdminView(row);
    const { packages, ...rest } = input;
    const after: CatalogAdminApp = { ...before, ...rest, packages: { ...before.packages, ...packages } };
    await checkCatalogApp(client, ctx.tenantId, after, id);
    const changes = fieldChanges(before, after);
    if (Object.keys(changes).length === 0) return before;
    await updateCatalogAppRow(client, ctx.tenantId, id, catalogAppFields(after));
    await insertAuditEntry(client, ctx.tenantId, {
      actorKind: 'technician',
      actorId: ctx.actor.id,
      action: 'catalog_app.updated',
      targetKind: 'catalog_app',
      targetId: id,
      details: { name: after.name, changes },
    });
    return after;
  });
}
