import { findArticle, incrementViews, type ArticleRow } from '../../db/repositories/kb.js';
import type { Queryable } from '../../db/transaction.js';
import type { Language } from '../../i18n/languages.js';
import { renderArticleHtml } from '../../kb-index/render/render-article.js';
import { requireSection } from '../access/require.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import type { ArticleView } from './kb-schemas.js';
import { visibilitiesFor } from './knowledge-base.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An article the actor may read, by id or slug; another tenant's or a technicians-only one is not found. */
export async function loadVisibleArticle(q: Queryable, ctx: Ctx, ref: string): Promise<ArticleRow> {
  const article = await findArticle(q, ctx.tenantId, UUID.test(ref) ? { id: ref.toLowerCase() } : { slug: ref.toLowerCase() });
  if (!article || !visibilitiesFor(ctx.actor.kind).includes(article.visibility)) throw new AppError('not_found', 'article not visible');
  return article;
}

export function articleView(article: ArticleRow, ctx: Ctx): ArticleView {
  const technician = ctx.actor.kind === 'technician';
  return {
    id: article.id,
    slug: article.slug,
    title: article.title,
    lang: article.lang as Language,
    tags: article.tags,
    html: renderArticleHtml(article.body_md),
    ...(technician ? { markdown: article.body_md, visibility: article.visibility } : {}),
    views: article.view_count,
    helpful: article.helpful_count,
    notHelpful: article.not_helpful_count,
    updatedAt: article.updated_at.toISOString(),
  };
}

/** Reading an article counts a view. */
export async function getArticle(q: Queryable, ctx: Ctx, ref: string): Promise<ArticleView> {
  await requireSection(q, ctx, 'knowledgeBase');
  const article = await loadVisibleArticle(q, ctx, ref);
  await incrementViews(q, ctx.tenantId, article.id);
  return articleView({ ...article, view_count: article.view_count + 1 }, ctx);
}
