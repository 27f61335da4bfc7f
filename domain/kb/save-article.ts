import { createHash } from 'node:crypto';
import type { Queryable } from '../../db/transaction.js';
import {
  findArticle,
  insertArticle,
  replaceChunks,
  updateArticle,
  type ArticleVisibility,
} from '../../db/repositories/kb.js';
import type { Language } from '../../i18n/languages.js';
import type { Embedder } from '../../kb-index/embedding/embedder.js';
import { analyzeText } from '../../kb-index/embedding/local-embedder.js';
import { chunkArticle } from '../../kb-index/import/chunk-article.js';

export type ArticleDraft = {
  slug: string;
  title: string;
  bodyMarkdown: string;
  lang: Language;
  tags: string[];
  visibility: ArticleVisibility;
  sourcePath: string | null;
};

export type SaveOutcome = { id: string; status: 'imported' | 'updated' | 'unchanged'; chunks: number };

export function contentHash(draft: ArticleDraft): string {
  return createHash('sha256')
    .update(JSON.stringify([draft.slug, draft.title, draft.bodyMarkdown, draft.lang, draft.tags, draft.visibility]))
    .digest('hex');
}

/** The text an embedder sees for a chunk: the title first, then where in the article it sits, then the chunk. */
export function chunkDocument(title: string, headingPath: string, text: string): string {
  return `${title}\n${headingPath}\n${text}`;
}

/** Splits, embeds and stores one article's chunks. */
export async function indexArticleChunks(
  q: Queryable,
  tenantId: string,
  article: { id: string; title: string; bodyMarkdown: string; lang: Language; visibility: ArticleVisibility },
  embedder: Embedder,
): Promise<number> {
  const chunks = chunkArticle(article.bodyMarkdown);
  const headings = chunks.map((c) => c.headingPath.join(' › '));
  const documents = chunks.map((c, i) => ({ text: chunkDocument(article.title, headings[i]!, c.text), lang: article.lang }));
  const vectors = await embedder.embedDocuments(documents);
  const analyses = await Promise.all(documents.map((d) => analyzeText(d.text, article.lang)));
  await replaceChunks(
    q,
    tenantId,
    article,
    chunks.map((c, i) => ({
      position: c.position,
      headingPath: headings[i]!,
      text: c.text,
      concepts: analyses[i]!.concepts.map((concept) => `cpt_${concept}`),
      embedding: vectors[i]!,
    })),
  );
  return chunks.length;
}

/**
 * Creates or updates an article found by id, else by import path, else by slug; an article whose content
 * has not changed is left alone, so re-importing a folder is cheap and never duplicates.
 */
export async function saveArticle(
  q: Queryable,
  tenantId: string,
  draft: ArticleDraft,
  embedder: Embedder,
  existingId?: string,
): Promise<SaveOutcome> {
  const hash = contentHash(draft);
  const existing = existingId
    ? await findArticle(q, tenantId, { id: existingId })
    : ((draft.sourcePath ? await findArticle(q, tenantId, { sourcePath: draft.sourcePath }) : undefined) ??
      (await findArticle(q, tenantId, { slug: draft.slug })));
  const row = { ...draft, bodyMd: draft.bodyMarkdown, contentHash: hash };
  if (existing && existing.content_hash === hash && existing.source_path === draft.sourcePath) {
    return { id: existing.id, status: 'unchanged', chunks: 0 };
  }
  const id = existing ? existing.id : await insertArticle(q, tenantId, row);
  if (existing) await updateArticle(q, tenantId, existing.id, row);
  const chunks = await indexArticleChunks(q, tenantId, { id, ...draft }, embedder);
  return { id, status: existing ? 'updated' : 'imported', chunks };
}
