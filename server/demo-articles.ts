import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importArticles } from '../domain/kb/import-articles.js';
import type { KnowledgeBase } from '../domain/kb/knowledge-base.js';
import type { ImportSummary } from '../domain/kb/kb-schemas.js';
import { listArticleFiles } from '../kb-index/import/walk-folder.js';

export const DEMO_ARTICLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'kb-index', 'demo-articles');

export async function readArticleFolder(root: string) {
  const found = await listArticleFiles(root);
  return Promise.all(found.map(async (f) => ({ relativePath: f.relativePath, content: await readFile(f.absolutePath) })));
}

export async function importDemoArticles(kb: KnowledgeBase, tenantId: string): Promise<ImportSummary> {
  return importArticles(kb, tenantId, await readArticleFolder(DEMO_ARTICLES_DIR));
}
