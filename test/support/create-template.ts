import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/database.js';
import { migrate } from '../../db/migrate.js';
import { seedDemo } from '../../server/demo-seed.js';
import { createKnowledgeBase } from '../../server/knowledge-base.js';

/**
 * Creating a PGlite directory and indexing the demo KB take seconds; suites copy these finished ones instead: `empty`
 * migrated with no tenant, `data` seeded with the demo tenant, its articles and history. Both under the returned folder.
 */
export async function createTemplateDataDir(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'portico-template-'));
  const empty = join(root, 'empty');
  const dir = join(root, 'data');
  const migrated = await openDatabase({ dataDir: empty });
  await migrate(migrated.pool);
  // Statistics made once here: a server started on a copy finds its tables analyzed and has no upkeep to do.
  await migrated.pool.query('ANALYZE');
  await migrated.close();
  cpSync(empty, dir, { recursive: true });
  const db = await openDatabase({ dataDir: dir });
  await seedDemo(createKnowledgeBase(db.pool), 'portal.test');
  await db.pool.query('ANALYZE');
  await db.close();
  process.env.PORTICO_TEST_EMPTY_DIR = empty;
  process.env.PORTICO_TEST_TEMPLATE_DIR = dir;
  return root;
}
