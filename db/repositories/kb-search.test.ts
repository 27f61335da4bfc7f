import { openEmptyDatabase } from '../../test/support/portico.js';
import type { Database } from '../database.js';
import { migrate } from '../migrate.js';
import { countLexemes, deleteArticle, ensureVectorIndex, insertArticle, prepareVectorColumn, replaceChunks, searchChunks, type SearchParams } from './kb.js';
import { insertTenant } from './tenants.js';

/**
 * The fusion logic on hand-made vectors (dimension 3) and words, so that each list's ranking is known in
 * advance and only the fusion decides the order.
 */

/** A search as the domain builds one, on small test vectors; each suite names its tenant, words and fusion constant. */
function searchParams(over: Partial<SearchParams> & Pick<SearchParams, 'tenantId' | 'words' | 'rrfK'>): SearchParams {
  return {
    visibilities: ['portal'],
    embedding: [1, 0, 0],
    queryLang: 'en',
    concepts: [],
    titleText: '',
    preferredLang: 'en',
    limit: 10,
    depth: 40,
    maxConceptShare: 0.5,
    maxWordShare: 0.5,
    maxTerms: 8,
    maxPostings: 1000,
    maxDistance: 0.9,
    weights: { vector: 1, text: 1, title: 0 },
    chunkDecay: 0,
    ...over,
  };
}

type TestChunk = { text: string; v: number[] };
type TestArticle = { title?: string; lang?: string; visibility?: 'portal' | 'technicians' };

/** A migrated database of its own whose vectors have 3 dimensions, with a tenant, and a way to add an article with its chunks. */
async function vectorDatabase() {
  const db = await openEmptyDatabase();
  await migrate(db.pool);
  await prepareVectorColumn(db.pool, 'test', 3);
  const add = async (tenant: string, slug: string, chunks: TestChunk[], { title = slug, lang = 'en', visibility = 'portal' }: TestArticle = {}) => {
    const id = await insertArticle(db.pool, tenant, { slug, title, bodyMd: chunks.map((c) => c.text).join('\n\n'), lang, tags: [], visibility, sourcePath: null, contentHash: slug });
    await replaceChunks(db.pool, tenant, { id, title, lang, visibility }, chunks.map((c, i) => ({ position: i, headingPath: '', text: c.text, concepts: [], embedding: c.v })));
    return id;
  };
  const tenantId = (await insertTenant(db.pool, { name: 'T', slug: 't' })).id;
  return { db, tenantId, add };
}

describe('searchChunks: reciprocal rank fusion of vector, text and title lists', () => {
  let db: Database;
  let tenantId: string;
  let otherTenantId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const test = await vectorDatabase();
    ({ db, tenantId } = test);
    const add = async (tenant: string, slug: string, title: string, lang: string, chunks: TestChunk[], visibility: 'portal' | 'technicians' = 'portal') => {
      ids[slug] = await test.add(tenant, slug, chunks, { title, lang, visibility });
    };
    otherTenantId = (await insertTenant(db.pool, { name: 'O', slug: 'o' })).id;
    await add(tenantId, 'both-second', 'Alpha', 'en', [{ text: 'zebracode appears here', v: [0.9, 0.1, 0] }]);
    await add(tenantId, 'vector-first', 'Beta', 'en', [{ text: 'nothing in common', v: [1, 0, 0] }]);
    await add(tenantId, 'text-first', 'Gamma', 'en', [{ text: 'zebracode zebracode zebracode', v: [0, 1, 0] }]);
    await add(tenantId, 'far-away', 'Delta', 'en', [{ text: 'unrelated words', v: [-1, 0, 0] }]);
    await add(tenantId, 'twin-fr', 'Twin', 'fr', [{ text: 'jumeau', v: [0, 0, 1] }]);
    await add(tenantId, 'twin-en', 'Twin', 'en', [{ text: 'jumeau', v: [0, 0, 1] }]);
    await add(tenantId, 'two-chunks', 'Epsilon', 'en', [
      { text: 'first chunk says little', v: [0, -1, 0] },
      { text: 'second chunk has the quasarword', v: [0, -1, 0] },
    ]);
    await add(tenantId, 'internal', 'Internal zebracode', 'en', [{ text: 'zebracode internal', v: [1, 0, 0] }], 'technicians');
    await add(otherTenantId, 'foreign', 'Foreign', 'en', [{ text: 'zebracode', v: [1, 0, 0] }]);
    await ensureVectorIndex(db.pool);
  });
  afterAll(() => db.close());

  const params = (over: Partial<SearchParams>): SearchParams => searchParams({ tenantId, words: 'zebracode', rrfK: 60, ...over });

  it('ranks an article present in both lists above one that tops a single list', async () => {
    const slugs = (await searchChunks(db.pool, params({}))).map((r) => r.slug);
    // both-second: vector rank 2 + text rank 2; vector-first: vector rank 1 only; text-first: text rank 1 only.
    expect(slugs.slice(0, 3)).toEqual(['both-second', 'vector-first', 'text-first']);
  });

  it('follows the weights: with text off, the vector order alone', async () => {
    const slugs = (await searchChunks(db.pool, params({ weights: { vector: 1, text: 0, title: 0 } }))).map((r) => r.slug);
    expect(slugs[0]).toBe('vector-first');
    expect(slugs[1]).toBe('both-second');
    expect(slugs).not.toContain('text-first');
    const textOnly = (await searchChunks(db.pool, params({ weights: { vector: 0, text: 1, title: 0 } }))).map((r) => r.slug);
    expect(textOnly).toEqual(['text-first', 'both-second']);
  });

  it('drops vector hits beyond the distance limit', async () => {
    const all = (await searchChunks(db.pool, params({ words: '', maxDistance: 2.5 }))).map((r) => r.slug);
    expect(all).toContain('far-away');
    const near = (await searchChunks(db.pool, params({ words: '', maxDistance: 0.5 }))).map((r) => r.slug);
    expect(near).toEqual(['vector-first', 'both-second']);
  });

  it('leaves out words found in too many chunks', async () => {
    // "zebracode" is in 2 of 7 portal chunks: a limit of 1 in 5 makes it too common to count.
    const common = await searchChunks(db.pool, params({ embedding: null, maxWordShare: 0.2 }));
    expect(common).toEqual([]);
    const rare = await searchChunks(db.pool, params({ embedding: null, maxWordShare: 0.5 }));
    expect(rare.map((r) => r.slug)).toEqual(['text-first', 'both-second']);
  });

  it("prefers the user's language between two equally good articles", async () => {
    const en = await searchChunks(db.pool, params({ embedding: [0, 0, 1], words: 'jumeau', preferredLang: 'en' }));
    const fr = await searchChunks(db.pool, params({ embedding: [0, 0, 1], words: 'jumeau', preferredLang: 'fr' }));
    expect(en[0]!.score).toBe(en[1]!.score);
    expect(en.slice(0, 2).map((r) => r.slug)).toEqual(['twin-en', 'twin-fr']);
    expect(fr.slice(0, 2).map((r) => r.slug)).toEqual(['twin-fr', 'twin-en']);
  });

  it('collapses chunks to their article and keeps the best chunk for the snippet', async () => {
    const rows = await searchChunks(db.pool, params({ embedding: [0, -1, 0], words: 'quasarword' }));
    expect(rows.filter((r) => r.slug === 'two-chunks')).toHaveLength(1);
    expect(rows[0]).toMatchObject({ slug: 'two-chunks', chunk_text: 'second chunk has the quasarword' });
  });

  it('stays inside the tenant and the visibility asked for', async () => {
    const portal = (await searchChunks(db.pool, params({}))).map((r) => r.slug);
    expect(portal).not.toContain('internal');
    expect(portal).not.toContain('foreign');
    const technicians = (await searchChunks(db.pool, params({ visibilities: ['portal', 'technicians'] }))).map((r) => r.slug);
    expect(technicians).toContain('internal');
    expect(technicians).not.toContain('foreign');
  });

  it('keeps the term counts equal to a recount through updates and deletions', async () => {
    const recount = `SELECT visibility, lexeme, count(*)::int AS chunks FROM (
        SELECT visibility, unnest(tsvector_to_array(fts)) AS lexeme FROM kb_chunks WHERE tenant_id = $1
        UNION ALL SELECT visibility, '' FROM kb_chunks WHERE tenant_id = $1) l GROUP BY 1, 2 ORDER BY 1, 2`;
    const stored = `SELECT visibility, lexeme, chunks FROM kb_term_stats WHERE tenant_id = $1 AND chunks > 0 ORDER BY 1, 2`;
    await replaceChunks(db.pool, tenantId, { id: ids['two-chunks']!, title: 'Epsilon', lang: 'en', visibility: 'technicians' }, [
      { position: 0, headingPath: 'Steps', text: 'one replacement chunk with newword', concepts: ['cpt_printer'], embedding: [0, -1, 0] },
    ]);
    await deleteArticle(db.pool, tenantId, ids['far-away']!);
    const expected = (await db.pool.query(recount, [tenantId])).rows;
    expect(expected.length).toBeGreaterThan(10);
    expect((await db.pool.query(stored, [tenantId])).rows).toEqual(expected);
  });

  it('counts the chunks holding a lexeme within the tenant and the visibilities asked for', async () => {
    // After the test above: five portal chunks, and two for technicians, one of them about printers.
    const portal = await countLexemes(db.pool, tenantId, ['portal'], ['cpt_printer', 'cpt_nowhere']);
    expect(portal).toEqual({ chunks: 5, byLexeme: new Map() });
    const all = await countLexemes(db.pool, tenantId, ['portal', 'technicians'], ['cpt_printer', 'cpt_nowhere']);
    expect(all).toEqual({ chunks: 7, byLexeme: new Map([['cpt_printer', 1]]) });
  });
});

describe('searchChunks: ties within a list', () => {
  let db: Database;
  let tenantId: string;

  beforeAll(async () => {
    const test = await vectorDatabase();
    ({ db, tenantId } = test);
    const add = (slug: string, text: string, v: number[]) => test.add(tenantId, slug, [{ text, v }]);
    await add('answer', 'the right answer', [1, 0, 0]);
    await add('runner-up', 'a close second', [0.9, 0.3, 0]);
    for (const slug of ['same-a', 'same-b', 'same-c']) await add(slug, 'tiedword noise', [0.6, 0.8, 0]);
    for (const slug of ['other-a', 'other-b', 'other-c', 'other-d', 'other-e']) await add(slug, `${slug} filler`, [0, 0, 1]);
    await ensureVectorIndex(db.pool);
  });
  afterAll(() => db.close());

  const search = (over: Partial<SearchParams>) => searchChunks(db.pool, searchParams({ tenantId, words: 'tiedword', rrfK: 10, ...over }));

  it('gives articles tied in a list the mean of the places they fill', async () => {
    // Three articles match the one term equally: places 1 to 3, so each counts as second.
    const rows = await search({ embedding: null, rrfK: 0 });
    expect(rows.map((r) => r.slug).sort()).toEqual(['same-a', 'same-b', 'same-c']);
    for (const r of rows) expect(r.score).toBeCloseTo(1 / 2, 6);
  });

  it('does not let a crowd of equal text matches jump over the vector order', async () => {
    // Vector places: answer 1, runner-up 2, the three same-* tied at 3 to 5, and tied again in the text list.
    // As the first of their ties they would score 1/13 + 0.1/11 = 0.0860 and pass runner-up (1/12 = 0.0833);
    // at the mean of their places, 1/14 + 0.1/12 = 0.0798, they stay below it.
    const rows = await search({ weights: { vector: 1, text: 0.1, title: 0 } });
    expect(rows.slice(0, 2).map((r) => r.slug)).toEqual(['answer', 'runner-up']);
  });
});

describe('searchChunks: an article counts its further chunks in a list at a decaying weight', () => {
  let db: Database;
  let tenantId: string;

  beforeAll(async () => {
    const test = await vectorDatabase();
    ({ db, tenantId } = test);
    const add = (slug: string, vectors: number[][]) => test.add(tenantId, slug, vectors.map((v, i) => ({ text: `${slug} ${i}`, v })));
    // Vector ranks: one-passage 1; several-passages 2, 3 and 4; far-passages 5 to 8.
    await add('one-passage', [[1, 0, 0]]);
    await add('several-passages', [[0.99, 0.05, 0], [0.98, 0.1, 0], [0.97, 0.15, 0]]);
    await add('far-passages', [[0.9, 0.4, 0], [0.88, 0.45, 0], [0.86, 0.5, 0], [0.84, 0.55, 0]]);
    await ensureVectorIndex(db.pool);
  });
  afterAll(() => db.close());

  const slugs = async (chunkDecay: number) =>
    (await searchChunks(db.pool, searchParams({ tenantId, words: '', rrfK: 10, chunkDecay, weights: { vector: 1, text: 0, title: 0 } }))).map((r) => r.slug);

  it('ranks by the best chunk alone at 0', async () => {
    expect(await slugs(0)).toEqual(['one-passage', 'several-passages', 'far-passages']);
  });

  it('lets several close passages beat one slightly better one, but not many distant ones', async () => {
    expect(await slugs(0.2)).toEqual(['several-passages', 'one-passage', 'far-passages']);
  });
});
