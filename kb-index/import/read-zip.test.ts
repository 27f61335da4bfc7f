import { strToU8, zipSync } from 'fflate';
import { MAX_ZIP_ENTRIES, readZipEntries } from './read-zip.js';

describe('readZipEntries', () => {
  it('returns the files with safe relative paths, sorted, leaving out folders and clutter', () => {
    const zip = zipSync({
      'guides/': new Uint8Array(0),
      'guides/vpn.md': strToU8('# VPN\n'),
      'printer.html': strToU8('<h1>Printer</h1>'),
      'win\\backslash.md': strToU8('# Windows tool\n'),
      '__MACOSX/guides/._vpn.md': strToU8('resource fork'),
      '.DS_Store': strToU8('x'),
      'guides/.draft.md': strToU8('# draft'),
    });
    const result = readZipEntries(zip);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.files.map((f) => f.relativePath)).toEqual(['guides/vpn.md', 'printer.html', 'win/backslash.md']);
    expect(Buffer.isBuffer(result.files[0]!.content)).toBe(true);
    expect(result.files[0]!.content.toString('utf8')).toBe('# VPN\n');
    expect(result.skipped).toEqual([]);
  });

  it('skips and reports entries that would escape the import folder', () => {
    const zip = zipSync({
      'ok.md': strToU8('# ok'),
      '../evil.md': strToU8('x'),
      'a/../../evil2.md': strToU8('x'),
      '/etc/evil.md': strToU8('x'),
      'C:/evil.md': strToU8('x'),
      '..\\evil3.md': strToU8('x'),
    });
    const result = readZipEntries(zip);
    expect(result.ok && result.files.map((f) => f.relativePath)).toEqual(['ok.md']);
    expect(result.ok && result.skipped.map((s) => s.name).sort()).toEqual(['../evil.md', '..\\evil3.md', '/etc/evil.md', 'C:/evil.md', 'a/../../evil2.md']);
  });

  it('refuses an archive with too many entries', () => {
    const entries = Object.fromEntries(Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => [`a${i}.md`, strToU8('x')]));
    expect(readZipEntries(zipSync(entries))).toEqual({ ok: false, reason: `the archive has ${MAX_ZIP_ENTRIES + 1} entries, more than 2000` });
    const atLimit = Object.fromEntries(Array.from({ length: MAX_ZIP_ENTRIES }, (_, i) => [`a${i}.md`, strToU8('x')]));
    expect(readZipEntries(zipSync(atLimit)).ok).toBe(true);
  });

  it('refuses an archive that unpacks to more than 50 MB, before inflating it', () => {
    const zip = zipSync({ 'a.md': new Uint8Array(30 * 1024 * 1024), 'b.md': new Uint8Array(21 * 1024 * 1024) });
    expect(zip.length).toBeLessThan(200_000);
    expect(readZipEntries(zip)).toEqual({ ok: false, reason: 'the archive unpacks to more than 50 MB' });
  });

  it('inflates no more than an entry declares, so a lying archive cannot exhaust memory', () => {
    const zip = zipSync({ 'bomb.md': new Uint8Array(5 * 1024 * 1024).fill(0x61) });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    // Rewrite the declared size in the local header (offset 22) and the central directory entry (offset 24).
    view.setUint32(22, 100, true);
    const central = zip.findIndex((_, i) => view.getUint32(i, true) === 0x02014b50);
    view.setUint32(central + 24, 100, true);
    const result = readZipEntries(zip);
    expect(result.ok && result.files[0]!.content.length).toBe(100);
  });

  it('says so when the upload is not a zip', () => {
    const result = readZipEntries(strToU8('this is not a zip archive at all'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^not a readable zip archive/);
  });
});
