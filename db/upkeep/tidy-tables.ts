import pg from 'pg';
import type { Queryable } from '../transaction.js';

// PostgreSQL's autovacuum defaults: a table is analyzed once a tenth of its rows changed since the last time, and
// vacuumed once a fifth of them are dead, fifty rows more in both cases so that small tables are left alone.
const BASE_ROWS = 50;
const ANALYZE_SHARE = 0.1;
const VACUUM_SHARE = 0.2;

export type TidiedTables = { analyzed: string[]; vacuumed: string[] };

/**
 * Does for one database what PostgreSQL's autovacuum does in the background, for an embedded PGlite, which has no
 * background workers: without it the planner keeps the statistics of a database that was empty at install, and picks
 * plans that scan every contact of a tenant to find one; and rows a chat turn updates pile up as dead ones.
 */
export async function tidyTables(q: Queryable): Promise<TidiedTables> {
  // A session reports its counters at most once a second; this makes the figures read next include its latest writes.
  await q.query('SELECT pg_stat_force_next_flush()');
  const { rows } = await q.query<{ name: string; needs_vacuum: boolean; needs_analyze: boolean }>(
    `WITH tables AS (
       SELECT s.relname AS name, s.n_dead_tup AS dead, s.n_mod_since_analyze AS changed, greatest(c.reltuples, 0) AS rows,
         c.reltuples < 0 AS never, c.relpages AS pages_then, pg_relation_size(c.oid) / current_setting('block_size')::int AS pages
       FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
       WHERE s.schemaname = current_schema()
     ), judged AS (
       SELECT name, dead > $1 + $3 * rows AS needs_vacuum,
         -- PGlite forgets the counters when it closes: a table never analyzed, or that grew by a tenth since it was,
         -- is analyzed on the evidence of its size.
         changed > $1 + $2 * rows OR (never AND pages > 0) OR pages > pages_then + greatest(1, $2 * pages_then) AS needs_analyze
       FROM tables
     )
     SELECT name, needs_vacuum, needs_analyze FROM judged WHERE needs_vacuum OR needs_analyze ORDER BY name`,
    [BASE_ROWS, ANALYZE_SHARE, VACUUM_SHARE],
  );
  const tidied: TidiedTables = { analyzed: [], vacuumed: [] };
  for (const table of rows) {
    const name = pg.escapeIdentifier(table.name);
    // One table at a time: on PGlite each statement holds the server's only connection while it runs.
    await q.query(table.needs_vacuum ? `VACUUM (ANALYZE) ${name}` : `ANALYZE ${name}`);
    if (table.needs_vacuum) tidied.vacuumed.push(table.name);
    tidied.analyzed.push(table.name);
  }
  return tidied;
}
