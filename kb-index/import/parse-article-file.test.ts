import { MAX_ARTICLE_BYTES, parseArticleFile, type ParseResult } from './parse-article-file.js';

function parse(fileName: string, text: string): ParseResult {
  return parseArticleFile(fileName, Buffer.from(text, 'utf8'));
}

function article(fileName: string, text: string) {
  const result = parse(fileName, text);
  if (!result.ok) throw new Error(`expected ${fileName} to parse, got: ${result.reason}`);
  return result.article;
}

function reason(fileName: string, content: string | Buffer): string {
  const result = typeof content === 'string' ? parse(fileName, content) : parseArticleFile(fileName, content);
  if (result.ok) throw new Error(`expected ${fileName} to be skipped`);
  return result.reason;
}

describe('parseArticleFile: Markdown', () => {
  it('reads the front matter and drops a leading H1 that repeats the title', () => {
    const parsed = article(
      'reset.md',
      '---\ntitle: "Reset your password"\nlang: en\ntags: [password, reset]\nslug: reset-your-password\n---\n\n# Reset your password\n\nOpen the page.\n\n## Steps\n\n1. Click.\n',
    );
    expect(parsed).toEqual({
      title: 'Reset your password',
      lang: 'en',
      tags: ['password', 'reset'],
      slug: 'reset-your-password',
      bodyMarkdown: 'Open the page.\n\n## Steps\n\n1. Click.',
      format: 'markdown',
    });
  });

  it('accepts regional and upper-case language tags as their base language', () => {
    const lang = (value: string) => article('a.md', `---\ntitle: T\nlang: ${value}\n---\nBody.`).lang;
    expect(lang('fr-FR')).toBe('fr');
    expect(lang('FR')).toBe('fr');
    expect(lang('de_DE')).toBe('de');
    expect(lang('it')).toBe('it');
  });

  it('leaves lang undefined when the front matter has none, for the caller to detect', () => {
    const parsed = article('a.md', '---\ntitle: T\n---\nBody.');
    expect(parsed.lang).toBeUndefined();
    expect(parsed.slug).toBeUndefined();
    expect(parsed.tags).toEqual([]);
  });

  it('takes tags as a comma-separated string, trimmed and without duplicates', () => {
    expect(article('a.md', '---\ntitle: T\ntags: "vpn, remote work ,VPN,, wifi"\n---\nBody.').tags).toEqual(['vpn', 'remote work', 'wifi']);
  });

  it('lowercases a slug and refuses one that is not a slug', () => {
    expect(article('a.md', '---\ntitle: T\nslug: Reset-Password\n---\nBody.').slug).toBe('reset-password');
    expect(reason('a.md', '---\ntitle: T\nslug: reset password\n---\nBody.')).toMatch(/^slug 'reset password' is not valid/);
    expect(reason('a.md', '---\ntitle: T\nslug: reset--password\n---\nBody.')).toMatch(/^slug /);
  });

  it('uses the first H1 as the title when there is none, and removes it from the body', () => {
    const parsed = article('a.md', '```\n# not a heading\n```\n\n# Printer offline\n\nCheck the cable.\n');
    expect(parsed.title).toBe('Printer offline');
    expect(parsed.bodyMarkdown).toBe('```\n# not a heading\n```\n\nCheck the cable.');
  });

  it('strips inline Markdown from a title taken from a heading', () => {
    expect(article('a.md', '# Use **the** [VPN](https://vpn.example.com)\n\nText.').title).toBe('Use the VPN');
  });

  it('drops a leading H1 that restyles or shortens the title, but keeps a different one', () => {
    const front = '---\ntitle: Outlook stuck on Working Offline (and how to fix it)\n---\n';
    expect(article('a.md', `${front}# Outlook stuck on "Working Offline"\n\nText.`).bodyMarkdown).toBe('Text.');
    expect(article('a.md', `${front}# Before anything else\n\nText.`).bodyMarkdown).toBe('# Before anything else\n\nText.');
    // Only a heading at the very top is the title; a later H1 is content.
    expect(article('a.md', `${front}Intro.\n\n# Outlook stuck on Working Offline\n\nText.`).bodyMarkdown).toContain('# Outlook stuck');
  });

  it('tolerates a byte order mark and Windows line endings', () => {
    const text = '---\r\ntitle: "Connect to the VPN"\r\nlang: en\r\n---\r\n# Connect to the VPN\r\n\r\nOpen the app.\r\nClick Connect.\r\n';
    const parsed = parseArticleFile('vpn.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    expect(parsed).toEqual({
      ok: true,
      article: expect.objectContaining({ title: 'Connect to the VPN', lang: 'en', bodyMarkdown: 'Open the app.\nClick Connect.' }),
    });
  });

  it('accepts the .markdown extension in any case', () => {
    expect(article('Guide.MARKDOWN', '# Guide\n\nText.').format).toBe('markdown');
  });
});

describe('parseArticleFile: skip reasons', () => {
  it('refuses files over 2 MB', () => {
    const big = Buffer.alloc(MAX_ARTICLE_BYTES + 1, 'a');
    expect(reason('big.md', big)).toBe('larger than 2 MB');
    expect(parseArticleFile('ok.md', Buffer.concat([Buffer.from('# T\n\n'), Buffer.alloc(MAX_ARTICLE_BYTES - 5, 'a')])).ok).toBe(true);
  });

  it('refuses binary content', () => {
    expect(reason('a.md', Buffer.from([0x23, 0x20, 0x54, 0x00, 0x41]))).toMatch(/^binary content .*NUL/);
    expect(reason('a.md', Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x41]))).toMatch(/^binary content .*UTF-8/);
  });

  it('names the unsupported extension', () => {
    expect(reason('manual.pdf', 'text')).toBe('unsupported file type .pdf');
    expect(reason('README', 'text')).toBe('unsupported file type (no extension)');
  });

  it('says what is wrong with the front matter', () => {
    expect(reason('a.md', '---\ntitle: [unclosed\n---\nBody.')).toMatch(/^front matter is not valid YAML: \S/);
    expect(reason('a.md', '---\ntitle: T\ntags: {a: 1}\n---\nBody.')).toBe('front matter: tags must be a list of words');
    expect(reason('a.md', '---\ntitle: T\ntags: [[a, b]]\n---\nBody.')).toBe('front matter: tags must be a list of words');
    expect(reason('a.md', '---\n- a\n- b\n---\nBody.')).toMatch(/^front matter must be/);
    expect(reason('a.md', '---\ntitle: T\nBody without a closing line.')).toMatch(/^front matter is not closed/);
  });

  it('refuses a language that is present but not supported', () => {
    expect(reason('a.md', '---\ntitle: T\nlang: pt\n---\nBody.')).toBe("unknown language 'pt'");
    expect(reason('a.md', '---\ntitle: T\nlang: pt-BR\n---\nBody.')).toBe("unknown language 'pt-BR'");
  });

  it('refuses an article without a title', () => {
    expect(reason('a.md', '---\nlang: en\n---\nJust text.\n\n## A section\n')).toMatch(/^no title/);
  });

  it('refuses an empty body', () => {
    expect(reason('a.md', '---\ntitle: T\n---\n\n# T\n\n')).toBe('empty body');
    expect(reason('a.html', '<html><head><title>T</title></head><body><h1>T</h1><script>x()</script></body></html>')).toBe('empty body');
  });
});

describe('parseArticleFile: HTML', () => {
  const page = `<!DOCTYPE html>
<html lang="fr-CA">
<head>
  <meta charset="utf-8">
  <title>Imprimante  hors ligne</title>
  <meta name="Keywords" content="imprimante, hors ligne , impression">
  <style>p { color: red }</style>
</head>
<body>
  <header>Portail IT</header>
  <nav><a href="/">Accueil</a></nav>
  <h1>Imprimante hors ligne</h1>
  <p>Votre imprimante affiche <strong>Hors ligne</strong>.</p>
  <h2>Étapes</h2>
  <ul><li>Vérifiez le câble.</li><li>Redémarrez l'imprimante.</li></ul>
  <pre><code>lpstat -p</code></pre>
  <script>track()</script>
  <noscript>Activez JavaScript</noscript>
  <footer>© MSP</footer>
</body>
</html>`;

  it('takes title, language and keywords from the head', () => {
    const parsed = article('imprimante.html', page);
    expect(parsed.title).toBe('Imprimante hors ligne');
    expect(parsed.lang).toBe('fr');
    expect(parsed.tags).toEqual(['imprimante', 'hors ligne', 'impression']);
    expect(parsed.format).toBe('html');
  });

  it('converts the body to Markdown without page chrome, scripts or the title heading', () => {
    const body = article('imprimante.htm', page).bodyMarkdown;
    expect(body).toContain('Votre imprimante affiche **Hors ligne**.');
    expect(body).toContain('## Étapes');
    expect(body).toMatch(/^- +Vérifiez le câble\.$/m);
    expect(body).toContain('```\nlpstat -p\n```');
    for (const dropped of ['Portail IT', 'Accueil', 'track()', 'Activez JavaScript', '© MSP', 'color: red', '# Imprimante']) {
      expect(body).not.toContain(dropped);
    }
  });

  it('falls back to the first <h1> for the title and leaves lang undefined without <html lang>', () => {
    const parsed = article('a.html', '<body><h1>Wi-Fi &amp; guests</h1><p>Use the guest network.</p></body>');
    expect(parsed.title).toBe('Wi-Fi & guests');
    expect(parsed.lang).toBeUndefined();
    expect(parsed.bodyMarkdown).toBe('Use the guest network.');
  });

  it('refuses an unsupported <html lang>', () => {
    expect(reason('a.html', '<html lang="pt-BR"><body><h1>T</h1><p>Texto.</p></body></html>')).toBe("unknown language 'pt-BR'");
  });
});
