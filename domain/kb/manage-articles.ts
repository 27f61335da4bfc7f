import { insertAuditEntry } from '../../db/repositories/audit.js';
import { deleteArticle as removeArticle, findArticle } from '../../db/repositories/kb.js';
import { withTransaction } from '../../db/transaction.js';
import { requireTechnician } from '../access/require.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { prepareIndex } from './import-articles.js';
import type { ArticleInput, ArticleView } from './kb-schemas.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { articleView, loadVisibleArticle } from './get-article.js';
import { saveArticle } from './save-article.js';
import { slugify } from './slugify.js';

/** Technicians write articles; a change re-indexes that article alone. */
export async function createArticle(kb: KnowledgeBase, ctx: Ctx, input: ArticleInput): Promise<ArticleView> {
  requireTechnician(ctx);
  const slug = input.slug ?? slugify(input.title);
  if (await findArticle(kb.pool, ctx.tenantId, { slug })) {
    throw new AppError('article_slug_taken', `slug ${slug} taken`, { params: { slug } });
  }
  return writeArticle(kb, ctx, input, slug, undefined, null);
}

export async function updateArticleContent(kb: KnowledgeBase, ctx: Ctx, ref: string, input: ArticleInput): Promise<ArticleView> {
  requireTechnician(ctx);
  const current = await loadVisibleArticle(kb.pool, ctx, ref);
  const slug = input.slug ?? current.slug;
  const clash = slug !== current.slug ? await findArticle(kb.pool, ctx.tenantId, { slug }) : undefined;
  if (clash) throw new AppError('article_slug_taken', `slug ${slug} taken`, { params: { slug } });
  return writeArticle(kb, ctx, input, slug, current.id, current.source_path);
}

async function writeArticle(
  kb: KnowledgeBase,
  ctx: Ctx,
  input: ArticleInput,
  slug: string,
  existingId: string | undefined,
  sourcePath: string | null,
): Promise<ArticleView> {
  const embedder = await prepareIndex(kb);
  const id = await withTransaction(kb.pool, async (client) => {
    const outcome = await saveArticle(
      client,
      ctx.tenantId,
      { slug, title: input.title, bodyMarkdown: input.body, lang: input.lang, tags: input.tags, visibility: input.visibility, sourcePath },
      embedder,
      existingId,
    );
    await insertAuditEntry(client, ctx.tenantId, {
      actorKind: 'technician',
      actorId: ctx.actor.id,
      action: existingId ? 'kb.article_updated' : 'kb.article_created',
      targetKind: 'kb_article',
      targetId: outcome.id,
      details: { slug },
    });
    return outcome.id;
  });
  return articleView((await findArticle(kb.pool, ctx.tenantId, { id }))!, ctx);
}

export async function deleteArticle(kb: KnowledgeBase, ctx: Ctx, ref: string): Promise<void> {
  requireTechnician(ctx);
  const article = await loadVisibleArticle(kb.pool, ctx, ref);
  await withTransaction(kb.pool, async (client) => {
    await removeArticle(client, ctx.tenantId, article.id);
    await insertAuditEntry(client, ctx.tenantId, {
      actorKind: 'technician',
      actorId: ctx.actor.id,
      action: 'kb.article_deleted',
      targetKind: 'kb_article',
      targetId: article.id,
      details: { slug: article.slug },
    });
  });
}
