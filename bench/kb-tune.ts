import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { countLexemes, searchChunks, type SearchParams } from '../db/repositories/kb.js';
import { seedDemoTenant } from '../db/seed/demo-tenant.js';
import { FUSION } from '../domain/kb/search-articles.js';
import { analyzeText } from '../kb-index/embedding/local-embedder.js';
import { detectLanguage } from '../kb-index/language/detect-language.js';
import { isStopWord, normalize, tokenize } from '../kb-index/text/normalize.js';
import { importDemoArticles } from '../server/demo-articles.js';
import { createKnowledgeBase } from '../server/knowledge-base.js';
import { loadEvalSet } from './kb-quality.js';

/**
 * Chooses the fusion settings on the evaluation set's dev split alone, so that the held-out split the bench
 * reports stays an honest estimate: `npx tsx bench/kb-tune.ts`. It prints dev R@1, R@5 and MRR for each
 * rank constant and text weight, then for each weight of an article's further chunks (chunkDecay) at the
 * shipped constant and weight; the rule is the best MRR that loses no query vector search alone had in its
 * top 5, taken from the middle of the region that reaches it rather than from its edge.
 */
const KS = [5, 8, 10, 12, 15, 20];
const TEXT_WEIGHTS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3];
const CHUNK_DECAYS = [0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.5];

const dir = mkdtempSync(join(tmpdir(), 'portico-kb-tune-'));
const db = await openDatabase({ dataDir: join(dir, 'data') });
try {
  await migrate(db.pool);
  const { tenantId } = await seedDemoTenant(db.pool, 'portal.bench');
  const kb = createKnowledgeBase(db.pool);
  await importDemoArticles(kb, tenantId);
  const embedder = await kb.embedder();
  const dev = loadEvalSet().filter((q) => q.split === 'dev');

  // The same query preparation as searchKnowledgeBase, done once per query so that only the fusion varies.
  const prepared: { relevant: string[]; params: SearchParams }[] = [];
  for (const q of dev) {
    const detected = await detectLanguage(q.query);
    const queryLang = detected?.lang ?? q.lang;
    const words = [...new Set(tokenize(q.query).filter((w) => !isStopWord(w, queryLang)))].slice(0, 16);
    const concepts = [...new Set((await analyzeText(q.query, detected?.lang, { query: true })).concepts)].map((c) => `cpt_${c}`);
    const counts = await countLexemes(kb.pool, tenantId, ['portal'], concepts);
    const byConcept = new Map([...counts.byLexeme].map(([lexeme, n]) => [lexeme.slice('cpt_'.length), n]));
    const embedding = await embedder.embedQuery(q.query, detected?.lang, { chunks: counts.chunks, byConcept });
    prepared.push({
      relevant: q.relevant,
      params: {
        ...FUSION,
        tenantId,
        visibilities: ['portal'],
        embedding,
        words: words.join(' '),
        queryLang,
        concepts,
        titleText: tokenize(q.query).length <= 6 ? normalize(q.query).slice(0, 200) : '',
        preferredLang: q.lang,
        limit: 10,
      },
    });
  }

  const evaluate = async (over: Partial<SearchParams>) => {
    let r1 = 0;
    let r5 = 0;
    let mrr = 0;
    const places: number[] = [];
    for (const { relevant, params } of prepared) {
      const slugs = (await searchChunks(kb.pool, { ...params, ...over })).map((r) => r.slug);
      const first = slugs.findIndex((s) => relevant.includes(s));
      places.push(first);
      if (first === 0) r1++;
      if (first >= 0 && first < 5) r5++;
      if (first >= 0) mrr += 1 / (first + 1);
    }
    const n = prepared.length;
    return { r1: r1 / n, r5: r5 / n, mrr: mrr / n, places };
  };
  const line = (name: string, s: { r1: number; r5: number; mrr: number }, extra = '') =>
    process.stdout.write(`${name.padEnd(28)} R@1 ${s.r1.toFixed(3)}  R@5 ${s.r5.toFixed(3)}  MRR ${s.mrr.toFixed(4)}${extra}\n`);

  const vector = await evaluate({ weights: { vector: 1, text: 0, title: 0 } });
  line('vector alone', vector);
  line('full text alone', await evaluate({ weights: { vector: 0, text: 1, title: 0 } }));
  line(`hybrid as shipped`, await evaluate({}));
  for (const rrfK of KS) {
    for (const text of TEXT_WEIGHTS) {
      const s = await evaluate({ rrfK, weights: { ...FUSION.weights, text } });
      // Queries vector search alone had in its top 5 and the hybrid pushed out of it.
      const lost = s.places.filter((p, i) => vector.places[i]! >= 0 && vector.places[i]! < 5 && (p < 0 || p >= 5)).length;
      line(`k ${rrfK}, text ${text}`, s, `  lost from top 5: ${lost}`);
    }
  }
  for (const chunkDecay of CHUNK_DECAYS) {
    const s = await evaluate({ chunkDecay });
    const lost = s.places.filter((p, i) => vector.places[i]! >= 0 && vector.places[i]! < 5 && (p < 0 || p >= 5)).length;
    line(`chunk decay ${chunkDecay}`, s, `  lost from top 5: ${lost}`);
  }
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
