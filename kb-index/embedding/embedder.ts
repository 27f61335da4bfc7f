import type { Language } from '../../i18n/languages.js';

/** Turns knowledge base text into vectors compared by cosine distance. */
export interface Embedder {
  /** Stored with the index; a different name means the index must be rebuilt. e.g. 'local-lexicon-v1' */
  readonly name: string;
  readonly dimension: number;
  embedDocuments(docs: { text: string; lang: Language }[]): Promise<number[][]>;
  embedQuery(text: string, lang?: Language): Promise<number[]>;
}
