import { listArticlesForAdmin, listArticleTags } from '../../db/repositories/kb.js';
import type { Queryable } from '../../db/transaction.js';
import type { Language } from '../../i18n/languages.js';
import { requireTechnician } from '../access/require.js';
import type { Ctx } from '../context.js';
import type { AdminArticlePage, AdminArticleQuery } from './kb-schemas.js';

/** The console's article list: every article of the tenant, technicians-only ones included, filtered and paged. */
export async function listArticlesForTechnicians(q: Queryable, ctx: Ctx, query: AdminArticleQuery): Promise<AdminArticlePage> {
  requireTechnician(ctx);
  const [{ rows, total }, tags] = await Promise.all([
    listArticlesForAdmin(q, ctx.tenantId, {
      text: query.q,
      lang: query.language,
      visibility: query.visibility,
      tag: query.tag,
      limit: query.limit,
      offset: query.offset,
    }),
    listArticleTags(q, ctx.tenantId),
  ]);
  return {
    articles: rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      title: row.title,
      lang: row.lang as Language,
      tags: row.tags,
      visibility: row.visibility,
      views: row.view_count,
      helpful: row.helpful_count,
      notHelpful: row.not_helpful_count,
      updatedAt: row.updated_at.toISOString(),
    })),
    total,
    limit: query.limit,
    offset: query.offset,
    tags,
  };
}
