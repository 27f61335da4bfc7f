import { renderArticleHtml, snippetFrom } from './render-article.js';

describe('renderArticleHtml', () => {
  it('renders the usual article Markdown', () => {
    const html = renderArticleHtml('## Steps\n\n1. Open **Settings**.\n2. Run `ipconfig`.\n\n> Note\n\n```sh\nping 1.1.1.1\n```\n\n| A | B |\n|---|---|\n| 1 | 2 |\n');
    expect(html).toContain('<h2>Steps</h2>');
    expect(html).toContain('<ol>\n<li>Open <strong>Settings</strong>.</li>');
    expect(html).toContain('<code>ipconfig</code>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<pre><code class="language-sh">ping 1.1.1.1');
    expect(html).toContain('<td>1</td>');
  });

  it('keeps a normal link and opens it safely in a new tab', () => {
    expect(renderArticleHtml('Read [the guide](https://example.com/a?b=1&c=2).')).toBe(
      '<p>Read <a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer" target="_blank">the guide</a>.</p>\n',
    );
    expect(renderArticleHtml('[Mail IT](mailto:it@example.com)')).toContain('<a href="mailto:it@example.com" rel="noopener noreferrer" target="_blank">');
  });

  it('strips scripts, event handlers, styles and frames', () => {
    const html = renderArticleHtml(
      'Hi<script>alert(1)</script>\n\n<img src="https://example.com/a.png" onerror="alert(2)">\n\n<p style="color:red" onclick="x()">Text</p>\n\n<iframe src="https://evil.example"></iframe><style>body{}</style>',
    );
    expect(html).not.toMatch(/<script|alert\(|onerror|onclick|style=|<iframe|<style|body\{\}/i);
    expect(html).toContain('<img src="https://example.com/a.png" loading="lazy" referrerpolicy="no-referrer" />');
    expect(html).toContain('<p>Text</p>');
  });

  it('turns javascript:, protocol-relative and relative links into plain text', () => {
    const html = renderArticleHtml(
      '[one](javascript:alert(1)) <a href="jav&#x09;ascript:alert(2)">two</a> <a href=" JAVASCRIPT:alert(3)">three</a> [four](//evil.example/x) [five](other-article.md) [six](https://example.com)',
    );
    expect(html).toBe('<p>one two three four five <a href="https://example.com" rel="noopener noreferrer" target="_blank">six</a></p>\n');
  });

  it('keeps https and inline raster images only', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(renderArticleHtml(`![shot](${png})`)).toContain(`src="${png}"`);
    for (const src of ['http://example.com/a.png', 'data:image/svg+xml;base64,PHN2Zz4=', 'javascript:alert(1)', 'shot.png']) {
      expect(renderArticleHtml(`before ![shot](${src}) after`)).toBe('<p>before  after</p>\n');
    }
  });
});

describe('snippetFrom', () => {
  const filler = (word: string, n: number) => Array.from({ length: n }, () => word).join(' ');

  it('marks query terms without regard to accents or case, escaping the rest', () => {
    expect(snippetFrom('Réinitialiser <le> mot de passe & plus', ['reinitialiser', 'passe'])).toBe(
      '<mark>Réinitialiser</mark> &lt;le&gt; mot de <mark>passe</mark> &amp; plus',
    );
  });

  it('marks whole words that start with a stem, but short terms only as whole words', () => {
    expect(snippetFrom('Connection lost, reconnect the VPN', ['connect', 'vp'])).toBe('<mark>Connection</mark> lost, reconnect the VPN');
    expect(snippetFrom('Connection lost, reconnect the VPN', ['vpn'])).toBe('Connection lost, reconnect the <mark>VPN</mark>');
  });

  it('picks the window with the most distinct terms and marks the cuts', () => {
    const text = `${filler('printer', 20)} ${filler('lorem', 60)} the printer queue is stuck ${filler('ipsum', 60)}`;
    const snippet = snippetFrom(text, ['printer', 'queue'], 100);
    expect(snippet).toMatch(/^…/);
    expect(snippet).toMatch(/…$/);
    expect(snippet).toContain('<mark>printer</mark> <mark>queue</mark> is stuck');
    expect(snippet.replace(/<\/?mark>/g, '').length).toBeLessThanOrEqual(102);
    expect(snippet).not.toMatch(/ …|… /);
  });

  it('starts at the beginning when nothing matches, and keeps short text whole', () => {
    const text = `Open the settings ${filler('word', 100)}`;
    const snippet = snippetFrom(text, ['printer'], 50);
    expect(snippet.startsWith('Open the settings word')).toBe(true);
    expect(snippet.endsWith('word…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(51);
    expect(snippetFrom('Short\n\ntext.', [])).toBe('Short text.');
  });
});
