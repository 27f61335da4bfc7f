import type { NlpjsContainer } from '@nlpjs/core';
import type { Language } from '../../../i18n/languages.js';
import { analyzeText } from '../../../kb-index/embedding/local-embedder.js';
import { perceptronScorer, softmaxScorer, trainPerceptrons, trainSoftmax, type Example, type PerceptronWeights, type SoftmaxWeights } from './learners.js';
import { YIELD_EVERY, yieldToEventLoop } from './yield-to-server.js';
import { APP_WORD, LONG_WORD, NUMBER_WORD } from './prepare-text.js';

type Tokenizer = { tokenize(text: string, normalize: boolean): string[] };
type Stemmer = { stem(tokens: string[]): string[] };

// Placeholders are known to every language: only the user's own words tell which language fits.
const PLACEHOLDERS = new Set([APP_WORD, NUMBER_WORD, LONG_WORD]);

// A word a model knows only once a typo is corrected says less about the language than a word it knows as is.
const TYPO_FIT = 0.5;
// Words shorter than this are left as typed, as NLP.js's corrector does: one letter off, "mac" could be "map" or "man".
const MIN_CORRECTED = 4;

// Correcting a typo compares the word with every known stem of a similar length; the same words recur from message
// to message, so each model remembers its answers, within a bound.
const SPELLING_CACHE_LIMIT = 20_000;

// Raw words are marked so that they never meet a stem: "restarted" the word is not "restart" the stem.
const RAW_MARK = '=';
// Concepts of the knowledge-base lexicon likewise never meet a word of the same spelling.
const CONCEPT_MARK = '@';

// The softmax regression fits faster than the perceptrons: a few epochs over a decaying rate fit the corpus, and the
// dev utterances and our own held-out checks stop improving beyond 15.
const SOFTMAX = { epochs: 15, learningRate: 3 };
// NLP.js's settings for its network, with 40 epochs rather than its run until the error stops falling: the weights
// fit the corpus well before, and stopping early keeps single words from growing decisive by chance.
const PERCEPTRONS = { iterations: 40, learningRate: 0.6, momentum: 0.5, leak: 0.07 };
// The perceptrons' part of the vote. The softmax regression alone is the better of the two on most messages, the
// perceptrons catch what it misses on short and unusual ones: 0.3 did best on the dev split and on our own checks,
// utterances written apart from the corpus and the same with typos, over several seeds.
const PERCEPTRON_SHARE = 0.3;

export type LanguageModel = {
  /** Share of the words of a prepared text the model knows, typos forgiven: how well the language fits the text. */
  coverage(prepared: string): number;
  /** Probability of each class, or undefined when the model cannot tell (none of the words is known). */
  classify(prepared: string): Promise<Float64Array | undefined>;
};

/**
 * What training leaves of one language's model, plain data that can be stored and read back: the features in index
 * order, how many training texts each stem and each word occurs in, and the two learners' weights.
 */
export type LanguageModelState = {
  features: string[];
  frequency: Record<string, number>;
  wordFrequency: Record<string, number>;
  softmax: SoftmaxWeights;
  perceptrons: PerceptronWeights;
};

function reader(container: NlpjsContainer, lang: Language) {
  const tokenizer = container.get(`tokenizer-${lang}`) as Tokenizer;
  const stemmer = container.get(`stemmer-${lang}`) as Stemmer;
  return {
    stemmer,
    read(text: string) {
      const words = tokenizer.tokenize(text, true);
      return { words, stems: stemmer.stem(words) };
    },
  };
}

/**
 * Trains the intent model of one language, on texts passed through prepareForClassifier. NLP.js's tokenizer and
 * stemmer for the language read the words; the features are their stems, the words as written, each pair of
 * neighbouring stems and the knowledge-base lexicon's concepts they name; two learners vote.
 */
export async function trainLanguageModel(
  container: NlpjsContainer,
  lang: Language,
  texts: readonly { text: string; label: number }[],
  classes: number,
  random: () => number,
): Promise<LanguageModelState> {
  const { read } = reader(container, lang);
  const readTexts = texts.map(({ text }) => read(text));
  // How many distinct training texts each stem and each word occurs in: the spelling corrector prefers the commoner
  // of two.
  const frequency: Record<string, number> = {};
  const wordFrequency: Record<string, number> = {};
  const seen = new Set<string>();
  texts.forEach(({ text }, i) => {
    if (seen.has(text)) return;
    seen.add(text);
    for (const stem of new Set(readTexts[i]!.stems)) frequency[stem] = (frequency[stem] ?? 0) + 1;
    for (const word of new Set(readTexts[i]!.words)) wordFrequency[word] = (wordFrequency[word] ?? 0) + 1;
  });
  // The corpus is spelled right: reading it as a user's question, typos corrected, trains no better model and takes
  // longer.
  const concepts = new Map<string, string[]>();
  for (const [i, { text }] of texts.entries()) {
    if (i % YIELD_EVERY === 0) await yieldToEventLoop();
    if (!concepts.has(text)) concepts.set(text, (await analyzeText(text, lang)).concepts);
  }
  const index = new Map<string, number>();
  const examples: Example[] = texts.map(({ text, label }, i) => {
    const { words, stems } = readTexts[i]!;
    const indices = features(stems, words, concepts.get(text)!).map((feature) => {
      let at = index.get(feature);
      if (at === undefined) index.set(feature, (at = index.size));
      return at;
    });
    return { features: Int32Array.from(indices), label };
  });
  return {
    features: [...index.keys()],
    frequency,
    wordFrequency,
    softmax: await trainSoftmax(examples, index.size, classes, { ...SOFTMAX, random }),
    perceptrons: await trainPerceptrons(examples, index.size, classes, PERCEPTRONS),
  };
}

/** The model of one language, ready to read messages, from what its training left. */
export function languageModelFrom(container: NlpjsContainer, lang: Language, state: LanguageModelState): LanguageModel {
  const { read, stemmer } = reader(container, lang);
  const { frequency, wordFrequency } = state;
  const index = new Map(state.features.map((feature, i) => [feature, i]));
  const nearStem = commonestNear(frequency);
  const nearWord = commonestNear(wordFrequency);
  const wordCorrections = new Map<string, string>();
  const correctWord = (word: string): string => {
    if (wordFrequency[word]) return word;
    let corrected = wordCorrections.get(word);
    if (corrected === undefined) {
      if (wordCorrections.size >= SPELLING_CACHE_LIMIT) wordCorrections.clear();
      corrected = nearWord(word) ?? swapped(word, wordFrequency) ?? word;
      wordCorrections.set(word, corrected);
    }
    return corrected;
  };
  const corrections = new Map<string, string>();
  const correct = (stem: string, word: string): string => {
    if (frequency[stem]) return stem;
    let corrected = corrections.get(word);
    if (corrected === undefined) {
      if (corrections.size >= SPELLING_CACHE_LIMIT) corrections.clear();
      corrected = nearStem(stem) ?? stem;
      if (corrected === stem) corrected = swapped(stem, frequency) ?? stem;
      // A typo can keep the stemmer from cutting the ending ("spgni" stays whole, "spegni" becomes "spegn"), which
      // puts the stem two edits from any known one while the word is one from a known word.
      if (corrected === stem) {
        const [fixed] = stemmer.stem([correctWord(word)]);
        if (fixed && frequency[fixed]) corrected = fixed;
      }
      corrections.set(word, corrected);
    }
    return corrected;
  };

  const softmax = softmaxScorer(state.softmax);
  const perceptrons = perceptronScorer(state.perceptrons, PERCEPTRONS.leak);
  const classes = state.softmax.bias.length;
  return {
    coverage(prepared) {
      const { words, stems } = read(prepared);
      const unique = new Map(stems.map((stem, i) => [stem, words[i]!]));
      for (const placeholder of PLACEHOLDERS) unique.delete(placeholder);
      let fit = 0;
      for (const [stem, word] of unique) {
        if (frequency[stem]) fit++;
        else if (correct(stem, word) !== stem) fit += TYPO_FIT;
      }
      return unique.size ? fit / unique.size : 0;
    },
    async classify(prepared) {
      const { words, stems } = read(prepared);
      // A misspelled verb corrected as a stem only would lose what the word as written and the lexicon's concept
      // say: "restat the mac" would keep "mac" and "@macos", the words of an answer naming a device, and read as a yes.
      // A word whose stem is known stays as typed: "raised" is not the "raise" of a request.
      const fixedWords = words.map((word, i) => (frequency[stems[i]!] ? word : correctWord(word)));
      const { concepts: named } = await analyzeText(prepared, lang, { query: true });
      if (fixedWords.some((word, i) => word !== words[i])) {
        for (const concept of (await analyzeText(fixedWords.join(' '), lang, { query: true })).concepts) if (!named.includes(concept)) named.push(concept);
      }
      const corrected = stems.map((stem, i) => correct(stem, words[i]!));
      const all = features(corrected, fixedWords, named);
      const known = Int32Array.from(all.flatMap((feature) => index.get(feature) ?? []));
      const p = softmax(known);
      const q = perceptrons(known);
      if (!p || !q) return p ?? q;
      for (let c = 0; c < classes; c++) p[c] = (1 - PERCEPTRON_SHARE) * p[c]! + PERCEPTRON_SHARE * q[c]!;
      return p;
    },
  };
}

// Stems let "restarted" and "restarting" agree. The words as written keep what stemming drops: "passwords" or
// "tickets" ask what the assistant can do in general, "password" and "ticket" ask for one. Which words follow which
// says what single words cannot: "how restart" asks how, "restart my" asks for it, "already restart" reports it.
// The lexicon's concepts give a meaning to the words of IT the intent corpus never used ("touchpad", "casse",
// "Drucker"), the same in every language, and its typo correction reads "pritner" as the printer it is.
function features(stems: readonly string[], words: readonly string[], concepts: readonly string[]): string[] {
  const out = new Set(stems);
  for (const word of words) out.add(`${RAW_MARK}${word}`);
  for (const concept of concepts) out.add(`${CONCEPT_MARK}${concept}`);
  for (let i = 0; i + 1 < stems.length; i++) if (stems[i + 1] !== LONG_WORD) out.add(`${stems[i]} ${stems[i + 1]}`);
  return [...out];
}

// A typo is one letter added, dropped or changed: of the known stems it may be, the commonest is the likelier meant,
// whatever its length. "restat" is the "restart" of a hundred sentences rather than the "restar" typed once. On a tie,
// the shorter, then the one the model knew first. The known stems are found through their forms one letter shorter
// (one letter added: a form of the word; dropped: the word is a form of theirs; changed: they share a form), not by
// reading all of them for every word the model does not know.
function commonestNear(frequency: Record<string, number>): (stem: string) => string | undefined {
  const keys = Object.keys(frequency);
  const order = new Map(keys.map((key, i) => [key, i]));
  const byShorterForm = new Map<string, string[]>();
  for (const key of keys) {
    if (key.length < MIN_CORRECTED) continue;
    for (const form of shorterForms(key)) {
      const known = byShorterForm.get(form);
      if (known) known.push(key);
      else byShorterForm.set(form, [key]);
    }
  }
  const better = (a: string, b: string | undefined) =>
    (!b ? frequency[a]! > 0 : frequency[a]! > frequency[b]!) || (b !== undefined && frequency[a] === frequency[b] && (a.length < b.length || (a.length === b.length && order.get(a)! < order.get(b)!)));
  return (stem) => {
    if (stem.length < MIN_CORRECTED) return undefined;
    let best: string | undefined;
    const consider = (candidate: string) => {
      if (better(candidate, best) && oneEditApart(stem, candidate)) best = candidate;
    };
    for (const candidate of byShorterForm.get(stem) ?? []) consider(candidate);
    for (const form of shorterForms(stem)) {
      if (order.has(form)) consider(form);
      for (const candidate of byShorterForm.get(form) ?? []) consider(candidate);
    }
    return best;
  };
}

function shorterForms(word: string): Set<string> {
  const forms = new Set<string>();
  for (let i = 0; i < word.length; i++) forms.add(word.slice(0, i) + word.slice(i + 1));
  return forms;
}

function oneEditApart(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  if (short.length === long.length) return i < short.length && short.slice(i + 1) === long.slice(i + 1);
  return short.slice(i) === long.slice(i + 1);
}

// Typing two letters in the wrong order ("comemnt", "pirnter") is a common slip, two edits away for the one-edit
// correction above: the commonest known stem one swap away is taken instead.
function swapped(stem: string, frequency: Record<string, number>): string | undefined {
  let best: string | undefined;
  for (let i = 0; i + 1 < stem.length; i++) {
    if (stem[i] === stem[i + 1]) continue;
    const candidate = stem.slice(0, i) + stem[i + 1] + stem[i] + stem.slice(i + 2);
    if ((frequency[candidate] ?? 0) > (best ? frequency[best]! : 0)) best = candidate;
  }
  return best;
}
