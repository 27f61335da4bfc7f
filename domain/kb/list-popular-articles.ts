import { listPopularArticles } from '../../db/repositories/kb.js';
import type { Queryable } from '../../db/transaction.js';
import type { Language } from '../../i18n/languages.js';
import { requireSection } from '../access/require.js';
import type { Ctx } from '../context.js';
import { visibilitiesFor } from './knowledge-base.js';

export async function listPopular(q: Queryable, ctx: Ctx, limit: number) {
  await requireSection(q, ctx, 'knowledgeBase');
  const rows = await listPopularArticles(q, ctx.tenantId, visibilitiesFor(ctx.actor.kind), limit);
  return rows.map((r) => ({ articleId: r.id, slug: r.slug, title: r.title, lang: r.lang as Language, views: r.view_count }));
}
