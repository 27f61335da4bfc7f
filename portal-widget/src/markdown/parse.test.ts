import { parseMarkdown, safeHref } from './parse.js';

const ORIGIN = 'https://acme.portal.test';

describe('the chat Markdown subset', () => {
  it('keeps HTML as text, and links only to this portal', () => {
    const [p] = parseMarkdown('Hi **<b>x</b>** <img src=x>\n[VPN](/kb/vpn) [bad](javascript:alert%281%29) [web](https://example.com/)', ORIGIN);
    expect(p).toEqual({
      kind: 'p',
      lines: [
        ['Hi ', { strong: ['<b>x</b>'] }, ' <img src=x>'],
        [{ href: '/kb/vpn', text: 'VPN' }, ' ', 'bad', ' ', 'web'],
      ],
    });
  });

  it('reads escapes as the characters, starting nothing', () => {
    expect(parseMarkdown('\\[Click\\](https\\://evil.example) 1\\. \\*\\*x\\*\\*', ORIGIN)).toEqual([
      { kind: 'p', lines: [['[Click](https://evil.example) 1. **x**']] },
    ]);
  });

  it('makes lists of bullets and numbers, numbered lists keeping their start', () => {
    expect(parseMarkdown('- one\n- two\n\n3. c\n4. d', ORIGIN)).toEqual([
      { kind: 'ul', start: 1, items: [['one'], ['two']] },
      { kind: 'ol', start: 3, items: [['c'], ['d']] },
    ]);
  });

  it('accepts portal pages, refuses other origins, climbing paths and schemes', () => {
    expect(safeHref('/kb/vpn-setup#step-2', ORIGIN)).toBe('/kb/vpn-setup#step-2');
    expect(safeHref(`${ORIGIN}/kb/a`, ORIGIN)).toBe(`${ORIGIN}/kb/a`);
    expect(safeHref('/kb/../admin', ORIGIN)).toBeUndefined();
    expect(safeHref('/tickets/1002', ORIGIN)).toBe('/tickets/1002');
    expect(safeHref('/tickets/1002/../../admin', ORIGIN)).toBeUndefined();
    expect(safeHref('//evil.example/kb/a', ORIGIN)).toBeUndefined();
    expect(safeHref('data:text/html,hi', ORIGIN)).toBeUndefined();
    expect(safeHref('https://example.com/kb/a', ORIGIN)).toBeUndefined();
  });
});
