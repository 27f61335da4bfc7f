import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'portico-lock-'));
}

describe('data directory lock', () => {
  it('refuses a second holder and names the holding process', () => {
    const dir = tempDir();
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(`in use by process ${process.pid}`);
    lock.release();
    lockDataDir(dir).release();
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = child.pid!;
    await new Promise((resolve) => child.on('exit', resolve));
    writeFileSync(join(dir, 'portico.lock'), String(deadPid));
    const lock = lockDataDir(dir);
    lock.release();
    expect(existsSync(join(dir, 'portico.lock'))).toBe(false);
  });
});
