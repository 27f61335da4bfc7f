// Format characters (zero-width space and joiners, soft hyphen, bidi marks, BOM) and variation selectors change how a
// text reads to a program but not how it looks: "pass\u200Bword" is "password" to a person.
const INVISIBLE = /[\p{Cf}\uFE00-\uFE0F]/u;

/** A text as it reads to a person, for matching, with the way back to the positions of the text as typed. */
export type MatchView = {
  readonly text: string;
  /** The stretch of the typed text that the stretch [start, end) of `text` came from. */
  original(start: number, end: number): { start: number; end: number };
};

/**
 * The text with invisible characters removed and each character in its NFKC form (full-width letters, ligatures,
 * non-breaking spaces and other look-alikes become the plain characters they look like).
 */
export function matchView(typed: string): MatchView {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const char of typed) {
    const next = index + char.length;
    if (!INVISIBLE.test(char)) {
      const plain = char.normalize('NFKC');
      text += plain;
      for (let i = 0; i < plain.length; i += 1) {
        starts.push(index);
        ends.push(next);
      }
    }
    index = next;
  }
  return {
    text,
    original: (start, end) => ({ start: starts[start] ?? typed.length, end: end > start ? ends[end - 1]! : (starts[start] ?? typed.length) }),
  };
}
