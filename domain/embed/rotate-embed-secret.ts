import { insertAuditEntry } from '../../db/repositories/audit.js';
import { replaceEmbedSecret } from '../../db/repositories/embed.js';
import { withTransaction } from '../../db/transaction.js';
import { requireAdmin } from '../access/require.js';
import type { Ctx } from '../context.js';
import { newEmbedSecret, requireSecretBox, sealingContext, type EmbedSecretDeps } from './embed-secret.js';
import type { EmbedSecretSchema } from './get-embed-secret.js';
import type * as z from 'zod';

/** Replaces the tenant's embed secret (admins): identities signed with the old one are refused from now on. */
export async function rotateEmbedSecret(deps: EmbedSecretDeps, ctx: Ctx): Promise<z.infer<typeof EmbedSecretSchema>> {
  requireAdmin(ctx);
  const secrets = requireSecretBox(deps.secrets);
  const secret = newEmbedSecret();
  const createdAt = await withTransaction(deps.pool, async (client) => {
    const at = await replaceEmbedSecret(client, ctx.tenantId, secrets.seal(secret, sealingContext(ctx.tenantId)));
    await insertAuditEntry(client, ctx.tenantId, { actorKind: 'technician', actorId: ctx.actor.id, action: 'embed.secret_rotated', details: {} });
    return at;
  });
  return { secret, createdAt: createdAt.toISOString() };
}
