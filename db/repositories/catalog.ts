import type { Queryable } from '../transaction.js';

export type CatalogAppRow = {
  id: string;
  name: string;
  publisher: string;
  aliases: string[];
  category: string | null;
  chocolatey_id: string | null;
  homebrew_id: string | null;
  homebrew_cask: boolean;
  apt_id: string | null;
  enabled: boolean;
};

export type CatalogAppInput = {
  id: string;
  name: string;
  publisher: string;
  aliases: string[];
  category: string | null;
  chocolateyId: string | null;
  homebrewId: string | null;
  homebrewCask: boolean;
  aptId: string | null;
  enabled: boolean;
};

const COLUMNS = 'id, name, publisher, aliases, category, chocolatey_id, homebrew_id, homebrew_cask, apt_id, enabled';

export async function listCatalogApps(q: Queryable, tenantId: string, options: { enabledOnly: boolean }): Promise<CatalogAppRow[]> {
  const { rows } = await q.query<CatalogAppRow>(
    `SELECT ${COLUMNS} FROM catalog_apps WHERE tenant_id = $1 AND (enabled OR NOT $2) ORDER BY lower(name)`,
    [tenantId, options.enabledOnly],
  );
  return rows;
}

export async function upsertCatalogApp(q: Queryable, tenantId: string, app: CatalogAppInput): Promise<void> {
  await q.query(
    `INSERT INTO catalog_apps (tenant_id, id, name, publisher, aliases, category, chocolatey_id, homebrew_id, homebrew_cask, apt_id, enabled)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (tenant_id, id) DO UPDATE SET name = $3, publisher = $4, aliases = $5, category = $6, chocolatey_id = $7,
       homebrew_id = $8, homebrew_cask = $9, apt_id = $10, enabled = $11`,
    [
      tenantId,
      app.id,
      app.name,
      app.publisher,
      app.aliases,
      app.category,
      app.chocolateyId,
      app.homebrewId,
      app.homebrewCask,
      app.aptId,
      app.enabled,
    ],
  );
}
