import type pg from 'pg';
import type { Logger } from 'pino';
import { findIndexState } from '../db/repositories/kb.js';
import type { KnowledgeBase } from '../domain/kb/knowledge-base.js';
import type { Embedder } from '../kb-index/embedding/embedder.js';
import type { Config } from '../config/env.js';
import { createEmbedder } from '../kb-index/embedding/create-embedder.js';

/** The embedder is built on first use, so that start-up does not wait for the lexicon and language model. */
export function createKnowledgeBase(pool: pg.Pool, openai: Config['openai'] = {}): KnowledgeBase {
  let embedder: Promise<Embedder> | undefined;
  return {
    pool,
    embedder: () => {
      embedder ??= createEmbedder(openai);
      embedder.catch(() => (embedder = undefined));
      return embedder;
    },
  };
}

/** Says at start when the stored vectors were made by another embedder: search then runs on text alone. */
export async function warnOnEmbedderMismatch(kb: KnowledgeBase, logger: Logger): Promise<void> {
  const state = await findIndexState(kb.pool);
  if (!state) return;
  const embedder = await kb.embedder();
  if (state.embedder !== embedder.name || state.dimension !== embedder.dimension) {
    logger.warn(
      { stored: state, configured: { embedder: embedder.name, dimension: embedder.dimension } },
      'The knowledge-base vectors come from another embedding model; run `npm run kb:reindex`. Until then search uses full text only.',
    );
  }
}
