import type { Queryable } from '../../db/transaction.js';
import type { Language } from '../../i18n/languages.js';
import { requireTechnician } from '../access/require.js';
import type { Ctx } from '../context.js';
import { loadVisibleArticle } from './get-article.js';
import type { ArticleSource } from './kb-schemas.js';

/**
 * An article as the editor opens it: its Markdown source and fields. Unlike the reader's route it counts no view and
 * does not depend on the knowledge-base section being on for the technician.
 */
export async function getArticleSource(q: Queryable, ctx: Ctx, ref: string): Promise<ArticleSource> {
  requireTechnician(ctx);
  const article = await loadVisibleArticle(q, ctx, ref);
  return {
    id: article.id,
    slug: article.slug,
    title: article.title,
    lang: article.lang as Language,
    tags: article.tags,
    visibility: article.visibility,
    body: article.body_md,
    sourcePath: article.source_path,
    updatedAt: article.updated_at.toISOString(),
  };
}
