import { findMailTenants, listTenantIds } from '../../db/repositories/inbound-emails.js';
import type { Queryable } from '../../db/transaction.js';
import { normalizeEmailDomain } from '../companies/email-domain.js';

/**
 * The tenant a recipient address belongs to. Any name at one of a tenant's hostnames (`support@acme.portal.example`,
 * the Reply-To of every notification, or its custom hostname) reaches that tenant; so does any name at one of its
 * companies' email domains, for an MSP that forwards `helpdesk@customer.example` to Portico. A domain that names two
 * tenants names none. In embedded mode the only tenant takes every recipient, so a single install needs no DNS.
 */
export async function resolveMailTenant(q: Queryable, recipient: string, embedded: boolean): Promise<string | undefined> {
  const at = recipient.lastIndexOf('@');
  const domain = at > 0 ? normalizeEmailDomain(recipient.slice(at + 1)) : undefined;
  if (domain) {
    const tenants = await findMailTenants(q, domain);
    if (tenants.length === 1) return tenants[0];
    if (tenants.length > 1) return undefined;
  }
  if (!embedded) return undefined;
  const all = await listTenantIds(q);
  return all.length === 1 ? all[0] : undefined;
}
