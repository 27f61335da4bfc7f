import { unzipSync } from 'fflate';

export type ZipFile = { relativePath: string; content: Buffer };
export type SkippedZipEntry = { name: string; reason: string };
export type ZipReadResult = { ok: true; files: ZipFile[]; skipped: SkippedZipEntry[] } | { ok: false; reason: string };

export const MAX_ZIP_ENTRIES = 2000;
export const MAX_ZIP_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;

/**
 * Reads a technician's uploaded zip of articles in memory. The limits are checked on the sizes the
 * archive declares before anything is inflated; fflate inflates each entry into a buffer of exactly
 * its declared size, so an archive that lies about its sizes yields cut-off files, not exhausted memory.
 */
export function readZipEntries(zip: Uint8Array): ZipReadResult {
  let entryCount = 0;
  let declaredBytes = 0;
  try {
    unzipSync(zip, {
      filter: (entry) => {
        entryCount += 1;
        declaredBytes += entry.originalSize;
        return false;
      },
    });
  } catch (cause) {
    return { ok: false, reason: `not a readable zip archive (${cause instanceof Error ? cause.message : String(cause)})` };
  }
  if (entryCount > MAX_ZIP_ENTRIES) return { ok: false, reason: `the archive has ${entryCount} entries, more than ${MAX_ZIP_ENTRIES}` };
  if (declaredBytes > MAX_ZIP_UNCOMPRESSED_BYTES) return { ok: false, reason: 'the archive unpacks to more than 50 MB' };

  const skipped: SkippedZipEntry[] = [];
  const paths = new Map<string, string>();
  let inflated: Record<string, Uint8Array>;
  try {
    inflated = unzipSync(zip, {
      filter: (entry) => {
        const checked = checkEntryName(entry.name);
        // fflate inflates only stored and deflated entries and throws on the rest, losing the whole archive.
        if (typeof checked === 'string' && entry.compression !== 0 && entry.compression !== 8) {
          skipped.push({ name: entry.name, reason: `unsupported compression method ${entry.compression}` });
          return false;
        }
        if (typeof checked === 'string') paths.set(entry.name, checked);
        else if (checked.reason) skipped.push({ name: entry.name, reason: checked.reason });
        return typeof checked === 'string';
      },
    });
  } catch (cause) {
    return { ok: false, reason: `the archive is damaged (${cause instanceof Error ? cause.message : String(cause)})` };
  }
  const files = Object.entries(inflated)
    .map(([name, content]) => ({ relativePath: paths.get(name)!, content: Buffer.from(content.buffer, content.byteOffset, content.byteLength) }))
    .sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
  return { ok: true, files, skipped };
}

/**
 * The entry's safe relative path, or why it is left out. Folders and macOS/hidden clutter are left out
 * silently; an entry that would escape the import (absolute, drive letter, "..") is reported.
 */
function checkEntryName(name: string): string | { reason?: string } {
  // Some Windows tools write backslashes although the format says "/".
  const normalized = name.replace(/\\/g, '/');
  if (normalized.endsWith('/')) return {};
  if (normalized.startsWith('/') || /^[a-z]:/i.test(normalized)) return { reason: 'absolute path' };
  const segments = normalized.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) return { reason: 'path leaves the archive (..)' };
  if (segments[0] === '__MACOSX' || segments.some((segment) => segment.startsWith('.'))) return {};
  return segments.length > 0 ? segments.join('/') : {};
}
