import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { FUSION, searchKnowledgeBase } from '../domain/kb/search-articles.js';
import type { KnowledgeBase } from '../domain/kb/knowledge-base.js';
import type { Language } from '../i18n/languages.js';
import { normalize, tokenize } from '../kb-index/text/normalize.js';
import type { BenchRow } from './report.js';

type EvalQuery = { id: string; lang: Language; query: string; relevant: string[]; cross: boolean; split: 'dev' | 'holdout' };

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'kb-eval.json');

export function loadEvalSet(): EvalQuery[] {
  return (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { queries: EvalQuery[] }).queries;
}

type Ranker = (query: EvalQuery) => Promise<string[]>;

function score(queries: EvalQuery[], rankings: string[][]) {
  let r1 = 0;
  let r5 = 0;
  let mrr = 0;
  queries.forEach((q, i) => {
    const ranked = rankings[i]!;
    const first = ranked.findIndex((slug) => q.relevant.includes(slug));
    if (first === 0) r1++;
    if (first >= 0 && first < 5) r5++;
    if (first >= 0) mrr += 1 / (first + 1);
  });
  const n = Math.max(1, queries.length);
  return { r1: r1 / n, r5: r5 / n, mrr: mrr / n };
}

/**
 * Okapi BM25 over whole articles with plain tokens (lowercase, accents stripped, no stemming, no
 * lexicon): the baseline any search engine starts from.
 */
async function bm25Ranker(pool: pg.Pool, tenantId: string): Promise<Ranker> {
  const { rows } = await pool.query<{ slug: string; title: string; body_md: string }>(
    "SELECT slug, title, body_md FROM kb_articles WHERE tenant_id = $1 AND visibility = 'portal'",
    [tenantId],
  );
  const docs = rows.map((r) => ({ slug: r.slug, tokens: tokenize(`${r.title} ${r.body_md}`) }));
  const avg = docs.reduce((s, d) => s + d.tokens.length, 0) / docs.length;
  const df = new Map<string, number>();
  const tfs = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const t of d.tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    return tf;
  });
  const k1 = 1.2;
  const b = 0.75;
  return async (query) => {
    const terms = [...new Set(tokenize(normalize(query.query)))];
    const scored = docs.map((d, i) => {
      let s = 0;
      for (const t of terms) {
        const f = tfs[i]!.get(t) ?? 0;
        if (!f) continue;
        const idf = Math.log(1 + (docs.length - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5));
        s += (idf * f * (k1 + 1)) / (f + k1 * (1 - b + (b * d.tokens.length) / avg));
      }
      return { slug: d.slug, s };
    });
    return scored.filter((x) => x.s > 0).sort((x, y) => y.s - x.s).slice(0, 10).map((x) => x.slug);
  };
}

/** recall@1, recall@5 and MRR of full text alone, vector alone, the hybrid, and a BM25 baseline, per split. */
export async function benchKbQuality(kb: KnowledgeBase, tenantId: string): Promise<BenchRow[]> {
  const queries = loadEvalSet();
  const viaSearch =
    (weights: { vector: number; text: number; title: number }): Ranker =>
    async (q) =>
      (await searchKnowledgeBase(kb, tenantId, ['portal'], q.query, { preferredLang: q.lang, limit: 10, weights })).map((r) => r.slug);
  const rankers: [string, Ranker][] = [
    ['BM25 baseline', await bm25Ranker(kb.pool, tenantId)],
    ['full text alone', viaSearch({ vector: 0, text: 1, title: 0 })],
    ['vector alone', viaSearch({ vector: 1, text: 0, title: 0 })],
    ['hybrid', viaSearch(FUSION.weights)],
  ];
  const subsets: [string, EvalQuery[]][] = [
    ['dev', queries.filter((q) => q.split === 'dev')],
    ['holdout', queries.filter((q) => q.split === 'holdout')],
    ['holdout cross-language', queries.filter((q) => q.split === 'holdout' && q.cross)],
  ];
  const rows: BenchRow[] = [];
  for (const [name, rank] of rankers) {
    const rankings = new Map<string, string[]>();
    for (const q of queries) rankings.set(q.id, await rank(q));
    for (const [subset, list] of subsets) {
      const s = score(list, list.map((q) => rankings.get(q.id)!));
      rows.push({
        group: 'kb quality',
        name: `${name}, ${subset} (${list.length} q)`,
        value: `R@1 ${s.r1.toFixed(3)}  R@5 ${s.r5.toFixed(3)}  MRR ${s.mrr.toFixed(3)}`,
        target: name === 'hybrid' && subset !== 'dev' ? 'R@5 ≥ 0.95, MRR ≥ 0.85' : '—',
      });
    }
  }
  return rows;
}
