import type { IncomingHttpHeaders } from 'node:http';
import type { Queryable } from '../../db/transaction.js';
import { AppError } from '../../domain/errors.js';
import { loadTrustedOrigins } from '../../domain/settings/trusted-origins.js';

/** Whether a page on this origin may use the tenant's portal: one on the portal's own host or hostnames, or one the tenant allows to embed it. */
export async function isOriginTrusted(q: Queryable, tenantId: string, origin: string, host: string | undefined): Promise<boolean> {
  const url = URL.canParse(origin) ? new URL(origin) : undefined;
  if (!url || url.origin === 'null') return false;
  // The page and the portal on the same host: the common case, decided without a query.
  if (url.host === host?.toLowerCase()) return true;
  const trusted = await loadTrustedOrigins(q, tenantId);
  return trusted.hostnames.has(url.hostname) || trusted.embedOrigins.has(url.origin);
}

/**
 * The portal's CSRF rule, for REST writes and socket.io handshakes alike: a browser request that changes state must
 * come from a page on one of the tenant's hostnames or on an origin the tenant allows to embed the widget. Browsers
 * send `Origin` on every such request; a request without one and not marked cross-site comes from a program (an agent,
 * curl, an integration), which a cookie set by a browser does not follow. A bearer token obeys the same rule: a page
 * the tenant does not trust gets nothing done with a token it got hold of.
 */
export async function assertOriginAllowed(q: Queryable, tenantId: string, headers: IncomingHttpHeaders): Promise<void> {
  const origin = headers.origin;
  if (origin === undefined) {
    if (headers['sec-fetch-site'] === 'cross-site') throw refused('cross-site request without an Origin');
    return;
  }
  if (!(await isOriginTrusted(q, tenantId, origin, headers.host))) throw refused(`origin ${origin.slice(0, 100)} not allowed`);
}

function refused(reason: string): AppError {
  return new AppError('origin_not_allowed', reason);
}
