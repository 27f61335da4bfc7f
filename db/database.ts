import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { vector } from '@electric-sql/pglite-pgvector';
import pg from 'pg';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { PreparingClient, UnnamedStatementsClient } from './prepared-statements.js';

export type Database = {
  pool: pg.Pool;
  mode: 'embedded' | 'scale-out';
  close(): Promise<void>;
};

// Without it, an HNSW scan filtered by tenant can stop short of the rows asked for.
const VECTOR_SEARCH = { name: 'hnsw.iterative_scan', value: 'relaxed_order' };
const VECTOR_SEARCH_SETTING = `${VECTOR_SEARCH.name} = ${VECTOR_SEARCH.value}`;

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', '57P01', '57P02', '57P03']);

/**
 * The database could not be reached or dropped the connection (stopped, restarting, out of connections), as opposed
 * to a query it refused: the request may succeed again shortly, without a restart of the node.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || code.startsWith('08'))) return true;
  return /^Connection terminated|timeout exceeded when trying to connect/.test(error.message);
}

export type DatabaseOptions = { databaseUrl?: string; dataDir: string; poolSize?: number };

/**
 * A PGlite served over TCP (pglite-socket) gives every connection, of every node, the same session: a statement named
 * on one connection exists on all, so a second connection preparing it fails. Such a server gets unnamed statements.
 */
async function sharesOneSession(connectionString: string): Promise<boolean> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>('SELECT version()');
    return /\bPGlite\b/.test(rows[0]?.version ?? '');
  } finally {
    await client.end();
  }
}

/** Opens PGlite in the data directory (embedded) or a pool on DATABASE_URL (scale-out); the code above sees one pg.Pool either way. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const shared = await sharesOneSession(options.databaseUrl);
    const Client = shared ? UnnamedStatementsClient : PreparingClient;
    // A database that does not answer fails the request after a few seconds instead of holding it forever. Each
    // connection starts with the vector search setting (a SET queued on connect would run beside the pool's first
    // query); connections that share one session get it once, below.
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      Client,
      connectionTimeoutMillis: 5_000,
      ...(shared ? {} : { options: `-c ${VECTOR_SEARCH.name}=${VECTOR_SEARCH.value}` }),
    });
    // A connection the server dropped while idle leaves the pool with this event (without a listener, the process
    // would end); the next query opens a new one, and a request meanwhile gets the database's error.
    pool.on('error', () => undefined);
    await pool.query(shared ? `SET ${VECTOR_SEARCH_SETTING}` : 'select 1');
    return { pool, mode: 'scale-out', close: () => pool.end() };
  }
  // An in-memory database (memory://) has no directory to share.
  const lock: DataDirLock = options.dataDir.startsWith('memory://') ? { release() {} } : lockDataDir(options.dataDir);
  try {
    const pglite = await PGlite.create({ dataDir: options.dataDir, extensions: { vector, pg_trgm, unaccent } });
    // PGlite is one connection: a larger pool crashes it.
    const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, Client: PreparingClient });
    await pool.query(`SET ${VECTOR_SEARCH_SETTING}`);
    let closed = false;
    return {
      pool,
      mode: 'embedded',
      async close() {
        if (closed) return;
        closed = true;
        await pool.end();
        await pglite.close();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
