import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../config/env.js';
import { createLogger } from '../../config/logger.js';
import { openDatabase, type Database } from '../../db/database.js';
import { startPortico, type RunningPortico, type StartOptions } from '../../server/start.js';

export type TestPortico = RunningPortico & { dataDir: string; logs: string[] };

/** A fresh copy of the seeded template data directory, for suites that must not share state. */
export function freshDataDir(): string {
  const template = process.env.PORTICO_TEST_TEMPLATE_DIR;
  const dir = join(mkdtempSync(join(tmpdir(), 'portico-test-')), 'data');
  if (template) cpSync(template, dir, { recursive: true });
  return dir;
}

/**
 * A database with the schema and no tenant, closed and deleted by `close`: a copy of the run's migrated directory, or
 * an in-memory one (a fresh PGlite runs initdb, seconds) when no global set-up made it.
 */
export async function openEmptyDatabase(): Promise<Database> {
  const template = process.env.PORTICO_TEST_EMPTY_DIR;
  if (!template) return openDatabase({ dataDir: 'memory://' });
  const dir = join(mkdtempSync(join(tmpdir(), 'portico-test-')), 'data');
  cpSync(template, dir, { recursive: true });
  const db = await openDatabase({ dataDir: dir });
  return {
    ...db,
    async close() {
      await db.close();
      rmSync(dirname(dir), { recursive: true, force: true });
    },
  };
}

/** A real Portico on an ephemeral loopback port, its log lines captured for assertions. */
export async function startTestPortico(options: StartOptions & { dataDir?: string; env?: Record<string, string> } = {}): Promise<TestPortico> {
  const dataDir = options.dataDir ?? freshDataDir();
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString());
      callback();
    },
  });
  const config = loadConfig({ PORT: '0', PORTICO_DATA_DIR: dataDir, PORTICO_BASE_DOMAIN: 'portal.test', LOG_LEVEL: 'info', ...options.env });
  const portico = await startPortico(config, createLogger('info', sink), {
    host: '127.0.0.1',
    validateResponses: true,
    // The UI the global set-up built for the run; a server that watches the sources builds its own.
    widgetDir: options.watchWidget ? undefined : process.env.PORTICO_TEST_WIDGET_DIR,
    ...options,
  });
  // A data directory made here goes with the server: a full run starts a hundred of them, 60 MB each.
  const close = portico.close.bind(portico);
  const closeAndClean = options.dataDir ? close : async () => {
    await close();
    rmSync(dirname(dataDir), { recursive: true, force: true });
  };
  return Object.assign(portico, { dataDir, logs, close: closeAndClean });
}
