import { countLexemes, findIndexState, searchChunks, type ArticleVisibility } from '../../db/repositories/kb.js';
import type { Language } from '../../i18n/languages.js';
import { analyzeText } from '../../kb-index/embedding/local-embedder.js';
import { detectLanguage } from '../../kb-index/language/detect-language.js';
import { snippetFrom } from '../../kb-index/render/render-article.js';
import { isStopWord, normalize, tokenize } from '../../kb-index/text/normalize.js';
import { requireSection } from '../access/require.js';
import type { Ctx } from '../context.js';
import type { KbSearchQuery, KbSearchResult } from './kb-schemas.js';
import { visibilitiesFor, type KnowledgeBase } from './knowledge-base.js';

const MAX_QUERY_WORDS = 16;
// Titles are matched by trigrams only for short, keyword-like queries: a sentence is never similar to a title.
const MAX_TITLE_QUERY_WORDS = 6;

/**
 * Fusion settings, chosen on the evaluation set's dev split with bench/kb-tune.ts (the bench reports the
 * held-out part). The text and title lists count less than the vectors: at equal weight, a same-language
 * article sharing one rare word outranked the right article written in another language. A small rank
 * constant keeps the vector order within an article's reach: at 60, merely appearing in the text list
 * outweighed ten places in the vector one. The text weight is the best dev MRR that pushes none of the
 * articles vector search alone ranks in the top 5 out of it, taken from the middle of the range of weights
 * that reach it rather than its edge: higher weights trade recall at 5 for a little MRR.
 *
 * Within each list an article counts its best chunk in full and each further chunk at chunkDecay times the
 * one before: an article that answers the question in several passages is a better bet than one short chunk
 * of another article that happens to sit one place higher (a title-like question hits many chunks of the
 * article about it, and often one short, generic chunk of some other article first). At 0 only the best chunk
 * counts; dev MRR peaks from 0.15 to 0.2 (and the full-text list alone gains most), and from 0.25 long
 * articles start to win on their length alone.
 */
export const FUSION = {
  depth: 40,
  rrfK: 10,
  maxConceptShare: 0.1,
  maxWordShare: 0.01,
  maxTerms: 8,
  maxPostings: 1000,
  maxDistance: 0.9,
  weights: { vector: 1, text: 0.15, title: 0.1 },
  chunkDecay: 0.2,
};

export type SearchOptions = { weights?: { vector: number; text: number; title: number } };

const CONCEPT_PREFIX = 'cpt_';

/**
 * The query's vector, or null when the stored vectors come from another embedder (until a reindex) or the
 * embedding provider fails: the search then runs on text alone rather than not at all.
 */
async function queryEmbedding(
  kb: KnowledgeBase,
  scope: { tenantId: string; visibilities: ArticleVisibility[] },
  text: string,
  lang: Language | undefined,
  concepts: string[],
): Promise<number[] | null> {
  try {
    const [embedder, state] = await Promise.all([kb.embedder(), findIndexState(kb.pool)]);
    if (state?.embedder !== embedder.name || state.dimension !== embedder.dimension) return null;
    const counts = await countLexemes(kb.pool, scope.tenantId, scope.visibilities, concepts);
    const byConcept = new Map([...counts.byLexeme].map(([lexeme, n]) => [lexeme.slice(CONCEPT_PREFIX.length), n]));
    return await embedder.embedQuery(text, lang, { chunks: counts.chunks, byConcept });
  } catch {
    return null;
  }
}

/** Searches the tenant's articles for a portal user or technician, best first, in the user's language on a tie. */
export async function searchArticles(kb: KnowledgeBase, ctx: Ctx, query: KbSearchQuery, options: SearchOptions = {}): Promise<KbSearchResult[]> {
  await requireSection(kb.pool, ctx, 'knowledgeBase');
  const hits = await searchKnowledgeBase(kb, ctx.tenantId, visibilitiesFor(ctx.actor.kind), query.q, {
    preferredLang: query.lang ?? ctx.actor.language,
    limit: query.limit,
    weights: options.weights,
  });
  return hits.map(({ passage: _passage, ...result }) => result);
}

/** A result with the text of the passage that matched, for the assistant to answer from. */
export type KbSearchHit = KbSearchResult & { passage: string };

/** The search itself, with no access check: the assistant's tool and the bench call it through their own checks. */
export async function searchKnowledgeBase(
  kb: KnowledgeBase,
  tenantId: string,
  visibilities: ArticleVisibility[],
  text: string,
  options: { preferredLang: Language; limit: number; weights?: { vector: number; text: number; title: number } },
): Promise<KbSearchHit[]> {
  const detected = await detectLanguage(text);
  const queryLang = detected?.lang ?? options.preferredLang;
  const words = [...new Set(tokenize(text).filter((w) => !isStopWord(w, queryLang)))].slice(0, MAX_QUERY_WORDS);
  const concepts = [...new Set((await analyzeText(text, detected?.lang, { query: true })).concepts)].map((c) => CONCEPT_PREFIX + c);
  const embedding = await queryEmbedding(kb, { tenantId, visibilities }, text, detected?.lang, concepts);
  const rows = await searchChunks(kb.pool, {
    tenantId,
    visibilities,
    embedding,
    words: words.join(' '),
    queryLang,
    concepts,
    titleText: tokenize(text).length <= MAX_TITLE_QUERY_WORDS ? normalize(text).slice(0, 200) : '',
    preferredLang: options.preferredLang,
    limit: options.limit,
    depth: FUSION.depth,
    maxConceptShare: FUSION.maxConceptShare,
    maxWordShare: FUSION.maxWordShare,
    maxTerms: FUSION.maxTerms,
    maxPostings: FUSION.maxPostings,
    maxDistance: FUSION.maxDistance,
    weights: options.weights ?? FUSION.weights,
    rrfK: FUSION.rrfK,
    chunkDecay: FUSION.chunkDecay,
  });
  return rows.map((row) => ({
    articleId: row.article_id,
    slug: row.slug,
    title: row.title,
    snippet: snippetFrom(row.chunk_text ?? '', words),
    score: Math.round(row.score * 10_000) / 10_000,
    lang: row.lang as Language,
    passage: row.chunk_text ?? '',
  }));
}
