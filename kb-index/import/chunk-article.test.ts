import { chunkArticle, countWords } from './chunk-article.js';

/** A paragraph of exactly `n` distinct words, ending with a full stop, tagged so tests can find it. */
function para(tag: string, n: number): string {
  return `${Array.from({ length: n }, (_, i) => `${tag}${i}`).join(' ')}.`;
}

describe('chunkArticle', () => {
  it('gives no chunks for an empty body', () => {
    expect(chunkArticle('')).toEqual([]);
    expect(chunkArticle('\n\n   \n')).toEqual([]);
  });

  it('keeps the heading path, H1 included, and numbers chunks from 0', () => {
    const body = [
      '# Guide',
      para('intro', 120),
      '## Setup',
      para('setup', 120),
      '### Windows',
      para('win', 120),
      '## Troubleshooting',
      para('trouble', 90),
    ].join('\n\n');
    const chunks = chunkArticle(body);
    expect(chunks.map((c) => c.headingPath)).toEqual([['Guide'], ['Guide', 'Setup'], ['Guide', 'Setup', 'Windows'], ['Guide', 'Troubleshooting']]);
    expect(chunks.map((c) => c.position)).toEqual([0, 1, 2, 3]);
    expect(chunks[2]!.text).toBe(para('win', 120));
  });

  it('takes a short subsection into the running chunk, its heading as a line of text', () => {
    const chunks = chunkArticle(['## Steps', para('a', 30), '### On Windows', para('b', 30)].join('\n\n'));
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.headingPath).toEqual(['Steps']);
    expect(chunks[0]!.text).toBe(`${para('a', 30)}\n\nOn Windows\n\n${para('b', 30)}`);
  });

  it('never exceeds maxWords, even for one paragraph without sentence breaks', () => {
    const body = ['## Long', ...Array.from({ length: 15 }, (_, i) => para(`p${i}x`, 70)), para('wall', 900)].join('\n\n');
    for (const options of [undefined, { targetWords: 60, maxWords: 90 }]) {
      const chunks = chunkArticle(body, options);
      const max = options?.maxWords ?? 350;
      expect(chunks.length).toBeGreaterThan(4);
      for (const chunk of chunks) expect(countWords(chunk.text)).toBeLessThanOrEqual(max);
      // Nothing is lost in the cutting.
      expect(chunks.reduce((sum, c) => sum + countWords(c.text), 0)).toBe(15 * 70 + 900);
    }
  });

  it('splits a long section between paragraphs, keeping the heading path on the continuation', () => {
    const chunks = chunkArticle(['## Long', para('a', 150), para('b', 150), para('c', 150)].join('\n\n'));
    expect(chunks.map((c) => c.headingPath)).toEqual([['Long'], ['Long'], ['Long']]);
    expect(chunks.map((c) => c.text)).toEqual([para('a', 150), para('b', 150), para('c', 150)]);
  });

  it('splits a long numbered list between items, never inside one, keeping the numbers', () => {
    const items = Array.from({ length: 12 }, (_, i) => `${i + 1}. ${para(`item${i + 1}w`, 40)}`);
    const chunks = chunkArticle(`## Steps\n\n${items.join('\n')}`);
    expect(chunks.length).toBeGreaterThan(1);
    const lines = chunks.flatMap((c) => c.text.split('\n'));
    expect(lines).toEqual(items);
    expect(chunks[1]!.text).toMatch(/^\d+\. item\d+w0 /);
    expect(chunks[1]!.headingPath).toEqual(['Steps']);
  });

  it('merges a tiny closing section into the chunk before it when it fits', () => {
    const chunks = chunkArticle(['## Steps', para('s', 200), '## Still stuck?', 'Open a ticket.'].join('\n\n'));
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.headingPath).toEqual(['Steps']);
    expect(chunks[0]!.text.endsWith('\n\nStill stuck?\n\nOpen a ticket.')).toBe(true);
  });

  it('keeps a tiny closing section apart when merging would pass maxWords', () => {
    const chunks = chunkArticle(['## Steps', para('s', 346), '## Still stuck?', 'Open a ticket now please.'].join('\n\n'));
    expect(chunks.map((c) => c.headingPath)).toEqual([['Steps'], ['Still stuck?']]);
    expect(chunks[1]!.text).toBe('Open a ticket now please.');
  });

  it('writes plain text: no Markdown markers, link text without URLs, list numbers kept', () => {
    const body = [
      'Press **Ctrl** + *Alt* and run `ipconfig /all`, then read [the guide](https://example.com/guide "Guide").',
      'Tom &amp; Jerry ![screenshot](shot.png) say <kbd>hi</kbd>.',
      '- first bullet\n- second bullet\n  1. nested step',
      '3. third\n4. fourth',
      '> Quoted warning.',
      '```powershell\nGet-Service | Where Status -eq Running\n```',
      '| Setting | Value |\n|---|---|\n| Port | 443 |',
      'A line\nwrapped softly.',
    ].join('\n\n');
    const [chunk, ...rest] = chunkArticle(body);
    expect(rest).toEqual([]);
    const text = chunk!.text;
    expect(text).toContain('Press Ctrl + Alt and run ipconfig /all, then read the guide.');
    expect(text).toContain('Tom & Jerry say hi.');
    expect(text).toContain('• first bullet\n• second bullet\n  1. nested step');
    expect(text).toContain('3. third\n4. fourth');
    expect(text).toContain('Quoted warning.');
    expect(text).toContain('Get-Service | Where Status -eq Running');
    expect(text).toContain('Port | 443');
    expect(text).toContain('A line wrapped softly.');
    expect(text).not.toMatch(/\*|`|\]\(|https?:|<\/?\w|^#|^- |^> /m);
    expect(text.split('\n\n')).toHaveLength(8);
  });

  it('is deterministic', () => {
    const body = ['# A', para('x', 300), '## B', para('y', 500), '### C', para('z', 20)].join('\n\n');
    expect(chunkArticle(body)).toEqual(chunkArticle(body));
  });
});
