import { parseArgs } from 'node:util';
import { findTenantByHostname, findTenantBySlug } from '../../db/repositories/tenants.js';
import { DEMO_SLUG } from '../../db/seed/demo-tenant.js';
import { importArticles } from '../../domain/kb/import-articles.js';
import { readArticleFolder } from '../demo-articles.js';
import { createKnowledgeBase } from '../knowledge-base.js';
import { fail, openForCli } from './open-for-cli.js';
import { createProgress } from './progress.js';

const USAGE = 'Usage: npm run kb:import -- <folder> [--tenant <hostname>] [--prune]';

const { values, positionals } = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { tenant: { type: 'string' }, prune: { type: 'boolean', default: false } } });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
})();
if (positionals.length !== 1) fail(USAGE);

const files = await readArticleFolder(positionals[0]!).catch((error: Error) => fail(error.message));
const { config, db } = await openForCli();
try {
  const tenant = values.tenant ? await findTenantByHostname(db.pool, values.tenant.toLowerCase()) : await findTenantBySlug(db.pool, DEMO_SLUG);
  if (!tenant) fail(values.tenant ? `No tenant answers on ${values.tenant}.` : 'No demo tenant here: name one with --tenant <hostname>.');
  const progress = createProgress('Importing');
  const started = performance.now();
  const summary = await importArticles(createKnowledgeBase(db.pool, config.openai), tenant.id, files, {
    prune: values.prune,
    onProgress: (p) => progress.update(p.done, p.total, p.path),
  });
  progress.stop();
  const seconds = (performance.now() - started) / 1000;
  const lines = [
    `Knowledge base of ${tenant.name}: ${files.length} files in ${seconds.toFixed(1)} s`,
    `  imported  ${summary.imported}`,
    `  updated   ${summary.updated}`,
    `  unchanged ${summary.unchanged}`,
    `  removed   ${summary.removed}`,
    `  skipped   ${summary.skipped.length}`,
    ...summary.skipped.map((s) => `    ${s.path}: ${s.reason}`),
    `  chunks indexed ${summary.chunks} (${Math.round(summary.chunks / Math.max(seconds, 0.001))}/s)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await db.close();
}
