import type { Logger } from 'pino';
import type { KnowledgeBase } from '../../domain/kb/knowledge-base.js';
import { reindexKnowledgeBase } from '../../domain/kb/reindex-knowledge-base.js';
import { embedderMismatch } from '../knowledge-base.js';
import type { JobQueue } from './job-queue.js';

// A line in the log every tenth of the work: a long re-index shows it is moving.
const PROGRESS_STEPS = 10;

/**
 * When the stored vectors come from another embedder than the configured one, re-indexes the knowledge base in the
 * background, on the job queue, while search answers from full text: a new model needs no command run by hand.
 */
export async function reindexWhenEmbedderChanged(jobs: JobQueue, kb: KnowledgeBase, logger: Logger): Promise<void> {
  jobs.handle('kb.reindex', async () => {
    // Another node may have taken the same job, or done it already.
    if (!(await embedderMismatch(kb))) return;
    let logged = -1;
    const result = await reindexKnowledgeBase(kb, ({ done, total }) => {
      const step = total === 0 ? PROGRESS_STEPS : Math.floor((done / total) * PROGRESS_STEPS);
      if (step === logged) return;
      logged = step;
      logger.info({ done, total }, 're-indexing the knowledge base');
    });
    logger.info(result, 'knowledge base re-indexed');
  });
  const mismatch = await embedderMismatch(kb);
  if (!mismatch) return;
  logger.warn(mismatch, 'The knowledge-base vectors come from another embedding model: re-indexing in the background; until it is done search uses full text only.');
  await jobs.enqueue('kb.reindex', {});
}
