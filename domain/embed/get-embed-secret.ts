import * as z from 'zod';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { insertEmbedSecretIfAbsent } from '../../db/repositories/embed.js';
import { withTransaction } from '../../db/transaction.js';
import { requireAdmin } from '../access/require.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { newEmbedSecret, readEmbedSecret, requireSecretBox, sealingContext, type EmbedSecretDeps } from './embed-secret.js';

export const EmbedSecretSchema = z
  .object({ secret: z.string(), createdAt: z.iso.datetime() })
  .meta({ id: 'EmbedSecret', description: 'The key host pages sign verified identities with: HMAC-SHA256 over `email:expires`.' });

/** The tenant's embed secret (admins); the first read creates it, so a tenant that never embeds has none to steal. */
export async function getEmbedSecret(deps: EmbedSecretDeps, ctx: Ctx): Promise<z.infer<typeof EmbedSecretSchema>> {
  requireAdmin(ctx);
  const secrets = requireSecretBox(deps.secrets);
  const existing = await readEmbedSecret(deps.pool, secrets, ctx.tenantId);
  if (existing) return { secret: existing.secret, createdAt: existing.createdAt.toISOString() };
  await withTransaction(deps.pool, async (client) => {
    const created = await insertEmbedSecretIfAbsent(client, ctx.tenantId, secrets.seal(newEmbedSecret(), sealingContext(ctx.tenantId)));
    if (created) await insertAuditEntry(client, ctx.tenantId, { actorKind: 'technician', actorId: ctx.actor.id, action: 'embed.secret_created', details: {} });
  });
  const stored = await readEmbedSecret(deps.pool, secrets, ctx.tenantId);
  // A secret sealed with a key this server no longer has: only a rotation replaces it.
  if (!stored) throw new AppError('unavailable', 'the stored embed secret cannot be opened with this server key; rotate it');
  return { secret: stored.secret, createdAt: stored.createdAt.toISOString() };
}
