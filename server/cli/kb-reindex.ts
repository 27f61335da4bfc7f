import { reindexKnowledgeBase } from '../../domain/kb/reindex-knowledge-base.js';
import { createKnowledgeBase } from '../knowledge-base.js';
import { openForCli } from './open-for-cli.js';
import { createProgress } from './progress.js';

const { config, db } = await openForCli();
try {
  const progress = createProgress('Re-indexing');
  const started = performance.now();
  const result = await reindexKnowledgeBase(createKnowledgeBase(db.pool, config.openai), (p) => progress.update(p.done, p.total, p.path));
  progress.stop();
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`Re-indexed ${result.articles} articles, ${result.chunks} chunks in ${seconds.toFixed(1)} s\n`);
} finally {
  await db.close();
}
