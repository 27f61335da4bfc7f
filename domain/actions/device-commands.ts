import type pg from 'pg';
import type { Command, PackageRef } from '../../device-agent/protocol.js';
import { listDeliverableActionRequests, type ActionRequestRow } from '../../db/repositories/action-requests.js';
import { listCatalogApps, type CatalogAppRow } from '../../db/repositories/catalog.js';
import type { Queryable } from '../../db/transaction.js';
import { packageIdFor } from '../catalog/list-catalog.js';

/** The package an install runs, read from the catalog when the command is sent: the agent never gets free text. */
function packageFor(app: CatalogAppRow | undefined, os: ActionRequestRow['device_os']): PackageRef | undefined {
  const id = app ? packageIdFor(app, os) : null;
  if (!app || !id) return undefined;
  const manager = os === 'windows' ? 'chocolatey' : os === 'macos' ? 'homebrew' : app.apt_id ? 'apt' : 'dnf';
  return { manager, id, cask: os === 'macos' && app.homebrew_cask };
}

/** The command for each verified request; an install whose app left the catalog since has none and must fail. */
export async function commandsFor(q: Queryable, tenantId: string, rows: ActionRequestRow[]): Promise<Map<string, Command | undefined>> {
  const apps = rows.some((r) => r.kind === 'install') ? await listCatalogApps(q, tenantId, { enabledOnly: true }) : [];
  const commands = new Map<string, Command | undefined>();
  for (const row of rows) {
    if (row.kind !== 'install') {
      commands.set(row.id, { commandId: row.id, kind: row.kind });
      continue;
    }
    const pkg = packageFor(apps.find((a) => a.id === row.app_id), row.device_os);
    commands.set(row.id, pkg ? { commandId: row.id, kind: 'install', package: pkg } : undefined);
  }
  return commands;
}

/** What a device's agent must receive now: its requests verified and not yet finished, oldest first. */
export async function deliverableRequests(pool: pg.Pool, tenantId: string, deviceId: string): Promise<ActionRequestRow[]> {
  return listDeliverableActionRequests(pool, tenantId, deviceId);
}
