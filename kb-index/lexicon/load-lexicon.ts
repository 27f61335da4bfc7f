import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BUILD_CACHE_ROOT, readCacheFile, writeCacheFile } from '../cache/build-cache.js';
import { LANGUAGES, type Language } from '../../i18n/languages.js';
import { isNegation, isStopWord, tokenize } from '../text/normalize.js';
import { rememberStems, stem, STEMMER_VERSION } from '../text/stem.js';

interface ConceptEntry {
  id: string;
  terms: Partial<Record<Language, string[]>>;
}

/** Concepts found in a text, with the positions of the tokens that expressed them. */
export interface ConceptMatch {
  concepts: readonly string[];
  tokens: readonly number[];
}

/** Finds lexicon phrases in a normalized token sequence, without overlaps, explaining as many tokens as it can. */
export interface PhraseMatcher {
  match(tokens: readonly string[]): ConceptMatch[];
}

export interface Lexicon {
  /** Changes whenever a lexicon file does, so that indexes built with another lexicon can be told apart. */
  readonly fingerprint: string;
  /** Matches the stemmed words of one language's terms. */
  readonly byLanguage: Readonly<Record<Language, PhraseMatcher>>;
  /** Matches the exact words of every language's terms: for mixed-language text and unknown languages. */
  readonly crossLanguage: PhraseMatcher;
  /** Whether the word shares its stem with a word of some term of that language: "conecto" with "conectar". */
  hasStem(token: string, lang: Language): boolean;
  /**
   * A compound split before its longest ending that is a word of the lexicon ("projektordner" → "projekt",
   * "ordner"), if the word is not a lexicon word itself.
   */
  splitCompound(token: string, lang: Language): [string, string] | undefined;
  /** The lexicon word a typo most likely stands for (one edit away, two for long words), if any. */
  correctTypo(token: string, lang?: Language): string | undefined;
}

const LEXICON_DIR = new URL('.', import.meta.url);
// Stemming the lexicon's words is most of the time loading it takes: their stems are kept in a build cache, one file
// per lexicon and stemmer version.
const STEMS_CACHE_DIR = new URL('portico-lexicon/', BUILD_CACHE_ROOT);

// Shorter words are too close to too many other words for a single edit to identify them.
const MIN_TYPO_LENGTH = 5;
const LONG_WORD = 8;
// A stem this short says too little: Spanish "cada" (each) and Italian "cade" (falls) stem to "cad", a term of its
// own. Such a word must be written as a term is.
const MAX_SHORT_STEM = 3;

export async function loadLexicon(dir: URL = LEXICON_DIR): Promise<Lexicon> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const fingerprint = createHash('sha256');
  const ids = new Set<string>();
  const entries: ConceptEntry[] = [];
  for (const file of files) {
    const text = await readFile(new URL(file, dir), 'utf8');
    fingerprint.update(file).update(text);
    for (const entry of parseEntries(text, file)) {
      if (ids.has(entry.id)) throw new Error(`Lexicon concept "${entry.id}" is defined twice (${file})`);
      ids.add(entry.id);
      entries.push(entry);
    }
  }
  const digest = fingerprint.digest('hex');
  const words = Object.fromEntries(LANGUAGES.map((lang) => [lang, wordsOf(entries, lang)])) as Record<Language, Set<string>>;
  const stemsFile = fileURLToPath(new URL(`${digest.slice(0, 16)}-${STEMMER_VERSION}.json`, STEMS_CACHE_DIR));
  const kept = readCacheFile(stemsFile, (content) => JSON.parse(content.toString('utf8')) as KeptStems);
  if (kept) for (const lang of LANGUAGES) rememberStems(lang, kept[lang] ?? {});
  const byLanguage = Object.fromEntries(
    LANGUAGES.map((lang) => [lang, buildMatcher(entries, [lang], (token) => stem(token, lang))]),
  ) as Record<Language, PhraseMatcher>;
  const crossLanguage = buildMatcher(entries, LANGUAGES, (token) => token);
  const stems = Object.fromEntries(LANGUAGES.map((lang) => [lang, new Set([...words[lang]].map((word) => stem(word, lang)))])) as Record<Language, Set<string>>;
  if (!kept) {
    const computed: KeptStems = Object.fromEntries(LANGUAGES.map((lang) => [lang, Object.fromEntries([...words[lang]].map((word) => [word, stem(word, lang)]))]));
    writeCacheFile(stemsFile, JSON.stringify(computed));
  }
  const correctTypo = buildTypoCorrector(words);
  return {
    fingerprint: digest.slice(0, 8),
    byLanguage,
    crossLanguage,
    hasStem: (token, lang) => stems[lang].has(stem(token, lang)),
    splitCompound: (token, lang) => splitCompound(token, words[lang]),
    correctTypo,
  };
}

type KeptStems = Partial<Record<Language, Record<string, string>>>;

function parseEntries(text: string, file: string): ConceptEntry[] {
  const parsed: unknown = JSON.parse(text);
  const valid =
    Array.isArray(parsed) &&
    parsed.every(
      (entry) =>
        typeof entry?.id === 'string' &&
        typeof entry.terms === 'object' &&
        Object.values(entry.terms as object).every((terms) => Array.isArray(terms) && terms.every((term) => typeof term === 'string')),
    );
  if (!valid) throw new Error(`Lexicon file ${file} is not an array of { id, terms: { <lang>: string[] } }`);
  return parsed as ConceptEntry[];
}

interface TrieNode {
  next: Map<string, TrieNode>;
  concepts: string[];
  /** The concepts of each phrase that reaches this node, by its words as written. */
  written: Map<string, string[]>;
}

function buildMatcher(
  entries: readonly ConceptEntry[],
  langs: readonly Language[],
  key: (token: string) => string,
): PhraseMatcher {
  const root: TrieNode = { next: new Map(), concepts: [], written: new Map() };
  for (const entry of entries) {
    for (const lang of langs) {
      for (const term of entry.terms[lang] ?? []) {
        // Phrases keep their function words: without them "pas de son" (no sound) would be "pas" and "out of
        // office" would be "office". A single function word, though, would match everywhere.
        const tokens = tokenize(term);
        if (tokens.length === 1 && (isStopWord(tokens[0]!, lang) || isNegation(tokens[0]!, lang))) continue;
        const keys = tokens.map(key);
        let node = root;
        for (const k of keys) {
          let child = node.next.get(k);
          if (!child) node.next.set(k, (child = { next: new Map(), concepts: [], written: new Map() }));
          node = child;
        }
        if (!node.concepts.includes(entry.id)) node.concepts.push(entry.id);
        const phrase = tokens.join(' ');
        const written = node.written.get(phrase);
        if (!written) node.written.set(phrase, [entry.id]);
        else if (!written.includes(entry.id)) written.push(entry.id);
      }
    }
  }
  return {
    match(tokens) {
      const keys = tokens.map(key);
      // Every phrase that starts at each token, then the set of non-overlapping phrases that explains the most
      // tokens, with fewer and so longer phrases on a tie. Taking the longest phrase from the left would let
      // "red wifi" (Wi-Fi network) swallow the first word of "wifi de invitados" (guest Wi-Fi).
      const found = keys.map((_, start) => {
        const ends: { node: TrieNode; length: number }[] = [];
        let node: TrieNode | undefined = root;
        for (let i = start; i < keys.length && (node = node.next.get(keys[i]!)); i++) {
          const tooShort = i === start && keys[i]!.length <= MAX_SHORT_STEM && !node.written.has(tokens[i]!);
          if (node.concepts.length > 0 && !tooShort) ends.push({ node, length: i - start + 1 });
        }
        return ends;
      });
      const best: { covered: number; count: number; take?: { node: TrieNode; length: number } }[] = [];
      best[keys.length] = { covered: 0, count: 0 };
      for (let start = keys.length - 1; start >= 0; start--) {
        best[start] = { covered: best[start + 1]!.covered, count: best[start + 1]!.count };
        for (const end of found[start]!) {
          const rest = best[start + end.length]!;
          const covered = rest.covered + end.length;
          const count = rest.count + 1;
          const current = best[start]!;
          if (covered > current.covered || (covered === current.covered && count < current.count)) best[start] = { covered, count, take: end };
        }
      }
      const matches: ConceptMatch[] = [];
      for (let start = 0; start < keys.length; ) {
        const take = best[start]!.take;
        if (!take) {
          start++;
          continue;
        }
        // Stems collide across meanings (German "Ton", sound, and "Toner"; Italian "casse", speakers, and
        // "cassa", till): a phrase written exactly as a term means that term's concepts only.
        const written = take.node.written.get(tokens.slice(start, start + take.length).join(' '));
        matches.push({ concepts: written ?? take.node.concepts, tokens: Array.from({ length: take.length }, (_, i) => start + i) });
        start += take.length;
      }
      return matches;
    },
  };
}

// The head of a compound is its last part and carries its meaning; both parts must be long enough to be words.
const MIN_COMPOUND_PART = 4;

function splitCompound(token: string, words: ReadonlySet<string>): [string, string] | undefined {
  if (token.length < 2 * MIN_COMPOUND_PART || words.has(token)) return undefined;
  for (let at = MIN_COMPOUND_PART; at <= token.length - MIN_COMPOUND_PART; at++) {
    if (words.has(token.slice(at))) return [token.slice(0, at), token.slice(at)];
  }
  return undefined;
}

function wordsOf(entries: readonly ConceptEntry[], lang: Language): Set<string> {
  return new Set(entries.flatMap((entry) => (entry.terms[lang] ?? []).flatMap((term) => tokenize(term))));
}

// Symmetric deletion: two words within one edit (substitution, insertion, deletion or adjacent swap) share a
// form with at most one letter deleted from each, so one map lookup per deletion finds the candidates, which
// are then checked with the real distance.
function buildTypoCorrector(words: Readonly<Record<Language, ReadonlySet<string>>>): Lexicon['correctTypo'] {
  const vocabulary = new Set(LANGUAGES.flatMap((lang) => [...words[lang]]));
  const byDeletion = new Map<string, string[]>();
  for (const word of [...vocabulary].sort()) {
    if (word.length < MIN_TYPO_LENGTH - 1 || /\d/.test(word)) continue;
    for (const form of deletionForms(word)) {
      const words = byDeletion.get(form);
      if (!words) byDeletion.set(form, [word]);
      else if (!words.includes(word)) words.push(word);
    }
  }
  return (token, lang) => {
    if (token.length < MIN_TYPO_LENGTH || vocabulary.has(token) || /\d/.test(token)) return undefined;
    const allowed = token.length >= LONG_WORD ? 2 : 1;
    // Among equally close words: the text's language first, then the longest shared beginning (slips are
    // rarer in a word's first letters), then alphabetical order so that the answer is always the same.
    const rank = (word: string) => [editDistance(token, word), lang && words[lang].has(word) ? 0 : 1, -sharedPrefix(token, word)] as const;
    let best: { word: string; rank: readonly number[] } | undefined;
    for (const form of deletionForms(token)) {
      for (const word of byDeletion.get(form) ?? []) {
        const candidate = { word, rank: rank(word) };
        if (candidate.rank[0]! <= allowed && !onlyEndingDiffers(token, word) && (!best || compareRanks(candidate, best) < 0)) best = candidate;
      }
    }
    return best?.word;
  };
}

function compareRanks(a: { word: string; rank: readonly number[] }, b: { word: string; rank: readonly number[] }): number {
  for (let i = 0; i < a.rank.length; i++) if (a.rank[i] !== b.rank[i]) return a.rank[i]! - b.rank[i]!;
  return a.word < b.word ? -1 : a.word > b.word ? 1 : 0;
}

// Words that differ in their last letter only are mostly two forms or two words ("zeigen" and "zeiger",
// "conecto" and "conector"), rarely a slip: slips fall anywhere in a word, endings are where languages inflect.
function onlyEndingDiffers(a: string, b: string): boolean {
  return sharedPrefix(a, b) >= Math.min(a.length, b.length) - 1;
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

function deletionForms(word: string): Set<string> {
  const forms = new Set([word]);
  for (let i = 0; i < word.length; i++) forms.add(word.slice(0, i) + word.slice(i + 1));
  return forms;
}

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions, the commonest typing slip. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = value;
    }
  }
  return rows[a.length]![b.length]!;
}
