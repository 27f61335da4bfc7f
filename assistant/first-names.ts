import { createRequire } from 'node:module';
import { foldText } from './fold-text.js';

const require = createRequire(import.meta.url);
const LISTS = ['en', 'fr', 'de', 'es', 'it'].flatMap((lang) => [`female-human-names-${lang}`, `male-human-names-${lang}`]);
// Two letters name nobody reliably ("al", "jo" are words too).
const SHORTEST = 3;

const FIRST_NAMES: ReadonlySet<string> = new Set(
  LISTS.flatMap((list) => require(`human-names/data/${list}.json`) as string[])
    .map(foldText)
    .filter((name) => name.length >= SHORTEST),
);

/** Whether a folded word is a common first name: a name typed in lower case ("gareths pc", "il pc di matteo") is still one. */
export function isCommonFirstName(word: string): boolean {
  return FIRST_NAMES.has(word);
}
