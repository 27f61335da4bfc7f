import { listTenantHostnames } from '../../db/repositories/tenants.js';
import type { Queryable } from '../../db/transaction.js';
import { loadSettings } from './load-settings.js';

/** Where a browser request to a tenant may come from: a page on one of its own hostnames or on an origin it allows to embed the widget. */
export type TrustedOrigins = { hostnames: ReadonlySet<string>; embedOrigins: ReadonlySet<string> };

export async function loadTrustedOrigins(q: Queryable, tenantId: string): Promise<TrustedOrigins> {
  const [hostnames, settings] = await Promise.all([listTenantHostnames(q, tenantId), loadSettings(q, tenantId)]);
  return { hostnames: new Set(hostnames.map((h) => h.hostname)), embedOrigins: new Set(settings.embed.allowedOrigins) };
}
