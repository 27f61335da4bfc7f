import type pg from 'pg';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { revokeEnrollmentToken as revokeTokenRow } from '../../db/repositories/enrollment-tokens.js';
import { withTransaction } from '../../db/transaction.js';
import { requireTechnician } from '../access/require.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';

/** A technician revokes an enrollment token, say one sent to the wrong person: it enrolls no further device. */
export async function revokeEnrollmentToken(pool: pg.Pool, ctx: Ctx, tokenId: string): Promise<void> {
  requireTechnician(ctx);
  await withTransaction(pool, async (client) => {
    if (!(await revokeTokenRow(client, ctx.tenantId, tokenId))) throw new AppError('not_found', 'no such enrollment token');
    await insertAuditEntry(client, ctx.tenantId, {
      actorKind: 'technician',
      actorId: ctx.actor.id,
      action: 'enrollment_token.revoked',
      targetKind: 'enrollment_token',
      targetId: tokenId,
    });
  });
}
