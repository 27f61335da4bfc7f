import * as z from 'zod';
import { listTechnicians as selectTechnicians } from '../../db/repositories/technicians.js';
import type { Queryable } from '../../db/transaction.js';
import { requireTechnician } from '../access/require.js';
import type { Ctx } from '../context.js';

export const TechnicianSummarySchema = z
  .object({ id: z.string(), name: z.string(), admin: z.boolean() })
  .meta({ id: 'TechnicianSummary', description: 'A technician a ticket can be assigned to.' });
export type TechnicianSummary = z.infer<typeof TechnicianSummarySchema>;

/** The tenant's technicians by name, for the assignee picker; no sign-in names or addresses leave. */
export async function listTechnicians(q: Queryable, ctx: Ctx): Promise<TechnicianSummary[]> {
  requireTechnician(ctx);
  return (await selectTechnicians(q, ctx.tenantId)).map((row) => ({ id: row.id, name: row.name, admin: row.is_admin }));
}
