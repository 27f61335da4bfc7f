import { describe, expect, it } from '@jest/globals';
import { preferReaderLanguage } from './prefer-reader-language.js';

describe('preferReaderLanguage', () => {
  const fr = { slug: 'imprimante', lang: 'fr' as const, score: 0.1 };
  const itClose = { slug: 'stampante', lang: 'it' as const, score: 0.097 };
  const itFar = { slug: 'stampante', lang: 'it' as const, score: 0.08 };

  it('quotes the reader’s language first when it is nearly as good', () => {
    expect(preferReaderLanguage([fr, itClose], 'it').map((h) => h.slug)).toEqual(['stampante', 'imprimante']);
  });

  it('keeps the better article first when the reader’s is clearly worse, or already first', () => {
    expect(preferReaderLanguage([fr, itFar], 'it')).toEqual([fr, itFar]);
    expect(preferReaderLanguage([fr, itClose], 'fr')).toEqual([fr, itClose]);
    expect(preferReaderLanguage([], 'fr')).toEqual([]);
  });
});
