import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/database.js';
import { migrate } from '../../db/migrate.js';
import { seedDemoHistory } from '../../db/seed/demo-history.js';
import { seedDemoTenant } from '../../db/seed/demo-tenant.js';
import { importDemoArticles } from '../../server/demo-articles.js';
import { createKnowledgeBase } from '../../server/knowledge-base.js';

/** Creating a PGlite directory and indexing the demo KB take seconds; suites copy this finished one instead. */
export async function createTemplateDataDir(): Promise<void> {
  const dir = join(mkdtempSync(join(tmpdir(), 'portico-template-')), 'data');
  const db = await openDatabase({ dataDir: dir });
  await migrate(db.pool);
  const { tenantId } = await seedDemoTenant(db.pool, 'portal.test');
  await importDemoArticles(createKnowledgeBase(db.pool), tenantId);
  await seedDemoHistory(db.pool, tenantId);
  await db.close();
  process.env.PORTICO_TEST_TEMPLATE_DIR = dir;
}
