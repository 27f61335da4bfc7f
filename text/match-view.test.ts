import { describe, expect, it } from '@jest/globals';
import { matchView } from './match-view.js';

describe('matchView', () => {
  it('reads away invisible characters and look-alikes, and maps back to the text as typed', () => {
    const typed = 'my pass\u200Bword is ｓｕｎ';
    const view = matchView(typed);
    expect(view.text).toBe('my password is sun');
    const at = view.text.indexOf('sun');
    const back = view.original(at, at + 3);
    expect(typed.slice(back.start, back.end)).toBe('ｓｕｎ');
    const word = view.original(3, 11);
    expect(typed.slice(word.start, word.end)).toBe('pass\u200Bword');
  });
});
