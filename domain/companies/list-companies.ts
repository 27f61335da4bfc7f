import { listCompanies as listCompanyRows } from '../../db/repositories/companies.js';
import type { Queryable } from '../../db/transaction.js';
import { requireTechnician } from '../access/require.js';
import type { Ctx } from '../context.js';
import { companyView, type Company } from './company-schemas.js';

export async function listCompanies(q: Queryable, ctx: Ctx): Promise<Company[]> {
  requireTechnician(ctx);
  return (await listCompanyRows(q, ctx.tenantId)).map(companyView);
}
