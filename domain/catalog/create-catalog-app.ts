import type pg from 'pg';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { insertCatalogApp } from '../../db/repositories/catalog.js';
import { isUniqueViolation } from '../../db/repositories/conversations.js';
import { withTransaction } from '../../db/transaction.js';
import { requireAdmin } from '../access/require.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { slugify } from '../kb/slugify.js';
import { catalogAppFields, type CatalogAdminApp, type CreateCatalogAppInput } from './catalog-admin-schemas.js';
import { checkCatalogApp } from './check-catalog-app.js';

/** Adds an app to the tenant's catalog; enabled, it is at once in the users' self-service list and installable by the assistant. */
export async function createCatalogApp(pool: pg.Pool, ctx: Ctx, input: CreateCatalogAppInput): Promise<CatalogAdminApp> {
  requireAdmin(ctx);
  const { id: givenId, packages, ...rest } = input;
  const app: CatalogAdminApp = {
    id: givenId ?? slugify(input.name).slice(0, 64).replace(/-+$/, ''),
    ...rest,
    packages: { chocolatey: packages.chocolatey ?? null, homebrew: packages.homebrew ?? null, apt: packages.apt ?? null, dnf: packages.dnf ?? null },
  };
  try {
    return await withTransaction(pool, async (client) => {
      await checkCatalogApp(client, ctx.tenantId, app, null);
      await insertCatalogApp(client, ctx.tenantId, app.id, catalogAppFields(app));
      const { id, ...created } = app;
      await insertAuditEntry(client, ctx.tenantId, {
        actorKind: 'technician',
        actorId: ctx.actor.id,
        action: 'catalog_app.created',
        targetKind: 'catalog_app',
        targetId: id,
        details: { after: created },
      });
      return app;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('catalog_app_exists', 'catalog app id taken', { params: { app: app.id } });
    throw error;
  }
}
