import { readFileSync } from 'node:fs';

/**
 * The lexicon's concepts for what goes wrong ("not working", "slow", "error") rather than what it happens to: two
 * texts sharing only these are about different things. They are the entries of problems.json.
 */
export const SYMPTOM_CONCEPTS: ReadonlySet<string> = new Set(
  (JSON.parse(readFileSync(new URL('./problems.json', import.meta.url), 'utf8')) as { id: string }[]).map((entry) => entry.id),
);
