import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/database.js';
import { migrate } from '../../db/migrate.js';
import { seedDemoTenant } from '../../db/seed/demo-tenant.js';

/** Creating a PGlite directory takes seconds; suites copy this migrated, seeded one instead. */
export async function createTemplateDataDir(): Promise<void> {
  const dir = join(mkdtempSync(join(tmpdir(), 'portico-template-')), 'data');
  const db = await openDatabase({ dataDir: dir });
  await migrate(db.pool);
  await seedDemoTenant(db.pool, 'portal.test');
  await db.close();
  process.env.PORTICO_TEST_TEMPLATE_DIR = dir;
}
