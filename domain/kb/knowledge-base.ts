import type pg from 'pg';
import type { Embedder } from '../../kb-index/embedding/embedder.js';

/** What the knowledge-base use cases need: the database and the embedder, created on first use. */
export type KnowledgeBase = { pool: pg.Pool; embedder: () => Promise<Embedder> };

export function visibilitiesFor(kind: 'contact' | 'technician'): ('portal' | 'technicians')[] {
  return kind === 'technician' ? ['portal', 'technicians'] : ['portal'];
}
