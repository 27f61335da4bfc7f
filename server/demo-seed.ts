import { seedDemoHistory } from '../db/seed/demo-history.js';
import { seedDemoTenant, type SeedResult } from '../db/seed/demo-tenant.js';
import type { ImportSummary } from '../domain/kb/kb-schemas.js';
import type { KnowledgeBase } from '../domain/kb/knowledge-base.js';
import { importDemoArticles } from './demo-articles.js';

/**
 * The demo tenant as `PORTICO_SEED=demo` leaves it: its companies, people and devices, its knowledge base, and the
 * history that cites the articles. A database that has it already is left alone (and answers no articles).
 */
export async function seedDemo(kb: KnowledgeBase, baseDomain: string): Promise<SeedResult & { articles?: ImportSummary }> {
  const seed = await seedDemoTenant(kb.pool, baseDomain);
  if (!seed.seeded) return seed;
  const articles = await importDemoArticles(kb, seed.tenantId);
  await seedDemoHistory(kb.pool, seed.tenantId);
  return { ...seed, articles };
}
