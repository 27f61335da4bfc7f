import { domainsHeldElsewhere, replaceCompanyDomains } from '../../db/repositories/companies.js';
import { isUniqueViolation } from '../../db/repositories/conversations.js';
import type { Queryable } from '../../db/transaction.js';
import { AppError } from '../errors.js';

function domainTaken(domain: string, cause?: unknown): AppError {
  return new AppError('email_domain_taken', `email domain ${domain} belongs to another company`, { params: { domain }, cause });
}

/**
 * Makes `domains` the company's set, refusing one that another company of the tenant holds: an email domain says
 * which company a new sender belongs to, so it can name only one. The primary key settles two claims at once.
 */
export async function claimEmailDomains(q: Queryable, tenantId: string, companyId: string, domains: string[]): Promise<void> {
  const [held] = await domainsHeldElsewhere(q, tenantId, companyId, domains);
  if (held) throw domainTaken(held);
  try {
    await replaceCompanyDomains(q, tenantId, companyId, domains);
  } catch (error) {
    if (isUniqueViolation(error)) throw domainTaken(domains.join(', '), error);
    throw error;
  }
}
