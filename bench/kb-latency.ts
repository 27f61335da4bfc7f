import type pg from 'pg';
import { analyzeKnowledgeBase, dropVectorIndex, ensureVectorIndex, insertArticle, replaceChunks, type ChunkInput } from '../db/repositories/kb.js';
import { insertTenant } from '../db/repositories/tenants.js';
import { withTransaction } from '../db/transaction.js';
import { chunkDocument } from '../domain/kb/save-article.js';
import { searchKnowledgeBase } from '../domain/kb/search-articles.js';
import type { KnowledgeBase } from '../domain/kb/knowledge-base.js';
import type { Language } from '../i18n/languages.js';
import { analyzeText } from '../kb-index/embedding/local-embedder.js';
import { loadEvalSet } from './kb-quality.js';
import type { BenchRow } from './report.js';
import { summarize } from './stats.js';

const CHUNKS_PER_ARTICLE = 20;

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sentences of the demo articles by language: synthetic chunks are remixed from real support prose. */
async function sentencePool(pool: pg.Pool): Promise<Map<Language, string[]>> {
  const { rows } = await pool.query<{ lang: Language; text: string }>('SELECT lang, text FROM kb_chunks');
  const byLang = new Map<Language, string[]>();
  for (const row of rows) {
    const sentences = row.text.split(/(?<=[.!?])\s+/).filter((s) => s.length > 20);
    byLang.set(row.lang, [...(byLang.get(row.lang) ?? []), ...sentences]);
  }
  return byLang;
}

async function loadSyntheticChunks(kb: KnowledgeBase, tenantId: string, from: number, count: number, random: () => number, sentences: Map<Language, string[]>) {
  const embedder = await kb.embedder();
  const langs = [...sentences.keys()];
  for (let done = 0; done < count; done += CHUNKS_PER_ARTICLE) {
    const lang = langs[Math.floor(random() * langs.length)]!;
    const pool = sentences.get(lang)!;
    const title = pool[Math.floor(random() * pool.length)]!.slice(0, 80);
    const texts = Array.from({ length: Math.min(CHUNKS_PER_ARTICLE, count - done) }, () =>
      Array.from({ length: 8 + Math.floor(random() * 6) }, () => pool[Math.floor(random() * pool.length)]).join(' '),
    );
    const documents = texts.map((text) => ({ text: chunkDocument(title, '', text), lang }));
    const vectors = await embedder.embedDocuments(documents);
    const chunks: ChunkInput[] = await Promise.all(
      texts.map(async (text, i) => ({
        position: i,
        headingPath: '',
        text,
        concepts: (await analyzeText(documents[i]!.text, lang)).concepts.map((c) => `cpt_${c}`),
        embedding: vectors[i]!,
      })),
    );
    await withTransaction(kb.pool, async (client) => {
      const id = await insertArticle(client, tenantId, {
        slug: `bench-${from + done}`,
        title,
        bodyMd: texts.join('\n\n'),
        lang,
        tags: [],
        visibility: 'portal',
        sourcePath: null,
        contentHash: String(from + done),
      });
      await replaceChunks(client, tenantId, { id, title, lang, visibility: 'portal' }, chunks);
    });
  }
}

/** Search latency at growing sizes, beside a plain top-10 pgvector query on the same table; import and index build speed. */
export async function benchKbLatency(kb: KnowledgeBase, sizes = [1_000, 10_000, 50_000]): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const random = mulberry32(42);
  const sentences = await sentencePool(kb.pool);
  const tenant = await insertTenant(kb.pool, { name: 'Bench', slug: 'bench' });
  const queries = loadEvalSet().slice(0, 150);
  const embedder = await kb.embedder();
  const queryVectors = await Promise.all(queries.map((q) => embedder.embedQuery(q.query, q.lang)));
  let loaded = 0;
  for (const size of sizes) {
    process.stderr.write(`bench: kb at ${size} chunks…\n`);
    await dropVectorIndex(kb.pool);
    const started = performance.now();
    await loadSyntheticChunks(kb, tenant.id, loaded, size - loaded, random, sentences);
    const loadSeconds = (performance.now() - started) / 1000;
    rows.push({ group: 'kb import', name: `load ${size - loaded} chunks (embed + insert)`, value: `${Math.round((size - loaded) / loadSeconds)} chunks/s`, target: '≥ 300 chunks/s' });
    loaded = size;
    const indexStarted = performance.now();
    await ensureVectorIndex(kb.pool);
    await analyzeKnowledgeBase(kb.pool);
    rows.push({ group: 'kb import', name: `HNSW build at ${size} chunks`, value: `${((performance.now() - indexStarted) / 1000).toFixed(1)} s`, target: '—' });

    for (const q of queries.slice(0, 20)) await searchKnowledgeBase(kb, tenant.id, ['portal'], q.query, { preferredLang: q.lang, limit: 10 });
    const hybrid: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      await searchKnowledgeBase(kb, tenant.id, ['portal'], q.query, { preferredLang: q.lang, limit: 10 });
      hybrid.push(performance.now() - t);
    }
    const plain: number[] = [];
    for (const v of queryVectors) {
      const t = performance.now();
      await kb.pool.query('SELECT id FROM kb_chunks WHERE tenant_id = $1 ORDER BY embedding <=> $2::vector LIMIT 10', [tenant.id, `[${v.join(',')}]`]);
      plain.push(performance.now() - t);
    }
    const h = summarize(hybrid);
    const p = summarize(plain);
    const target = size === 10_000 ? 'p95 ≤ 30' : size === 50_000 ? 'p95 ≤ 60' : '—';
    rows.push({ group: 'kb search', name: `hybrid search, ${size} chunks (ms)`, ...h, target });
    rows.push({ group: 'kb search', name: `plain pgvector top-10, ${size} chunks (ms)`, ...p, value: `hybrid/plain p95 ×${(h.p95 / p.p95).toFixed(1)}`, target: '—' });
  }
  return rows;
}
