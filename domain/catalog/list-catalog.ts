import type { Queryable } from '../../db/transaction.js';
import { listCatalogApps, type CatalogAppRow } from '../../db/repositories/catalog.js';
import { requireSection } from '../access/require.js';
import type { Ctx } from '../context.js';
import type { CatalogAppView } from './catalog-schemas.js';

type Platform = 'windows' | 'macos' | 'linux';

/** The package manager id that installs the app on a platform: Chocolatey on Windows, Homebrew on macOS, apt (else dnf) on Linux. */
export function packageIdFor(app: CatalogAppRow, platform: Platform): string | null {
  switch (platform) {
    case 'windows':
      return app.chocolatey_id;
    case 'macos':
      return app.homebrew_id;
    case 'linux':
      return app.apt_id ?? app.dnf_id;
  }
}

export function platformsOf(app: CatalogAppRow): Platform[] {
  return (['windows', 'macos', 'linux'] as const).filter((platform) => packageIdFor(app, platform) !== null);
}

export function catalogAppView(app: CatalogAppRow): CatalogAppView {
  return { id: app.id, name: app.name, publisher: app.publisher, category: app.category, platforms: platformsOf(app) };
}

/** The apps a portal user may install (enabled ones); technicians see the whole catalog. */
export async function listCatalog(q: Queryable, ctx: Ctx): Promise<CatalogAppView[]> {
  if (ctx.actor.kind === 'contact') await requireSection(q, ctx, 'selfService');
  const rows = await listCatalogApps(q, ctx.tenantId, { enabledOnly: ctx.actor.kind === 'contact' });
  return rows.map(catalogAppView);
}
