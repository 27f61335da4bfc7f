import { analyzeKnowledgeBase, dropVectorIndex, ensureVectorIndex, listArticlesForIndexing, prepareVectorColumn } from '../../db/repositories/kb.js';
import { listTenants } from '../../db/repositories/tenants.js';
import { withTransaction } from '../../db/transaction.js';
import type { Language } from '../../i18n/languages.js';
import type { ImportProgress } from './import-articles.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { indexArticleChunks } from './save-article.js';

/** Re-chunks and re-embeds every article of every tenant with the current embedder, then rebuilds the vector index once. */
export async function reindexKnowledgeBase(kb: KnowledgeBase, onProgress?: (p: ImportProgress) => void): Promise<{ articles: number; chunks: number }> {
  const embedder = await kb.embedder();
  await prepareVectorColumn(kb.pool, embedder.name, embedder.dimension);
  const work = [];
  for (const tenant of await listTenants(kb.pool)) {
    for (const article of await listArticlesForIndexing(kb.pool, tenant.id)) work.push({ tenantId: tenant.id, article });
  }
  await dropVectorIndex(kb.pool);
  let chunks = 0;
  try {
    for (const [i, { tenantId, article }] of work.entries()) {
      onProgress?.({ done: i, total: work.length, path: article.title });
      chunks += await withTransaction(kb.pool, (client) =>
        indexArticleChunks(
          client,
          tenantId,
          { id: article.id, title: article.title, bodyMarkdown: article.body_md, lang: article.lang as Language, visibility: article.visibility },
          embedder,
        ),
      );
    }
  } finally {
    await ensureVectorIndex(kb.pool);
    await analyzeKnowledgeBase(kb.pool);
  }
  onProgress?.({ done: work.length, total: work.length, path: '' });
  return { articles: work.length, chunks };
}
