import { canonicalUsername } from './canonical-username.js';

describe('canonicalUsername', () => {
  it.each([
    ['  Tom.Baker@AcmeDental.example ', 'tom.baker@acmedental.example'],
    ['Ｔｏｍ@ａｃｍｅ.example', 'tom@acme.example'],
    ['Straße@x.example', 'strasse@x.example'],
    ['ﬁona@x.example', 'fiona@x.example'],
    ['ΟΔΥΣΣΕΥΣ', 'οδυσσευσ'],
    ['οδυσσευς', 'οδυσσευσ'],
    ['gi\u200Bulia@x.example', 'giulia@x.example'],
  ])('writes %j as %j', (input, canonical) => {
    expect(canonicalUsername(input)).toBe(canonical);
  });

  it('keeps the dot of a dotted capital I, so gİulia is not giulia', () => {
    expect(canonicalUsername('gİulia.verdi@acmedental.example')).not.toBe(canonicalUsername('giulia.verdi@acmedental.example'));
    expect(canonicalUsername('GİULIA')).toBe(canonicalUsername('gi\u0307ulia'));
  });

  it('is idempotent', () => {
    for (const text of ['Straße', 'ǅemal', 'GİULIA', 'ΟΔΥΣΣΕΥΣ', 'Ꭰ']) {
      expect(canonicalUsername(canonicalUsername(text))).toBe(canonicalUsername(text));
    }
  });
});
