import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/database.js';
import { listMigrations, migrate } from '../db/migrate.js';
import { DEMO, HttpClient } from './support/http-client.js';
import { exitOf, spawnPortico } from './support/spawn-portico.js';

describe('a Portico process on its data directory', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'portico-life-')), 'data');

  it('starts fresh: migrates, seeds the demo tenant, prints the URL and demo logins, serves /healthz', async () => {
    const first = await spawnPortico(dataDir);
    try {
      expect(first.output()).toContain('database migrated');
      for (const login of Object.values(DEMO)) expect(first.output()).toContain(login);
      const client = new HttpClient(first.port, 'localhost');
      const health = await client.get('/healthz');
      expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
      await client.login(DEMO.tom);
      const created = await client.post('/api/v1/tickets', { subject: 'Survives a restart' });
      expect(created.status).toBe(201);

      // A second process on the same directory stops at once and names the holder.
      const second = await spawnPortico(dataDir).catch((error: { code: number; output: string }) => error);
      expect(second).toMatchObject({ code: 1 });
      expect((second as { output: string }).output).toContain(`in use by process ${first.child.pid}`);

      first.child.kill('SIGTERM');
      expect(await exitOf(first.child)).toBe(0);
      expect(existsSync(join(dataDir, 'portico.lock'))).toBe(false);
    } finally {
      first.child.kill('SIGKILL');
    }
  });

  it('restarts on the existing directory with nothing to migrate and the data kept', async () => {
    const again = await spawnPortico(dataDir);
    try {
      expect(again.output()).not.toContain('database migrated');
      const client = new HttpClient(again.port, '127.0.0.1');
      await client.login(DEMO.tom);
      const tickets = (await client.get('/api/v1/tickets')).body.tickets as { subject: string }[];
      expect(tickets.map((t) => t.subject)).toContain('Survives a restart');
      expect(tickets.filter((t) => t.subject === 'Outlook keeps asking for my password')).toHaveLength(1);
      again.child.kill('SIGINT');
      expect(await exitOf(again.child)).toBe(0);
    } finally {
      again.child.kill('SIGKILL');
    }
  });
});

describe('migrations', () => {
  it('apply once, are recorded, and are safe to run again', async () => {
    const db = await openDatabase({ dataDir: join(mkdtempSync(join(tmpdir(), 'portico-mig-')), 'data') });
    try {
      const first = await migrate(db.pool);
      expect(first.applied).toEqual(listMigrations().map((m) => m.version));
      const second = await migrate(db.pool);
      expect(second.applied).toEqual([]);
      const { rows } = await db.pool.query('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(first.applied);
      const ext = await db.pool.query("SELECT extname FROM pg_extension WHERE extname IN ('vector', 'pg_trgm') ORDER BY extname");
      expect(ext.rows.map((r) => r.extname)).toEqual(['pg_trgm', 'vector']);
    } finally {
      await db.close();
    }
  });

  it('roll back a failing migration whole and record nothing', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'portico-bad-mig-'));
    mkdirSync(join(dir, 'm'));
    writeFileSync(join(dir, 'm', '001_good.sql'), 'CREATE TABLE good (id int);');
    writeFileSync(join(dir, 'm', '002_bad.sql'), 'CREATE TABLE half (id int); SELECT no_such_function();');
    const db = await openDatabase({ dataDir: join(dir, 'data') });
    try {
      await expect(migrate(db.pool, join(dir, 'm'))).rejects.toThrow(/no_such_function/);
      const { rows } = await db.pool.query('SELECT version FROM schema_migrations');
      expect(rows.map((r) => r.version)).toEqual(['001_good']);
      const half = await db.pool.query("SELECT to_regclass('half') AS t");
      expect(half.rows[0].t).toBeNull();
    } finally {
      await db.close();
    }
  });
});
