import * as z from 'zod';
import type { Queryable } from '../../db/transaction.js';
import { searchContacts, type ContactRow } from '../../db/repositories/principals.js';
import { requireTechnician } from '../access/require.js';
import type { Ctx } from '../context.js';

export const ListContactsQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ContactSummarySchema = z
  .object({
    id: z.string(),
    username: z.string(),
    name: z.string(),
    email: z.string(),
    companyId: z.string(),
    companyName: z.string(),
    language: z.string(),
    primary: z.boolean(),
    phone: z.string().nullable(),
  })
  .meta({ id: 'ContactSummary' });
export type ContactSummary = z.infer<typeof ContactSummarySchema>;

export async function listContacts(q: Queryable, ctx: Ctx, query: z.infer<typeof ListContactsQuerySchema>): Promise<ContactSummary[]> {
  requireTechnician(ctx);
  const rows = await searchContacts(q, ctx.tenantId, query.q || undefined, query.limit);
  return rows.map(contactSummary);
}

export function contactSummary(row: ContactRow): ContactSummary {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    email: row.email,
    companyId: row.company_id,
    companyName: row.company_name,
    language: row.language,
    primary: row.is_primary,
    phone: row.phone,
  };
}
