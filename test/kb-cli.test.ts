import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lockDataDir } from '../db/data-dir-lock.js';
import { freshDataDir } from './support/portico.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function run(script: string, args: string[], dataDir: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'server', 'cli', script), ...args],
      { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '', PORTICO_DATA_DIR: dataDir } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

describe('npm run kb:import and kb:reindex', () => {
  const dataDir = freshDataDir();
  const folder = mkdtempSync(join(tmpdir(), 'portico-cli-kb-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('imports a folder, then finds it unchanged, then prunes what the folder no longer holds', async () => {
    writeFileSync(join(folder, 'printer.md'), '---\ntitle: Drucker offline\nlang: de\n---\n## Schritte\n\n1. Drucker neu starten.');
    writeFileSync(join(folder, 'notes.txt'), 'not an article');
    const first = await run('kb-import.ts', [folder], dataDir);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/imported\s+1/);
    expect(first.out).toMatch(/skipped\s+1/);
    expect(first.out).toContain('notes.txt: unsupported file type .txt');

    const second = await run('kb-import.ts', [folder], dataDir);
    expect(second.out).toMatch(/imported\s+0/);
    expect(second.out).toMatch(/unchanged\s+1/);

    const pruned = await run('kb-import.ts', [folder, '--prune'], dataDir);
    expect(pruned.code).toBe(0);
    // The demo articles were imported from another folder: this one is now the source of truth.
    expect(pruned.out).toMatch(/removed\s+5\d/);
  });

  it('re-indexes every article', async () => {
    const result = await run('kb-reindex.ts', [], dataDir);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Re-indexed 1 articles, \d+ chunks/);
  });

  it('explains what to do when the server holds the data directory, and names bad arguments', async () => {
    const lock = lockDataDir(dataDir);
    try {
      const locked = await run('kb-import.ts', [folder], dataDir);
      expect(locked.code).toBe(1);
      expect(locked.out).toContain(`in use by process ${process.pid}`);
      expect(locked.out).toContain('POST /api/v1/admin/kb/import');
    } finally {
      lock.release();
    }
    expect((await run('kb-import.ts', [], dataDir)).out).toContain('Usage: npm run kb:import');
    expect((await run('kb-import.ts', [join(folder, 'missing')], dataDir)).code).toBe(1);
    const unknown = await run('kb-import.ts', [folder, '--tenant', 'nobody.example.com'], dataDir);
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain('No tenant answers on nobody.example.com');
  });
});
