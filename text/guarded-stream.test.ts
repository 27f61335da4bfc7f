import { describe, expect, it } from '@jest/globals';
import { guardedStream } from './guarded-stream.js';
import { inertForeignLinks } from './inert-links.js';

function streamed(pieces: string[], held: string[] = []): string[] {
  const out: string[] = [];
  const clean = (text: string) => inertForeignLinks(held.reduce((t, secret) => t.split(secret).join('••••••'), text), []);
  const stream = guardedStream(clean, held, (text) => out.push(text));
  for (const piece of pieces) stream.push(piece);
  stream.end();
  return out;
}

/** Every cut of the text into two pieces, as a provider's chunks could fall. */
function everySplit(text: string): string[][] {
  return Array.from({ length: text.length - 1 }, (_, i) => [text.slice(0, i + 1), text.slice(i + 1)]);
}

describe('guardedStream', () => {
  it('sends plain text on as it comes, word by word, and adds up to it', () => {
    const out = streamed(['I have prepared ', 'the lock of', ' your laptop.']);
    expect(out.join('')).toBe('I have prepared the lock of your laptop.');
    expect(out.length).toBeGreaterThanOrEqual(3);
  });

  it.each(everySplit('See [Click here](https://evil.example/m365) or <https://evil.example/a> now'))(
    'never lets a foreign link through, wherever the chunks fall (%j + %j)',
    (first, second) => {
      const out = streamed([first!, second!]).join('');
      expect(out).not.toMatch(/\]\(https|<https/);
      expect(out).toContain('https\\://evil.example');
    },
  );

  it.each(everySplit('You wrote Hunter2! here'))('never shows a held secret, wherever the chunks fall (%j + %j)', (first, second) => {
    expect(streamed([first!, second!], ['Hunter2!']).join('')).toBe('You wrote •••••• here');
  });
});
