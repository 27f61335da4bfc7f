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
  dnf_id: string | null;
  description: string;
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

const COLUMNS = 'id, name, publisher, aliases, category, chocolatey_id, homebrew_id, homebrew_cask, apt_id, dnf_id, description, enabled';

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

/** An app as an admin writes it: every column the console edits. */
export type CatalogAppFields = {
  name: string;
  description: string;
  publisher: string;
  aliases: string[];
  category: string | null;
  chocolateyId: string | null;
  homebrewId: string | null;
  homebrewCask: boolean;
  aptId: string | null;
  dnfId: string | null;
  enabled: boolean;
};

function fieldValues(app: CatalogAppFields): unknown[] {
  return [app.name, app.description, app.publisher, app.aliases, app.category, app.chocolateyId, app.homebrewId, app.homebrewCask, app.aptId, app.dnfId, app.enabled];
}

export async function findCatalogApp(q: Queryable, tenantId: string, id: string, options: { lock: boolean }): Promise<CatalogAppRow | undefined> {
  const { rows } = await q.query<CatalogAppRow>(
    `SELECT ${COLUMNS} FROM catalog_apps WHERE tenant_id = $1 AND id = $2${options.lock ? ' FOR UPDATE' : ''}`,
    [tenantId, id],
  );
  return rows[0];
}

/** The id of another app of the tenant with this name, whatever its case. */
export async function findCatalogAppIdByName(q: Queryable, tenantId: string, name: string, exceptId: string | null): Promise<string | undefined> {
  const { rows } = await q.query<{ id: string }>(
    'SELECT id FROM catalog_apps WHERE tenant_id = $1 AND lower(name) = lower($2) AND ($3::text IS NULL OR id <> $3) LIMIT 1',
    [tenantId, name, exceptId],
  );
  return rows[0]?.id;
}

/** Fails on the primary key (23505) when the id is taken. */
export async function insertCatalogApp(q: Queryable, tenantId: string, id: string, app: CatalogAppFields): Promise<void> {
  await q.query(
    `INSERT INTO catalog_apps (tenant_id, id, name, description, publisher, aliases, category, chocolatey_id, homebrew_id, homebrew_cask, apt_id, dnf_id, enabled)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [tenantId, id, ...fieldValues(app)],
  );
}

export async function updateCatalogApp(q: Queryable, tenantId: string, id: string, app: CatalogAppFields): Promise<void> {
  await q.query(
    `UPDATE catalog_apps SET name = $3, description = $4, publisher = $5, aliases = $6, category = $7, chocolatey_id = $8,
       homebrew_id = $9, homebrew_cask = $10, apt_id = $11, dnf_id = $12, enabled = $13
     WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id, ...fieldValues(app)],
  );
}

export async function deleteCatalogApp(q: Queryable, tenantId: string, id: string): Promise<void> {
  await q.query('DELETE FROM catalog_apps WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
}

/** How many install requests, in any state, ever named the app. */
export async function countInstallRequests(q: Queryable, tenantId: string, appId: string): Promise<number> {
  const { rows } = await q.query<{ count: string }>(
    "SELECT count(*) AS count FROM action_requests WHERE tenant_id = $1 AND app_id = $2 AND kind = 'install'",
    [tenantId, appId],
  );
  return Number(rows[0]!.count);
}
