import { describe, expect, it } from '@jest/globals';
import { marked } from 'marked';
import { inertForeignLinks, isPortalLink } from './inert-links.js';

const PORTAL = ['acme.portal.example'];

/** What a GFM renderer makes of the text: every href and src it would load or follow, and every tag it would emit. */
function rendered(markdown: string): { targets: string[]; tags: string[] } {
  const html = marked.parse(markdown, { async: false, gfm: true });
  return {
    targets: [...html.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1]!),
    tags: [...html.matchAll(/<([a-z][a-z0-9]*)/g)].map((m) => m[1]!).filter((tag) => !['p', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'code', 'br', 'blockquote', 'del', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'h1', 'h2', 'h3', 'pre', 'hr', 'img'].includes(tag)),
  };
}

describe('inertForeignLinks', () => {
  const attacks = [
    '[Click to re-validate your mailbox](https://evil.example/m365)',
    'See <https://evil.example/a> now',
    'bare https://evil.example/b and www.evil.example and x@evil.example',
    '![pixel](https://evil.example/p.png)',
    '<a href="https://evil.example">x</a>',
    '<img src=https://evil.example/i.png onerror=alert(1)>',
    '[r][ref]\n\n[ref]: https://evil.example/ref',
    '- item [l](http://evil.example)\n> quote [q](https://evil.example/q)',
    '[![img](https://evil.example/i.png)](https://evil.example/x)',
    '[proto](//evil.example/x) [slash](/\\evil.example/x) [js](javascript:alert(1)) [data](data:text/html,x)',
    '| a | b |\n|---|---|\n| [t](https://evil.example/t) | c |',
    '<div>\n<a href="https://evil.example">block</a>\n</div>',
    '[multi\nline](https://evil.example/ml)',
    '> [quoted\n> over lines](https://evil.example/ql)',
  ];

  it.each(attacks)('leaves no live foreign link or tag in %j', (attack) => {
    const out = inertForeignLinks(`Hello **Anna**.\n\n${attack}\n\nRead [VPN setup](/kb/vpn-setup).`, PORTAL);
    const { targets, tags } = rendered(out);
    expect(targets).toEqual(['/kb/vpn-setup']);
    expect(tags).toEqual([]);
  });

  it('keeps relative links and links to the portal’s own hostnames as they are', () => {
    const text = 'Read [VPN](/kb/vpn) or [this](https://acme.portal.example/kb/mail) and [top](#top).';
    expect(inertForeignLinks(text, PORTAL)).toBe(text);
  });

  it('keeps the words of a foreign link and shows where it pointed, as text', () => {
    expect(inertForeignLinks('[Click here](https://evil.example/m365)', PORTAL)).toBe('Click here (https\\://evil.example/m365)');
  });

  it('leaves text without links untouched', () => {
    const text = '**Password reset** on **TOM-LAPTOP**: 1. confirm 2. enter the code. Costs < 5 €.';
    expect(inertForeignLinks(text, PORTAL)).toBe(text);
  });

  it('judges link targets as a browser resolves them', () => {
    expect(isPortalLink('/kb/vpn', PORTAL)).toBe(true);
    expect(isPortalLink('https://ACME.portal.example/x', PORTAL)).toBe(true);
    expect(isPortalLink('//evil.example/x', PORTAL)).toBe(false);
    expect(isPortalLink('/\\evil.example/x', PORTAL)).toBe(false);
    expect(isPortalLink('java\tscript:alert(1)', PORTAL)).toBe(false);
    expect(isPortalLink('https://acme.portal.example.evil.example/', PORTAL)).toBe(false);
  });
});
