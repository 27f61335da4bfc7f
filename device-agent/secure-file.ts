import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { capture } from './runner.js';

/**
 * Writes a file only its owner can read (0600; its folder 0700 when created), through a temporary file and a rename,
 * so a crash mid-write leaves the previous version rather than half a file.
 */
export async function writePrivateFile(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, content, { mode: 0o600 });
  await rename(temporary, path);
}

/**
 * Windows ignores file modes, and files under ProgramData inherit "Users: read". The folder is cut off from that
 * inheritance and left to SYSTEM and Administrators (by SID, so it works in every display language).
 */
export async function restrictFolderOnWindows(folder: string): Promise<boolean> {
  if (process.platform !== 'win32') return true;
  await mkdir(folder, { recursive: true });
  const stdout = await capture(['icacls.exe', folder, '/inheritance:r', '/grant:r', '*S-1-5-18:(OI)(CI)F', '*S-1-5-32-544:(OI)(CI)F']);
  return stdout !== undefined;
}
