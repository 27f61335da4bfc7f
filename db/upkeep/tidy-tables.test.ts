import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openEmptyDatabase } from '../../test/support/portico.js';
import { openDatabase, type Database } from '../database.js';
import { tidyTables } from './tidy-tables.js';

let db: Database;
beforeAll(async () => {
  db = await openEmptyDatabase();
});
afterAll(async () => {
  await db.close();
});

const estimatedRows = async (table: string) =>
  Number((await db.pool.query<{ reltuples: number }>('SELECT reltuples FROM pg_class WHERE relname = $1', [table])).rows[0]!.reltuples);
const deadRows = async (table: string) => {
  await db.pool.query('SELECT pg_stat_force_next_flush()');
  return Number((await db.pool.query<{ n: string }>('SELECT n_dead_tup AS n FROM pg_stat_user_tables WHERE relname = $1', [table])).rows[0]!.n);
};

describe('tidyTables on an embedded database', () => {
  it('analyzes a table once enough of it changed, vacuums it once enough of it is dead, and leaves quiet tables alone', async () => {
    await db.pool.query("INSERT INTO tenants (name, slug) SELECT 'Tenant ' || n, 'tenant-' || n FROM generate_series(1, 400) AS n");
    expect(await estimatedRows('tenants')).toBeLessThanOrEqual(0);

    const first = await tidyTables(db.pool);
    expect(first.analyzed).toContain('tenants');
    expect(await estimatedRows('tenants')).toBe(400);

    // Nothing changed since: a second round has nothing to do.
    expect(await tidyTables(db.pool)).toEqual({ analyzed: [], vacuumed: [] });

    // A few changes stay under the thresholds (50 rows and a tenth, or a fifth for dead rows, of 400).
    await db.pool.query("UPDATE tenants SET name = name || '.' WHERE slug IN ('tenant-1', 'tenant-2', 'tenant-3')");
    expect(await tidyTables(db.pool)).toEqual({ analyzed: [], vacuumed: [] });

    await db.pool.query("UPDATE tenants SET name = name || '!' WHERE slug LIKE 'tenant-1%' OR slug LIKE 'tenant-2%'");
    expect(await deadRows('tenants')).toBeGreaterThan(130);
    const third = await tidyTables(db.pool);
    expect(third).toEqual({ analyzed: ['tenants'], vacuumed: ['tenants'] });
    expect(await deadRows('tenants')).toBe(0);
  });

  it('analyzes, after a restart that forgot the counters, a table never analyzed or grown since it was', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'portico-tidy-')), 'data');
    const first = await openDatabase({ dataDir });
    await first.pool.query('CREATE TABLE notes (id serial PRIMARY KEY, body text)');
    await first.pool.query("INSERT INTO notes (body) SELECT repeat('x', 200) FROM generate_series(1, 300)");
    await first.close();

    let reopened = await openDatabase({ dataDir });
    expect((await tidyTables(reopened.pool)).analyzed).toEqual(['notes']);
    expect(await tidyTables(reopened.pool)).toEqual({ analyzed: [], vacuumed: [] });
    await reopened.pool.query("INSERT INTO notes (body) SELECT repeat('y', 200) FROM generate_series(1, 300)");
    await reopened.close();

    reopened = await openDatabase({ dataDir });
    expect((await tidyTables(reopened.pool)).analyzed).toEqual(['notes']);
    expect(Number((await reopened.pool.query("SELECT reltuples FROM pg_class WHERE relname = 'notes'")).rows[0].reltuples)).toBe(600);
    await reopened.close();
    rmSync(dirname(dataDir), { recursive: true, force: true });
  });
});
