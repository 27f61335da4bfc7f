import { beforeAll, describe, expect, it } from '@jest/globals';
import { useDemoPortico } from './support/demo-portico.js';

// The console's knowledge-base screen reads every article of the tenant, technicians-only ones too, and opens one with
// its Markdown source; end users never reach either.

const demo = useDemoPortico();
type Summary = { id: string; slug: string; title: string; lang: string; tags: string[]; visibility: string; helpful: number; updatedAt: string };
let internal: { id: string; slug: string };

beforeAll(async () => {
  const created = await demo.users.tech.post('/api/v1/admin/kb/articles', {
    title: 'Drucker-Warteschlange zurücksetzen (intern)',
    body: '# Warteschlange\n\nDen **Spooler** neu starten.',
    lang: 'de',
    tags: ['drucker-intern', 'spooler'],
    visibility: 'technicians',
  });
  expect(created.status).toBe(201);
  internal = created.body;
});

const list = async (query: string) => {
  const answer = await demo.users.tech.get(`/api/v1/admin/kb/articles${query}`);
  expect(answer.status).toBe(200);
  return answer.body as { articles: Summary[]; total: number; limit: number; offset: number; tags: string[] };
};

describe('the admin article list', () => {
  it('lists every article of the tenant, technicians-only ones included, newest change first', async () => {
    const page = await list('');
    expect(page.total).toBeGreaterThanOrEqual(40);
    expect(page.articles[0]).toMatchObject({ id: internal.id, visibility: 'technicians', lang: 'de', tags: ['drucker-intern', 'spooler'] });
    expect(page.articles[0]).toEqual(expect.objectContaining({ helpful: 0, notHelpful: 0, views: 0, updatedAt: expect.any(String) }));
    expect(page.tags).toEqual(expect.arrayContaining(['drucker-intern', 'spooler']));
  });

  it('filters by words in the title or a tag (accents and case aside), language, visibility and tag, and pages', async () => {
    const folded = await list('?q=ZURUCKSETZEN');
    expect(folded.articles.map((a) => a.id)).toContain(internal.id);
    expect(folded.articles.every((a) => [a.title, ...a.tags].some((text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().includes('zurucksetzen')))).toBe(true);
    expect((await list('?q=spool')).articles.map((a) => a.id)).toContain(internal.id);
    expect((await list('?visibility=technicians')).articles.map((a) => a.id)).toEqual([internal.id]);
    expect((await list('?tag=spooler&language=de')).articles.map((a) => a.id)).toEqual([internal.id]);
    expect((await list('?tag=spooler&language=fr')).total).toBe(0);
    expect((await list('?tag=spool')).total).toBe(0);

    const french = await list('?language=fr&visibility=portal&limit=3');
    expect(french.articles).toHaveLength(3);
    expect(french.articles.every((a) => a.lang === 'fr' && a.visibility === 'portal')).toBe(true);
    const second = await list('?language=fr&visibility=portal&limit=3&offset=3');
    expect(second.total).toBe(french.total);
    expect(second.articles.map((a) => a.id)).not.toContain(french.articles[0]!.id);
    expect((await list(`?language=fr&offset=${french.total}`)).total).toBe(french.total);
  });

  it('refuses an end user, and names the bad parameter', async () => {
    for (const path of ['/api/v1/admin/kb/articles', `/api/v1/admin/kb/articles/${internal.id}`]) {
      const refused = await demo.users.tom.get(path);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
    }
    expect((await demo.users.anna.post('/api/v1/admin/kb/preview', { body: '# x' })).status).toBe(403);
    for (const [query, named] of [
      ['?language=xx', 'language'],
      ['?visibility=secret', 'visibility'],
      ['?limit=0', 'limit'],
      ['?offset=-1', 'offset'],
      ['?sort=title', 'sort'],
    ]) {
      const bad = await demo.users.tech.get(`/api/v1/admin/kb/articles${query}`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('validation_failed');
      expect(bad.body.error.message).toContain(named);
    }
  });
});

describe('the article editor', () => {
  it("opens an article's Markdown source and fields, by id or slug, without counting a view", async () => {
    const source = await demo.users.tech.get(`/api/v1/admin/kb/articles/${internal.id}`);
    expect(source.status).toBe(200);
    expect(source.body).toMatchObject({
      id: internal.id,
      slug: internal.slug,
      title: 'Drucker-Warteschlange zurücksetzen (intern)',
      lang: 'de',
      tags: ['drucker-intern', 'spooler'],
      visibility: 'technicians',
      body: '# Warteschlange\n\nDen **Spooler** neu starten.',
      sourcePath: null,
    });
    expect((await demo.users.tech.get(`/api/v1/admin/kb/articles/${internal.slug}`)).body.id).toBe(internal.id);
    expect((await list('?visibility=technicians')).articles[0]!).toMatchObject({ id: internal.id, views: 0 });
    expect((await demo.users.tech.get('/api/v1/admin/kb/articles/no-such-article')).status).toBe(404);
  });

  it('previews Markdown as the portal renders it, sanitized', async () => {
    const preview = await demo.users.tech.post('/api/v1/admin/kb/preview', {
      body: '## Steps\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) **done**',
    });
    expect(preview.status).toBe(200);
    expect(preview.body.html).toContain('<h2>Steps</h2>');
    expect(preview.body.html).toContain('<strong>done</strong>');
    expect(preview.body.html).not.toMatch(/script|javascript/);
    const portal = await demo.users.tech.get(`/api/v1/kb/articles/${internal.id}`);
    const same = await demo.users.tech.post('/api/v1/admin/kb/preview', { body: '# Warteschlange\n\nDen **Spooler** neu starten.' });
    expect(same.body.html).toBe(portal.body.html);
  });

  it('names the taken address when a new article would clash with another', async () => {
    const clash = await demo.users.tech.post('/api/v1/admin/kb/articles', {
      title: 'Drucker-Warteschlange zurücksetzen (intern)',
      body: 'Noch einmal.',
      lang: 'de',
    });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('article_slug_taken');
    expect(clash.body.error.message).toContain(internal.slug);
  });
});
