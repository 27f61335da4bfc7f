import type { Language } from '../../../i18n/languages.js';
import { analyzeText } from '../../../kb-index/embedding/local-embedder.js';
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

/**
 * Whether a message names something of IT and something wrong with it ("the touchpad stopped working", "non sento
 * niente dalle casse"): such a message reports a problem, however much its other words sound like an answer or a
 * greeting. The knowledge-base lexicon knows these words in every language, including those the intent corpus
 * never used.
 */
export async function reportsProblem(text: string, lang: Language | null): Promise<boolean> {
  const { subjects, problems } = conceptIds();
  const { concepts } = await analyzeText(text, lang ?? undefined, { query: true });
  return concepts.some((c) => problems.has(c)) && concepts.some((c) => subjects.has(c));
}
