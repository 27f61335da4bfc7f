import type pg from 'pg';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { setPrincipalLanguage } from '../../db/repositories/principals.js';
import { withTransaction } from '../../db/transaction.js';
import type { Language } from '../../i18n/languages.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';

/**
 * The signed-in user picks the language of the portal, their emails and texts, and the assistant's answers. It is
 * saved on their record, so every open window and every channel follows it from the next event on.
 */
export async function setMyLanguage(pool: pg.Pool, ctx: Ctx, language: Language): Promise<Ctx> {
  await withTransaction(pool, async (client) => {
    if (!(await setPrincipalLanguage(client, ctx.tenantId, ctx.actor, language))) throw new AppError('not_found', 'no such user');
    await insertAuditEntry(client, ctx.tenantId, {
      actorKind: ctx.actor.kind,
      actorId: ctx.actor.id,
      action: 'user.language_set',
      targetKind: ctx.actor.kind,
      targetId: ctx.actor.id,
      details: { language },
    });
  });
  return { ...ctx, actor: { ...ctx.actor, language } };
}
