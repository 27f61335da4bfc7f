import type pg from 'pg';
import * as z from 'zod';
import { listEnrollmentTokens as listTokenRows } from '../../db/repositories/enrollment-tokens.js';
import { requireTechnician } from '../access/require.js';
import type { Ctx } from '../context.js';
import type { EnrollmentTokenView } from './device-schemas.js';

export const ListEnrollmentTokensQuerySchema = z.strictObject({
  companyId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** The tenant's enrollment tokens, newest first, with how many uses each had and has: never the token itself. */
export async function listEnrollmentTokens(pool: pg.Pool, ctx: Ctx, query: z.infer<typeof ListEnrollmentTokensQuerySchema>): Promise<EnrollmentTokenView[]> {
  requireTechnician(ctx);
  const rows = await listTokenRows(pool, ctx.tenantId, query.companyId ?? null, query.limit);
  return rows.map((row) => ({
    id: row.id,
    companyId: row.company_id,
    companyName: row.company_name,
    contactId: row.contact_id,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    uses: row.uses,
    maxUses: row.max_uses,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  }));
}
