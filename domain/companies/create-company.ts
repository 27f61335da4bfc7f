import type pg from 'pg';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { insertCompany } from '../../db/repositories/companies.js';
import { withTransaction } from '../../db/transaction.js';
import { requireAdmin } from '../access/require.js';
import type { Ctx } from '../context.js';
import { claimEmailDomains } from './claim-email-domains.js';
import type { Company, CreateCompanyInput } from './company-schemas.js';

export async function createCompany(pool: pg.Pool, ctx: Ctx, input: CreateCompanyInput): Promise<Company> {
  requireAdmin(ctx);
  return withTransaction(pool, async (client) => {
    const id = await insertCompany(client, ctx.tenantId, input.name);
    await claimEmailDomains(client, ctx.tenantId, id, input.emailDomains);
    await insertAuditEntry(client, ctx.tenantId, {
      actorKind: 'technician',
      actorId: ctx.actor.id,
      action: 'company.created',
      targetKind: 'company',
      targetId: id,
      details: { name: input.name, emailDomains: input.emailDomains },
    });
    return { id, name: input.name, emailDomains: input.emailDomains };
  });
}
