import { domainToASCII } from 'node:url';
import { isServedHostname } from '../../db/repositories/custom-hostnames.js';
import type { Queryable } from '../../db/transaction.js';

/**
 * Whether a reverse proxy may get a TLS certificate for this name (Caddy's on-demand TLS asks before each issuance):
 * only for a generated hostname or an active custom one, so nobody can make the proxy request certificates for names
 * that merely point at it. Public and answered the same for every other name, so it says no more than DNS does.
 */
export async function isCertificateAllowed(q: Queryable, domain: string): Promise<boolean> {
  const hostname = domainToASCII(domain.trim().toLowerCase().replace(/\.$/, ''));
  return hostname !== '' && (await isServedHostname(q, hostname));
}
