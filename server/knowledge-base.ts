import type pg from 'pg';
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

/** What made the stored vectors and what the configuration asks for, when they differ: search then runs on text alone. */
export async function embedderMismatch(kb: KnowledgeBase): Promise<{ stored: { embedder: string; dimension: number }; configured: { embedder: string; dimension: number } } | undefined> {
  const state = await findIndexState(kb.pool);
  if (!state) return undefined;
  const embedder = await kb.embedder();
  if (state.embedder === embedder.name && state.dimension === embedder.dimension) return undefined;
  return { stored: state, configured: { embedder: embedder.name, dimension: embedder.dimension } };
}
