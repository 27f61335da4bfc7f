import { createRequire } from 'node:module';
import type { Language } from '../../i18n/languages.js';

interface Stemmer {
  stem(word: string): string;
}

// snowball-stemmers is CommonJS without type declarations: requiring it lets us state the one call we use.
const snowball = createRequire(import.meta.url)('snowball-stemmers') as { newStemmer(algorithm: string): Stemmer };

const ALGORITHMS: Record<Language, string> = { en: 'english', fr: 'french', de: 'german', es: 'spanish', it: 'italian' };

// The same few thousand words recur in every chunk and stemming costs far more than a map lookup. The cache
// is emptied when full rather than evicted item by item: simpler, and the working set refills it at once.
const CACHE_LIMIT = 50_000;

const stemmers = new Map<Language, { stemmer: Stemmer; cache: Map<string, string> }>();

function stemmerOf(lang: Language): { stemmer: Stemmer; cache: Map<string, string> } {
  let entry = stemmers.get(lang);
  if (!entry) {
    entry = { stemmer: snowball.newStemmer(ALGORITHMS[lang]), cache: new Map() };
    stemmers.set(lang, entry);
  }
  return entry;
}

/** The stemmer's name and version: stems kept from an earlier run are valid while it stays the same. */
export const STEMMER_VERSION = `snowball-stemmers-${(createRequire(import.meta.url)('snowball-stemmers/package.json') as { version: string }).version}`;

/** Stems computed by an earlier run (see STEMMER_VERSION), taken as if this one had computed them. */
export function rememberStems(lang: Language, stems: Readonly<Record<string, string>>): void {
  const { cache } = stemmerOf(lang);
  for (const [word, stemmed] of Object.entries(stems)) if (cache.size < CACHE_LIMIT) cache.set(word, stemmed);
}

/** Snowball stem of one normalized word (lowercase, accents stripped). */
export function stem(word: string, lang: Language): string {
  const entry = stemmerOf(lang);
  let stemmed = entry.cache.get(word);
  if (stemmed === undefined) {
    if (entry.cache.size >= CACHE_LIMIT) entry.cache.clear();
    stemmed = entry.stemmer.stem(word);
    entry.cache.set(word, stemmed);
  }
  return stemmed;
}
