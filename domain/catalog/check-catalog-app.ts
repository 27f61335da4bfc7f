import { findCatalogAppIdByName } from '../../db/repositories/catalog.js';
import type { Queryable } from '../../db/transaction.js';
import { AppError } from '../errors.js';
import type { CatalogAdminApp } from './catalog-admin-schemas.js';

/**
 * What the schema cannot see: an app installs somewhere, and its name is its own, since users and the assistant ask
 * for apps by name.
 */
export async function checkCatalogApp(q: Queryable, tenantId: string, app: CatalogAdminApp, exceptId: string | null): Promise<void> {
  if (Object.values(app.packages).every((id) => id === null)) {
    const detail = 'packages: at least one package id (Chocolatey, Homebrew, apt or dnf)';
    throw new AppError('validation_failed', detail, { params: { detail } });
  }
  if (await findCatalogAppIdByName(q, tenantId, app.name, exceptId)) {
    throw new AppError('catalog_app_exists', 'catalog app name taken', { params: { app: app.name } });
  }
}
