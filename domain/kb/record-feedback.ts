import { recordArticleFeedback } from '../../db/repositories/kb.js';
import type { Queryable } from '../../db/transaction.js';
import { requireSection } from '../access/require.js';
import type { Ctx } from '../context.js';
import { loadVisibleArticle } from './get-article.js';

export async function recordFeedback(q: Queryable, ctx: Ctx, ref: string, helpful: boolean): Promise<{ helpful: number; notHelpful: number }> {
  await requireSection(q, ctx, 'knowledgeBase');
  const article = await loadVisibleArticle(q, ctx, ref);
  const reader = { kind: ctx.actor.kind, id: ctx.actor.id, companyId: ctx.actor.kind === 'contact' ? ctx.actor.companyId : null };
  return recordArticleFeedback(q, ctx.tenantId, article.id, helpful, reader);
}
