import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importArticles } from '../domain/kb/import-articles.js';
import { readArticleFolder } from '../server/demo-articles.js';
import { createOtherTenant, type OtherTenant } from './factories/tenant.factory.js';
import { DEMO, demoClients, HttpClient, loggedIn } from './support/http-client.js';
import { startTestPortico, type TestPortico } from './support/portico.js';
import { createKnowledgeBase } from '../server/knowledge-base.js';

type Result = { articleId: string; slug: string; title: string; snippet: string; score: number; lang: string };

describe('knowledge base API', () => {
  let portico: TestPortico;
  let other: OtherTenant;
  let tom: HttpClient;
  let anna: HttpClient;
  let luc: HttpClient;
  let tech: HttpClient;

  beforeAll(async () => {
    portico = await startTestPortico();
    other = await createOtherTenant(portico.db.pool);
    ({ tom, anna, luc, tech } = await demoClients(portico.port));
  });
  afterAll(() => portico.close());

  const search = async (client: HttpClient, q: string, extra = ''): Promise<Result[]> => {
    const answer = await client.get(`/api/v1/kb/search?q=${encodeURIComponent(q)}${extra}`);
    expect(answer.status).toBe(200);
    return answer.body.results as Result[];
  };

  it('answers in the contract shape, best first, at most `limit`', async () => {
    const results = await search(tom, 'how do I connect to the VPN from home', '&limit=3');
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(3);
    for (const r of results) {
      expect(Object.keys(r).sort()).toEqual(['articleId', 'lang', 'score', 'slug', 'snippet', 'title']);
    }
    expect(results.map((r) => r.score)).toEqual([...results.map((r) => r.score)].sort((a, b) => b - a));
    expect(results[0]!.slug).toMatch(/vpn/);
  });

  it('finds articles across languages: French and Italian users reach the right article whatever its language', async () => {
    const lucResults = await search(luc, "les documents restent bloqués dans la file d'attente de l'imprimante");
    expect(lucResults.slice(0, 3).map((r) => r.slug)).toContain('stampante-coda-bloccata');
    const annaResults = await search(anna, 'la fotocamera non funziona in Teams');
    expect(annaResults.slice(0, 3).map((r) => r.slug)).toContain('kamera-wird-nicht-erkannt');
  });

  it('tolerates typos', async () => {
    const results = await search(tom, 'outlok not sincing offline');
    expect(results.slice(0, 3).map((r) => r.slug)).toContain('outlook-not-syncing-or-offline');
  });

  it('highlights the matched words in an HTML-escaped snippet', async () => {
    const [first] = await search(tom, 'bitlocker recovery key');
    expect(first!.snippet).toMatch(/<mark>/i);
    expect(first!.snippet).not.toMatch(/<(?!\/?mark>)/);
  });

  it('reads an article as sanitized HTML, counts the view and the feedback', async () => {
    const [first] = await search(tom, 'phishing email report');
    const read = await tom.get(`/api/v1/kb/articles/${first!.articleId}`);
    expect(read.status).toBe(200);
    expect(read.body.html).toMatch(/<(h2|p|ol)>/);
    expect(read.body.html).not.toMatch(/<script/i);
    expect(read.body).not.toHaveProperty('markdown');
    const bySlug = await tom.get(`/api/v1/kb/articles/${first!.slug}`);
    expect(bySlug.body.views).toBe(read.body.views + 1);
    const feedback = await tom.post(`/api/v1/kb/articles/${first!.slug}/feedback`, { helpful: true });
    expect(feedback.body).toEqual({ helpful: read.body.helpful + 1, notHelpful: read.body.notHelpful });
    const popular = await tom.get('/api/v1/kb/popular?limit=3');
    expect(popular.body.articles[0].slug).toBe(first!.slug);
  });

  it('keeps technicians-only articles from portal users', async () => {
    const created = await tech.post('/api/v1/admin/kb/articles', {
      title: 'Internal: resetting the Zorblax appliance',
      body: '## Steps\n\n1. Hold the zorblax reset pin for ten seconds.\n2. Re-enter the zorblax licence.',
      lang: 'en',
      tags: ['internal'],
      visibility: 'technicians',
    });
    expect(created.status).toBe(201);
    expect((await search(tech, 'zorblax reset pin')).map((r) => r.slug)).toContain(created.body.slug);
    expect((await search(tom, 'zorblax reset pin')).map((r) => r.slug)).not.toContain(created.body.slug);
    expect((await tom.get(`/api/v1/kb/articles/${created.body.id}`)).status).toBe(404);
  });

  it('re-indexes an updated article alone and forgets a deleted one', async () => {
    const created = await tech.post('/api/v1/admin/kb/articles', {
      title: 'Frobnicator setup',
      body: 'Connect the frobnicator to the dock.',
      lang: 'en',
    });
    expect((await search(tom, 'frobnicator'))[0]!.slug).toBe('frobnicator-setup');
    const updated = await tech.send('PUT', `/api/v1/admin/kb/articles/${created.body.id}`, {
      json: { title: 'Quuxinator setup', body: 'Connect the quuxinator to the dock.', lang: 'en' },
    });
    expect(updated.status).toBe(200);
    expect((await search(tom, 'frobnicator'))[0]?.slug).not.toBe('frobnicator-setup');
    expect((await search(tom, 'quuxinator'))[0]!.slug).toBe('frobnicator-setup');
    expect((await tech.send('DELETE', `/api/v1/admin/kb/articles/${created.body.id}`)).status).toBe(204);
    expect((await search(tom, 'quuxinator')).map((r) => r.slug)).not.toContain('frobnicator-setup');
    expect((await tom.post('/api/v1/admin/kb/articles', { title: 'x', body: 'y', lang: 'en' })).status).toBe(403);
  });

  it("never shows another tenant's articles", async () => {
    const kb = createKnowledgeBase(portico.db.pool);
    await importArticles(kb, other.tenantId, [
      { relativePath: 'secret.md', content: Buffer.from('---\ntitle: Blorptastic VPN secret\nlang: en\n---\nThe blorptastic VPN key is here.') },
    ]);
    expect((await search(tech, 'blorptastic')).map((r) => r.title)).not.toContain('Blorptastic VPN secret');
    const otherClient = new HttpClient(portico.port, other.hostname);
    await otherClient.login(other.username, other.password);
    const theirs = await search(otherClient, 'blorptastic');
    expect(theirs.map((r) => r.title)).toEqual(['Blorptastic VPN secret']);
    expect((await tom.get(`/api/v1/kb/articles/${theirs[0]!.articleId}`)).status).toBe(404);
  });

  it('obeys the Knowledge base section setting', async () => {
    const tomId = (await tom.get('/api/v1/me')).body.user.id;
    await tech.patch('/api/v1/admin/settings', { sections: { knowledgeBase: { mode: 'selected', userIds: [tomId] } } });
    expect((await tom.get('/api/v1/kb/search?q=vpn')).status).toBe(200);
    for (const answer of [await anna.get('/api/v1/kb/search?q=vpn'), await anna.get('/api/v1/kb/articles/connect-to-the-vpn'), await anna.get('/api/v1/kb/popular')]) {
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('section_disabled');
    }
    await tech.patch('/api/v1/admin/settings', { sections: { knowledgeBase: null } });
    expect((await anna.get('/api/v1/kb/search?q=vpn')).status).toBe(200);
  });

  it('refuses bad input with a clear 4xx', async () => {
    const cases: [string, number][] = [
      ['/api/v1/kb/search', 400],
      ['/api/v1/kb/search?q=', 400],
      ['/api/v1/kb/search?q=%20%20', 400],
      [`/api/v1/kb/search?q=${'a'.repeat(5000)}`, 400],
      ['/api/v1/kb/search?q=vpn&lang=pt', 400],
      ['/api/v1/kb/search?q=vpn&limit=51', 400],
      ['/api/v1/kb/search?q=vpn&limit=0', 400],
      ['/api/v1/kb/articles/not%20a%20slug!', 400],
      ['/api/v1/kb/articles/7c9e6679-7425-40de-944b-e07fc1f90ae7', 404],
      ['/api/v1/kb/articles/no-such-article', 404],
    ];
    for (const [path, status] of cases) {
      const answer = await tom.get(path);
      expect([path, answer.status]).toEqual([path, status]);
      expect(answer.body.error.code).toBe(status === 400 ? 'validation_failed' : 'not_found');
    }
  });
});

describe('importing a folder', () => {
  let portico: TestPortico;
  let folder: string;
  beforeAll(async () => {
    portico = await startTestPortico();
    folder = mkdtempSync(join(tmpdir(), 'portico-kb-import-'));
    mkdirSync(join(folder, 'network'));
    writeFileSync(join(folder, 'network', 'proxy.md'), '---\ntitle: Proxy settings\nlang: en\ntags: [proxy, network]\n---\n## Steps\n\n1. Open the proxy settings.\n2. Turn on automatic detection.');
    writeFileSync(join(folder, 'imprimante.md'), "---\ntitle: Imprimante bourrage papier\n---\n## Étapes\n\n1. Ouvrez le capot de l'imprimante et retirez la feuille coincée.\n2. Refermez le capot et relancez l'impression du document.");
    writeFileSync(join(folder, 'broken.md'), '---\ntitle: [unclosed\n---\nbody');
    writeFileSync(join(folder, 'portuguese.md'), '---\ntitle: Impressora\nlang: pt\n---\nTexto');
    writeFileSync(join(folder, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
  });
  afterAll(async () => {
    await portico.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const tenantId = async () => (await portico.db.pool.query<{ id: string }>("SELECT id FROM tenants WHERE slug = 'demo'")).rows[0]!.id;
  const count = async () => Number((await portico.db.pool.query('SELECT count(*) AS n FROM kb_articles')).rows[0].n);

  it('imports once, skips bad files with a reason, detects a missing language, and re-imports as unchanged', async () => {
    const kb = createKnowledgeBase(portico.db.pool);
    const before = await count();
    const first = await importArticles(kb, await tenantId(), await readArticleFolder(folder));
    expect(first).toMatchObject({ imported: 2, updated: 0, unchanged: 0, removed: 0 });
    expect(first.skipped.map((s) => s.path).sort()).toEqual(['binary.md', 'broken.md', 'portuguese.md']);
    for (const skip of first.skipped) expect(skip.reason.length).toBeGreaterThan(5);
    expect(first.skipped.find((s) => s.path === 'portuguese.md')!.reason).toMatch(/pt/);
    expect(await count()).toBe(before + 2);
    const { rows } = await portico.db.pool.query("SELECT lang, slug FROM kb_articles WHERE source_path = 'imprimante.md'");
    expect(rows[0]).toEqual({ lang: 'fr', slug: 'imprimante' });

    const second = await importArticles(kb, await tenantId(), await readArticleFolder(folder));
    expect(second).toMatchObject({ imported: 0, updated: 0, unchanged: 2, removed: 0 });
    expect(await count()).toBe(before + 2);
  });

  it('updates a changed file in place and prunes a removed one only with prune', async () => {
    const kb = createKnowledgeBase(portico.db.pool);
    writeFileSync(join(folder, 'network', 'proxy.md'), '---\ntitle: Proxy settings\nlang: en\n---\nUse the PAC file from the intranet.');
    rmSync(join(folder, 'imprimante.md'));
    const kept = await importArticles(kb, await tenantId(), await readArticleFolder(folder));
    expect(kept).toMatchObject({ imported: 0, updated: 1, removed: 0 });
    const pruned = await importArticles(kb, await tenantId(), await readArticleFolder(folder), { prune: true });
    // The folder is now the source of truth: every imported article it does not hold goes, the demo ones included.
    expect(pruned).toMatchObject({ updated: 0, unchanged: 1 });
    expect(pruned.removed).toBeGreaterThan(40);
    const { rows } = await portico.db.pool.query('SELECT source_path FROM kb_articles WHERE source_path IS NOT NULL ORDER BY 1');
    expect(rows.map((r) => r.source_path)).toEqual(['network/proxy.md']);
  });

  it('accepts an upload of files over the API for technicians only', async () => {
    const tech = await loggedIn(portico.port, DEMO.tech);
    const body = { files: [{ path: 'upload/wifi.md', contentBase64: Buffer.from('---\ntitle: Office Wi-Fi name\nlang: en\n---\nJoin the network called PorticoNet.').toString('base64') }] };
    const answer = await tech.post('/api/v1/admin/kb/import', body);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ imported: 1, skipped: [] });
    const tom = await loggedIn(portico.port, DEMO.tom);
    expect((await tom.post('/api/v1/admin/kb/import', body)).status).toBe(403);
    const bad = await tech.post('/api/v1/admin/kb/import', { zipBase64: Buffer.from('not a zip').toString('base64') });
    expect(bad.status).toBe(400);
  });
});
