import type { Language } from '../../i18n/languages.js';
import { detectLanguage } from '../language/detect-language.js';
import { loadLexicon, type ConceptMatch, type Lexicon } from '../lexicon/load-lexicon.js';
import { isNegation, isStopWord, tokenize } from '../text/normalize.js';
import { stem } from '../text/stem.js';
import type { ConceptFrequencies, Embedder } from './embedder.js';

// Bump when the features or weights change: vectors made by another version are not comparable.
const VERSION = 'local-lexicon-v4';

// 512 dimensions: a query has a handful of features and a chunk a few hundred, so with signed hashing the
// noise collisions add to a cosine is about 1/√512 ≈ 0.04 per overlapping pair of features, well below a
// shared concept; doubling it would buy little precision and cost HNSW twice the distance work.
const DIMENSION = 512;

// Each feature family is normalized on its own and then scaled, so a family's share of the cosine does not
// depend on how many features the text happens to produce (a long chunk has far more n-grams than concepts).
// Concepts carry meaning across languages and dominate; stems (of the words no concept explains) add product
// names and rare words, which mostly match within one language; n-grams only rescue typos and cognates.
const FAMILY_WEIGHT = { concept: 1, stem: 0.4, ngram: 0.3 } as const;

// Matches from the other languages' terms, and terms reached through a typo correction, are less certain
// than an exact match in the text's own language.
const CROSS_LANGUAGE_WEIGHT = 0.7;
const TYPO_WEIGHT = 0.7;

const MAX_SHORT_WORD = 3;

// Documents arrive as "title \n heading path \n chunk text": the title names the article's subject, the
// headings the section's.
const TITLE_WEIGHT = 2.5;
const HEADING_WEIGHT = 1.5;

export interface TextAnalysis {
  /** Lexicon concept ids in text order, repeated as often as they occur. */
  concepts: string[];
  /** Snowball stems of the text's content words, in text order (raw words when the language is unknown). */
  stems: string[];
}

export async function createLocalEmbedder(): Promise<Embedder> {
  const lexicon = await sharedLexicon();
  return {
    name: `${VERSION}-${lexicon.fingerprint}`,
    dimension: DIMENSION,
    async embedDocuments(docs) {
      return docs.map(({ text, lang }) => {
        const [title = '', heading = '', ...body] = text.split('\n');
        const bag = new FeatureBag(() => 1);
        addSegment(bag, lexicon, tokenize(title), lang, TITLE_WEIGHT, false);
        addSegment(bag, lexicon, tokenize(heading), lang, HEADING_WEIGHT, false);
        addSegment(bag, lexicon, tokenize(body.join('\n')), lang, 1, false);
        return bag.toVector();
      });
    },
    async embedQuery(text, lang, frequencies) {
      const bag = new FeatureBag(frequencies ? rarity(frequencies) : () => 1);
      addSegment(bag, lexicon, tokenize(text), lang ?? (await detectLanguage(text))?.lang, 1, true);
      return bag.toVector();
    },
  };
}

/**
 * Concepts and stems of a text, for the full-text side of the search: indexing concept ids lets full text
 * match across languages too. Pass `query: true` for a user's question, to also read typos as lexicon words, and
 * `notTypos` for the words to read as written all the same.
 */
export async function analyzeText(text: string, lang?: Language, options: { query?: boolean; notTypos?: ReadonlySet<string> } = {}): Promise<TextAnalysis> {
  const lexicon = await sharedLexicon();
  const textLang = lang ?? (await detectLanguage(text))?.lang;
  const tokens = readWords(lexicon, tokenize(text), textLang, options.query ?? false, options.notTypos).map((word) => word.token);
  return {
    concepts: matchConcepts(lexicon, tokens, textLang, options.query ?? false).flatMap((match) => match.concepts),
    stems: tokens.flatMap((token) => (isContentWord(token, textLang) ? [textLang ? stem(token, textLang) : token] : [])),
  };
}

/**
 * Inverse document frequency of a question's concepts, applied on the query side only so that stored vectors
 * stay independent of the rest of the knowledge base: "laptop" or "not working" occur in many chunks and say
 * little about which one fits, "docking station" in few. A concept no chunk holds cannot match anything; it
 * would only take weight from the others.
 */
function rarity({ chunks, byConcept }: ConceptFrequencies) {
  return (family: Family, feature: string | number): number => {
    if (family !== 'concept') return 1;
    const frequency = byConcept.get(feature as string) ?? 0;
    return frequency === 0 ? 0 : Math.log((chunks + 1) / (frequency + 0.5));
  };
}

let lexiconPromise: Promise<Lexicon> | undefined;
function sharedLexicon(): Promise<Lexicon> {
  lexiconPromise ??= loadLexicon();
  return lexiconPromise;
}

function addSegment(bag: FeatureBag, lexicon: Lexicon, typed: string[], lang: Language | undefined, weight: number, query: boolean) {
  const words = readWords(lexicon, typed, lang, query);
  const tokens = words.map((word) => word.token);
  const explained = new Set<number>();
  for (const match of matchConcepts(lexicon, tokens, lang, query)) {
    const typo = match.tokens.some((index) => words[index]!.corrected) ? TYPO_WEIGHT : 1;
    for (const concept of match.concepts) bag.add('concept', concept, weight * match.weight * typo);
    for (const index of match.tokens) explained.add(index);
  }
  for (const [index, word] of words.entries()) {
    if (!isContentWord(word.token, lang)) continue;
    // A word a concept explains already reaches every language through it; its stem would count it a second
    // time, and only for articles in the question's own language.
    if (!explained.has(index)) bag.add('stem', stemFeature(lexicon, word.token, lang), weight * (word.corrected ? TYPO_WEIGHT : 1));
    // N-grams come from what the user typed: they are what tolerates typos the lexicon cannot correct.
    if (word.typed) bag.addNgrams(word.typed, weight);
  }
}

interface Word {
  /** The word as the lexicon should read it. */
  token: string;
  /** What the text says, or '' for the second part of a split compound (its n-grams came with the first). */
  typed: string;
  corrected: boolean;
}

// German glues words together ("Druckerwarteschlange", "Projektordner") where the lexicon lists the parts.
const COMPOUNDING: ReadonlySet<Language> = new Set(['de']);

// Typos are only corrected in questions: articles are edited text, and correcting them would only turn rare
// but real words into lexicon words. An inflected form of a lexicon word ("conecto" for "conectar") is no
// typo: the language's matcher compares stems and finds it as it is.
// Words known to be written as meant (`notTypos`) are not corrected either: Italian "domani" is tomorrow, not a domain.
function readWords(lexicon: Lexicon, tokens: string[], lang: Language | undefined, query: boolean, notTypos?: ReadonlySet<string>): Word[] {
  return tokens.flatMap((typed) => {
    if (!isContentWord(typed, lang) || (lang && lexicon.hasStem(typed, lang))) return [{ token: typed, typed, corrected: false }];
    const parts = lang && COMPOUNDING.has(lang) ? lexicon.splitCompound(typed, lang) : undefined;
    if (parts) return [{ token: parts[0], typed, corrected: false }, { token: parts[1], typed: '', corrected: false }];
    const correction = query && !notTypos?.has(typed) ? lexicon.correctTypo(typed, lang) : undefined;
    return [{ token: correction ?? typed, typed, corrected: correction !== undefined }];
  });
}

// The text's own language first; then every language's exact terms for the words still unexplained, because
// users mix languages ("la stampante è offline") and borrow English terms ("VPN lenta", "email suspect"). A
// phrase of another language that contains whole matches of the text's own language and explains more words
// reads the text better than they do: "VPN lenta" is a slow VPN connection, not a VPN and an unknown word.
// Only questions are read so: articles are edited text in one language, and it would double the matching.
function matchConcepts(lexicon: Lexicon, tokens: string[], lang: Language | undefined, query: boolean) {
  let own = lang ? lexicon.byLanguage[lang].match(tokens) : [];
  const acceptable = (match: ConceptMatch) =>
    match.tokens.some((index) => isContentWord(tokens[index]!, lang)) &&
    !(lang && match.tokens.length === 1 && tokens[match.tokens[0]!]!.length <= MAX_SHORT_WORD);
  // A word of the text's own grammar is never another language's term: French "ai" (have) is not AI. Nor is a
  // short word alone: the acronyms every language shares are its own terms too, and those of one language are
  // common words of another (Italian "fai", you do, is the French "FAI", an internet provider; "red" is Spanish
  // for network).
  const wider = lang && query && own.length > 0
    ? lexicon.crossLanguage.match(tokens).filter((match) => {
        const overlapped = own.filter((o) => o.tokens.some((index) => match.tokens.includes(index)));
        return (
          overlapped.length > 0 &&
          overlapped.every((o) => o.tokens.every((index) => match.tokens.includes(index))) &&
          overlapped.reduce((n, o) => n + o.tokens.length, 0) < match.tokens.length &&
          acceptable(match)
        );
      })
    : [];
  own = own.filter((o) => !wider.some((match) => o.tokens.some((index) => match.tokens.includes(index))));
  const covered = new Set([...own, ...wider].flatMap((match) => match.tokens));
  // The words already explained are hidden rather than left out, so that the remaining ones keep their places.
  const cross = lexicon.crossLanguage
    .match(tokens.map((token, index) => (covered.has(index) ? '' : token)))
    .filter((match) => match.tokens.every((index) => !covered.has(index)) && acceptable(match));
  return [
    ...own.map((match) => ({ ...match, weight: 1 })),
    ...[...wider, ...cross].map((match) => ({ ...match, weight: lang ? CROSS_LANGUAGE_WEIGHT : 1 })),
  ];
}

function isContentWord(token: string, lang: Language | undefined): boolean {
  return !isStopWord(token, lang) && !isNegation(token, lang);
}

// Words the lexicon knows in this language get a language prefix: their meaning already crosses languages
// through the concept, and unprefixed they would only add false friends (French "file" is a queue). Other
// words stay unprefixed so product names and shared technical words ("acrobat", "bitlocker") match across
// languages.
function stemFeature(lexicon: Lexicon, token: string, lang: Language | undefined): string {
  if (!lang) return token;
  const stemmed = stem(token, lang);
  return lexicon.hasStem(token, lang) ? `${lang}:${stemmed}` : stemmed;
}

type Family = keyof typeof FAMILY_WEIGHT;

/** Weighted feature counts per family, projected by signed feature hashing into one unit vector. */
class FeatureBag {
  private readonly counts: Record<Family, Map<string | number, number>> = { concept: new Map(), stem: new Map(), ngram: new Map() };

  /** @param weight the feature's importance, whatever its count (same for every occurrence of the feature) */
  constructor(private readonly weightOf: (family: Family, feature: string | number) => number) {}

  add(family: Family, feature: string | number, count: number): void {
    const counts = this.counts[family];
    counts.set(feature, (counts.get(feature) ?? 0) + count);
  }

  /** Character 3- and 4-grams of the word with boundary marks, hashed without building substrings. */
  addNgrams(word: string, count: number): void {
    const padded = `\u0002${word}\u0003`;
    for (let start = 0; start + 3 <= padded.length; start++) {
      let hash = NGRAM_SEED;
      for (let k = 0; k < 4 && start + k < padded.length; k++) {
        hash = fnvStep(hash, padded.charCodeAt(start + k));
        if (k >= 2) this.add('ngram', hash >>> 0, count);
      }
    }
  }

  toVector(): number[] {
    const vector = new Float64Array(DIMENSION);
    for (const family of Object.keys(FAMILY_WEIGHT) as Family[]) {
      const features = this.counts[family];
      const values = Array.from(features, ([feature, count]) => sublinear(count) * this.weightOf(family, feature));
      let sumOfSquares = 0;
      for (const value of values) sumOfSquares += value * value;
      if (sumOfSquares === 0) continue;
      const scale = FAMILY_WEIGHT[family] / Math.sqrt(sumOfSquares);
      const seed = FAMILY_SEED[family];
      let i = 0;
      for (const feature of features.keys()) {
        const hash = mix(typeof feature === 'number' ? feature ^ seed : hashString(feature, seed));
        // The top bit chooses the sign so that colliding features cancel out on average instead of adding up.
        vector[hash & (DIMENSION - 1)]! += (hash >>> 31 ? -1 : 1) * values[i++]! * scale;
      }
    }
    let sumOfSquares = 0;
    for (const value of vector) sumOfSquares += value * value;
    const norm = Math.sqrt(sumOfSquares);
    return Array.from(vector, (value) => (norm === 0 ? 0 : value / norm));
  }
}

// A word said ten times is not ten times as relevant.
function sublinear(count: number): number {
  return count <= 1 ? count : 1 + Math.log(count);
}

const FNV_OFFSET = 0x811c9dc5;
const NGRAM_SEED = FNV_OFFSET;
const FAMILY_SEED: Record<Family, number> = { concept: 0x9e3779b9, stem: 0x85ebca6b, ngram: 0xc2b2ae35 };

function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

/** FNV-1a: stable across runs and platforms, unlike anything keyed on object identity. */
function hashString(text: string, seed: number): number {
  let hash = FNV_OFFSET ^ seed;
  for (let i = 0; i < text.length; i++) hash = fnvStep(hash, text.charCodeAt(i));
  return hash;
}

// Murmur3's finalizer spreads FNV's weak low bits over the whole word before we take bits for index and sign.
function mix(hash: number): number {
  let h = hash >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
