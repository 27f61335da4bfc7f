import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { seedDemoTenant } from '../db/seed/demo-tenant.js';
import { importDemoArticles } from '../server/demo-articles.js';
import { createKnowledgeBase } from '../server/knowledge-base.js';
import { benchKbLatency } from './kb-latency.js';
import { benchKbQuality } from './kb-quality.js';
import type { BenchRow } from './report.js';

/** The knowledge base's retrieval quality on the evaluation set, then its speed as the index grows. */
export async function benchKb(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'portico-bench-kb-'));
  const db = await openDatabase({ dataDir: join(dir, 'data') });
  try {
    await migrate(db.pool);
    const { tenantId } = await seedDemoTenant(db.pool, 'portal.bench');
    const kb = createKnowledgeBase(db.pool);
    const started = performance.now();
    const demo = await importDemoArticles(kb, tenantId);
    const demoSeconds = (performance.now() - started) / 1000;
    const rows: BenchRow[] = [
      { group: 'kb import', name: `demo KB: ${demo.imported} articles, ${demo.chunks} chunks`, value: `${demoSeconds.toFixed(2)} s`, target: '—' },
      ...(await benchKbQuality(kb, tenantId)),
    ];
    const sizes = (process.env.PORTICO_BENCH_KB_SIZES ?? '1000,10000,50000').split(',').map(Number);
    rows.push(...(await benchKbLatency(kb, sizes)));
    return rows;
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
