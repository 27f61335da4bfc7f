import { afterAll, describe, expect, it } from '@jest/globals';
import { openDatabase } from '../db/database.js';
import { freshDataDir, startTestPortico, type TestPortico } from './support/portico.js';

// A server started on vectors made by another embedder (a model changed in the configuration, or a new version of the
// local one) re-indexes the knowledge base on its job queue by itself, while it keeps answering.

let portico: TestPortico | undefined;
afterAll(async () => {
  await portico?.close();
});

async function until(probe: () => Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + 30_000;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('knowledge-base vectors of another embedder', () => {
  it('are made again in the background with the configured one, every article, and the server says so in its log', async () => {
    const dataDir = freshDataDir();
    const before = await openDatabase({ dataDir });
    const { rows } = await before.pool.query<{ embedder: string; chunks: string }>('SELECT embedder, (SELECT count(*) FROM kb_chunks) AS chunks FROM kb_index_state');
    const configured = rows[0]!.embedder;
    await before.pool.query("UPDATE kb_index_state SET embedder = 'an-earlier-model'");
    await before.pool.query("UPDATE kb_chunks SET embedding = NULL WHERE position = 0");
    await before.close();

    portico = await startTestPortico({ dataDir });
    const { pool } = portico.db;
    await until(async () => (await pool.query<{ embedder: string }>('SELECT embedder FROM kb_index_state')).rows[0]?.embedder === configured, 'the index state');
    await until(async () => portico!.logs.some((line) => line.includes('knowledge base re-indexed')), 'the end of the re-index');
    const after = await pool.query<{ chunks: string; missing: string }>('SELECT count(*) AS chunks, count(*) FILTER (WHERE embedding IS NULL) AS missing FROM kb_chunks');
    expect(after.rows[0]).toEqual({ chunks: rows[0]!.chunks, missing: '0' });
    expect(portico.logs.some((line) => line.includes('another embedding model') && line.includes('an-earlier-model'))).toBe(true);
    expect(portico.logs.some((line) => line.includes('re-indexing the knowledge base'))).toBe(true);
  });
});
