import { describe, expect, it } from '@jest/globals';
import { marked } from 'marked';
import { escapeMarkdown } from './escape-markdown.js';

describe('escapeMarkdown', () => {
  it.each([
    '[Click to re-validate your mailbox](https://evil.example/m365)',
    '<img src=x onerror=alert(1)>',
    '![x](https://evil.example/x.png)',
    'https://evil.example/b www.evil.example x@evil.example',
    '# heading\n- list\n[ref]: https://evil.example',
    '**bold** _it_ `code` ~~del~~ | pipe',
  ])('shows %j as typed, with no link or markup', (typed) => {
    const html = marked.parse(`Ticket: ${escapeMarkdown(typed)}`, { async: false, gfm: true });
    expect(html).not.toMatch(/<(?!\/?p>)/);
    const shown = html.replace(/<\/?p>/g, '').trim().replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&#39;/g, "'");
    expect(shown).toBe(`Ticket: ${typed.replace(/\s*\n\s*/g, ' ')}`);
  });

  it('escapes what would start a block only at the start', () => {
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('TOM-LAPTOP #2')).toBe('TOM-LAPTOP #2');
  });
});
