import { basename, extname } from 'node:path';
import { analyzeKnowledgeBase, deleteArticle, dropVectorIndex, ensureVectorIndex, findIndexState, listImportedArticles, prepareVectorColumn } from '../../db/repositories/kb.js';
import { withTransaction } from '../../db/transaction.js';
import { detectLanguage } from '../../kb-index/language/detect-language.js';
import { parseArticleFile } from '../../kb-index/import/parse-article-file.js';
import type { Embedder } from '../../kb-index/embedding/embedder.js';
import type { ImportSummary } from './kb-schemas.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { saveArticle } from './save-article.js';
import { slugify } from './slugify.js';

export type ArticleFile = { relativePath: string; content: Buffer };

export type ImportProgress = { done: number; total: number; path: string };

// Past this many new chunks, dropping the HNSW index and rebuilding it once is faster than inserting into it.
const BULK_THRESHOLD = 500;

/** Makes the vector column match the embedder before anything is stored with it. */
export async function prepareIndex(kb: KnowledgeBase): Promise<Embedder> {
  const embedder = await kb.embedder();
  const state = await findIndexState(kb.pool);
  if (!state || state.embedder !== embedder.name || state.dimension !== embedder.dimension) {
    await prepareVectorColumn(kb.pool, embedder.name, embedder.dimension);
  }
  return embedder;
}

/**
 * Imports a set of article files into one tenant's knowledge base (the CLI's folder, or a technician's
 * upload). Each file is its own short transaction, so the server keeps answering during a long import.
 */
export async function importArticles(
  kb: KnowledgeBase,
  tenantId: string,
  files: ArticleFile[],
  options: { prune?: boolean; onProgress?: (progress: ImportProgress) => void } = {},
): Promise<ImportSummary> {
  const embedder = await prepareIndex(kb);
  const summary: ImportSummary = { imported: 0, updated: 0, unchanged: 0, removed: 0, skipped: [], chunks: 0 };
  const seenPaths = new Set<string>();
  const slugOwners = new Map<string, string>();
  const bulk = files.length * 3 > BULK_THRESHOLD;
  if (bulk) await dropVectorIndex(kb.pool);
  try {
    for (const [index, file] of files.entries()) {
      options.onProgress?.({ done: index, total: files.length, path: file.relativePath });
      // A file that is present but unreadable keeps its earlier article: pruning is for files that are gone.
      seenPaths.add(file.relativePath);
      const parsed = parseArticleFile(file.relativePath, file.content);
      if (!parsed.ok) {
        summary.skipped.push({ path: file.relativePath, reason: parsed.reason });
        continue;
      }
      const article = parsed.article;
      const lang = article.lang ?? (await detectLanguage(`${article.title}\n${article.bodyMarkdown}`))?.lang;
      if (!lang) {
        summary.skipped.push({ path: file.relativePath, reason: 'no lang in the front matter, and the language could not be detected' });
        continue;
      }
      const slug = article.slug ?? slugify(basename(file.relativePath, extname(file.relativePath)));
      const owner = slugOwners.get(slug);
      if (owner) {
        summary.skipped.push({ path: file.relativePath, reason: `slug "${slug}" is already used by ${owner}` });
        continue;
      }
      slugOwners.set(slug, file.relativePath);
      const outcome = await withTransaction(kb.pool, (client) =>
        saveArticle(
          client,
          tenantId,
          { slug, title: article.title, bodyMarkdown: article.bodyMarkdown, lang, tags: article.tags, visibility: 'portal', sourcePath: file.relativePath },
          embedder,
        ),
      );
      summary[outcome.status] += 1;
      summary.chunks += outcome.chunks;
    }
    if (options.prune) {
      for (const stale of await listImportedArticles(kb.pool, tenantId)) {
        if (!seenPaths.has(stale.source_path) && (await deleteArticle(kb.pool, tenantId, stale.id))) summary.removed += 1;
      }
    }
  } finally {
    await ensureVectorIndex(kb.pool);
    if (bulk) await analyzeKnowledgeBase(kb.pool);
  }
  options.onProgress?.({ done: files.length, total: files.length, path: '' });
  return summary;
}
