import type { Language } from '../../../i18n/languages.js';
import { analyzeText } from '../../../kb-index/embedding/local-embedder.js';
import { tokenize } from '../../../kb-index/text/normalize.js';
import { loadLexicon } from './synthesize-corpus.js';

let ids: { subjects: Set<string>; problems: Set<string> } | undefined;

function conceptIds() {
  if (!ids) {
    const { subjects, problems } = loadLexicon();
    const bare = (id: string) => id.slice(id.indexOf(':') + 1);
    ids = { subjects: new Set(subjects.map((c) => bare(c.id))), problems: new Set(problems.map((c) => bare(c.id))) };
  }
  return ids;
}

// "Wrong" tells a fault of a thing ("wrong password") as often as the user's own slip ("sorry, wrong window",
// "ho sbagliato finestra"): when the models read no request into the message, the slip is the likelier.
const SLIPS = new Set(['incorrect']);

/**
 * Whether a message names something of IT and something wrong with it ("the touchpad stopped working", "non sento
 * niente dalle casse"): such a message reports a problem, however much its other words sound like an answer or a
 * greeting. The knowledge-base lexicon knows these words in every language, including those the intent corpus
 * never used.
 */
export async function reportsProblem(text: string, lang: Language | null, words: { knownWords: ReadonlySet<string>; notTypos: ReadonlySet<string> }): Promise<boolean> {
  const { subjects, problems } = conceptIds();
  const { concepts } = await analyzeText(text, lang ?? undefined, { query: true, notTypos: words.notTypos });
  if (concepts.some((c) => problems.has(c) && !SLIPS.has(c)) && concepts.some((c) => subjects.has(c))) return true;
  return lang !== null && describesThing(text, lang, subjects, words);
}

// Verbs that tie a thing to how it is or behaves, as written once lowercased and stripped of accents.
const DESCRIBING: Record<Language, Set<string>> = {
  en: new Set(['is', 'are', 'feels', 'feel', 'seems', 'seem', 'looks', 'look', 'sounds', 'sound', 'went', 'gets', 'got', 'became', 'stays']),
  fr: new Set(['est', 'sont', 'semble', 'semblent', 'parait', 'devient', 'reste', 'sonne']),
  de: new Set(['ist', 'sind', 'wirkt', 'wirken', 'scheint', 'scheinen', 'sieht', 'klingt', 'bleibt', 'wird', 'wurde']),
  es: new Set(['es', 'esta', 'estan', 'parece', 'parecen', 've', 'suena', 'queda', 'sigue', 'se']),
  it: new Set(['e', 'sono', 'sembra', 'sembrano', 'pare', 'suona', 'resta', 'rimane', 'diventa', 'diventato', 'diventata']),
};
const CLAUSE = /[.!?;,:\n]+/u;
const MIN_WORD = 3;

// "the trackpad feels jumpy", "la webcam est floue", "der Bildschirm ist so komisch gelb": the lexicon cannot know
// every word a fault is told in, and neither can the intent models, which then read the message from its few small
// words ("today", "est") as a greeting or a thank-you. An IT thing followed by a verb describing it and a word no
// intent sentence ever used is told about, not greeted: the message describes how the thing behaves. A predicate in
// known words ("the printer is working again", "this chat is slow") stays the models' to read.
async function describesThing(
  text: string,
  lang: Language,
  subjects: ReadonlySet<string>,
  { knownWords, notTypos }: { knownWords: ReadonlySet<string>; notTypos: ReadonlySet<string> },
): Promise<boolean> {
  for (const clause of text.split(CLAUSE)) {
    const words = tokenize(clause);
    const verb = words.findIndex((word, i) => i > 0 && DESCRIBING[lang].has(word));
    if (verb < 0) continue;
    const predicate = words.slice(verb + 1);
    if (!predicate.some((word) => word.length >= MIN_WORD && !/\d/.test(word) && !knownWords.has(word))) continue;
    const { concepts } = await analyzeText(words.slice(0, verb).join(' '), lang, { query: true, notTypos });
    if (concepts.some((c) => subjects.has(c))) return true;
  }
  return false;
}
