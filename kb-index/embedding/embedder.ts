import type { Language } from '../../i18n/languages.js';

/** How many of the searched chunks hold each lexicon concept, out of how many chunks in all. */
export type ConceptFrequencies = { chunks: number; byConcept: ReadonlyMap<string, number> };

/** Turns knowledge base text into vectors compared by cosine distance. */
export interface Embedder {
  /** Stored with the index; a different name means the index must be rebuilt. e.g. 'local-lexicon-v4' */
  readonly name: string;
  readonly dimension: number;
  embedDocuments(docs: { text: string; lang: Language }[]): Promise<number[][]>;
  /**
   * `frequencies` describe the knowledge base being searched: an embedder that reads lexicon concepts weighs a
   * question's rare concepts above its common ones; others ignore them.
   */
  embedQuery(text: string, lang?: Language, frequencies?: ConceptFrequencies): Promise<number[]>;
}
