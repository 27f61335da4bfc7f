import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';

/** Where build tools keep their caches: one folder per cache under the project's node_modules/.cache. */
export const BUILD_CACHE_ROOT = new URL('../../node_modules/.cache/', import.meta.url);

/** What a cache file holds, read by `parse`; nothing when it is missing or cannot be read. */
export function readCacheFile<T>(file: string, parse: (content: Buffer) => T): T | undefined {
  try {
    return parse(readFileSync(file));
  } catch {
    return undefined;
  }
}

/**
 * Writes a cache file and removes the older ones of its kind (same folder, same extension). Written to a temporary
 * name and renamed, so that processes starting at once never read half a file; a cache that cannot be written only
 * means computing it again next time.
 */
export function writeCacheFile(file: string, content: Buffer | string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    for (const old of readdirSync(dirname(file))) {
      if (extname(old) === extname(file) && join(dirname(file), old) !== file) rmSync(join(dirname(file), old), { force: true });
    }
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
  }
}
