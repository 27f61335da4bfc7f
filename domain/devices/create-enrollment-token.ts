import type pg from 'pg';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { insertEnrollmentToken } from '../../db/repositories/enrollment-tokens.js';
import { findContactCompany } from '../../db/repositories/principals.js';
import { withTransaction } from '../../db/transaction.js';
import { requireTechnician } from '../access/require.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { hashToken, newToken } from './agent-token.js';
import { ENROLLMENT_TOKEN_LIMITS, type CreateEnrollmentTokenInput } from './device-schemas.js';

/**
 * A technician makes a token that enrolls a device into a company, or `maxUses` devices for a rollout; made for one
 * contact, it also assigns the devices to them. The token is shown once: only its hash is kept.
 */
export async function createEnrollmentToken(
  pool: pg.Pool,
  ctx: Ctx,
  input: CreateEnrollmentTokenInput,
): Promise<{ id: string; token: string; maxUses: number; expiresAt: string }> {
  requireTechnician(ctx);
  return withTransaction(pool, async (client) => {
    const { rows } = await client.query('SELECT 1 FROM companies WHERE tenant_id = $1 AND id = $2', [ctx.tenantId, input.companyId]);
    if (rows.length === 0) throw new AppError('not_found', 'no such company');
    if (input.contactId && (await findContactCompany(client, ctx.tenantId, input.contactId)) !== input.companyId) {
      throw new AppError('not_found', 'no such contact in this company');
    }
    const token = newToken('pet');
    const created = await insertEnrollmentToken(client, ctx.tenantId, {
      companyId: input.companyId,
      contactId: input.contactId ?? null,
      tokenHash: hashToken(token),
      maxUses: input.maxUses,
      validSeconds: (input.validDays ?? ENROLLMENT_TOKEN_LIMITS.defaultValidDays) * 86_400,
    });
    await insertAuditEntry(client, ctx.tenantId, {
      actorKind: 'technician',
      actorId: ctx.actor.id,
      action: 'enrollment_token.created',
      targetKind: 'enrollment_token',
      targetId: created.id,
      details: { companyId: input.companyId, contactId: input.contactId ?? null, maxUses: input.maxUses },
    });
    return { id: created.id, token, maxUses: input.maxUses, expiresAt: created.expires_at.toISOString() };
  });
}
