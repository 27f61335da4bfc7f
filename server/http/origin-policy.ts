import type { IncomingHttpHeaders } from 'node:http';
import type { Queryable } from '../../db/transaction.js';
import { AppError } from '../../domain/errors.js';
import { loadTrustedOrigins } from '../../domain/settings/trusted-origins.js';

/**
 * The portal's CSRF rule, for REST writes and socket.io handshakes alike: a browser request that changes state must
 * come from a page on one of the tenant's hostnames or on an origin the tenant allows to embed the widget. Browsers
 * send `Origin` on every such request; a request without one and not marked cross-site comes from a program (an agent,
 * curl, an integration), which a cookie set by a browser does not follow.
 */
export async function assertOriginAllowed(q: Queryable, tenantId: string, headers: IncomingHttpHeaders): Promise<void> {
  const origin = headers.origin;
  if (origin === undefined) {
    if (headers['sec-fetch-site'] === 'cross-site') throw refused('cross-site request without an Origin');
    return;
  }
  const url = URL.canParse(origin) ? new URL(origin) : undefined;
  if (!url || url.origin === 'null') throw refused(`opaque origin ${origin.slice(0, 100)}`);
  // The page and the portal on the same host: the common case, decided without a query.
  if (url.host === headers.host?.toLowerCase()) return;
  const trusted = await loadTrustedOrigins(q, tenantId);
  if (trusted.hostnames.has(url.hostname) || trusted.embedOrigins.has(url.origin)) return;
  throw refused(`origin ${url.origin} not allowed`);
}

function refused(reason: string): AppError {
  return new AppError('origin_not_allowed', reason);
}
