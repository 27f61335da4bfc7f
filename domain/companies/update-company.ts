import type pg from 'pg';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { findCompany, lockCompany, renameCompany } from '../../db/repositories/companies.js';
import { withTransaction } from '../../db/transaction.js';
import { requireAdmin } from '../access/require.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { claimEmailDomains } from './claim-email-domains.js';
import { companyView, type Company, type UpdateCompanyInput } from './company-schemas.js';

/** Renames a company or replaces its email domains; the audit row holds the values before and after. */
export async function updateCompany(pool: pg.Pool, ctx: Ctx, companyId: string, input: UpdateCompanyInput): Promise<Company> {
  requireAdmin(ctx);
  return withTransaction(pool, async (client) => {
    if (!(await lockCompany(client, ctx.tenantId, companyId))) throw new AppError('not_found', 'no such company');
    const before = companyView((await findCompany(client, ctx.tenantId, companyId))!);
    if (input.name !== undefined) await renameCompany(client, ctx.tenantId, companyId, input.name);
    if (input.emailDomains !== undefined) await claimEmailDomains(client, ctx.tenantId, companyId, input.emailDomains);
    const after = companyView((await findCompany(client, ctx.tenantId, companyId))!);
    await insertAuditEntry(client, ctx.tenantId, {
      actorKind: 'technician',
      actorId: ctx.actor.id,
      action: 'company.updated',
      targetKind: 'company',
      targetId: companyId,
      details: { before: { name: before.name, emailDomains: before.emailDomains }, after: { name: after.name, emailDomains: after.emailDomains } },
    });
    return after;
  });
}
