import { describe, expect, it } from '@jest/globals';
import { MAX_ATTACHMENT_BYTES, safeFilename, screenAttachments, sniffedType } from './attachment-policy.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a7e1a0b40000000049454e44ae426082', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
const ZIP = Buffer.from('504b0304140000000000', 'hex');

describe('sniffedType', () => {
  it('reads the type from the content, not the name', async () => {
    expect(await sniffedType(PNG)).toBe('image/png');
    expect(await sniffedType(PDF)).toBe('application/pdf');
    expect(await sniffedType(Buffer.from('Déjà vu, 2026-12-07 ERROR disk full\r\n'))).toBe('text/plain');
  });

  it('refuses executables, archives, binary without signature and empty files', async () => {
    expect(await sniffedType(EXE)).toBeUndefined();
    expect(await sniffedType(ZIP)).toBeUndefined();
    expect(await sniffedType(Buffer.from([0x00, 0x01, 0x02, 0xff]))).toBeUndefined();
    expect(await sniffedType(Buffer.alloc(0))).toBeUndefined();
  });
});

describe('safeFilename', () => {
  it('keeps the last path segment without control characters or quotes', () => {
    expect(safeFilename('..\\..\\windows\\evil".pdf', 'application/pdf')).toBe('evil.pdf');
    expect(safeFilename('/etc/pass\r\nwd', 'text/plain')).toBe('passwd');
    expect(safeFilename('...', 'image/png')).toBe('attachment.png');
  });

  it('shortens a long name and keeps its extension', () => {
    const name = safeFilename(`${'a'.repeat(300)}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(name).toHaveLength(150);
    expect(name.endsWith('.xlsx')).toBe(true);
  });
});

describe('screenAttachments', () => {
  it('keeps accepted files with their sniffed type and names the others with the reason', async () => {
    const { kept, refused } = await screenAttachments([
      { filename: 'screenshot.png', content: PNG },
      { filename: 'invoice.pdf', content: EXE },
      { filename: 'scan.pdf', content: Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES)]) },
    ]);
    expect(kept.map((file) => [file.filename, file.contentType])).toEqual([['screenshot.png', 'image/png']]);
    expect(refused).toEqual([
      { filename: 'invoice.pdf', reason: 'type' },
      { filename: 'scan.pdf', reason: 'too_large' },
    ]);
  });

  it('stops keeping at the total per message', async () => {
    const four = Buffer.concat([PDF, Buffer.alloc(4 * 1024 * 1024)]);
    const { kept, refused } = await screenAttachments(['a.pdf', 'b.pdf', 'c.pdf'].map((filename) => ({ filename, content: four })));
    expect(kept.map((file) => file.filename)).toEqual(['a.pdf']);
    expect(refused.map((file) => [file.filename, file.reason])).toEqual([
      ['b.pdf', 'too_many'],
      ['c.pdf', 'too_many'],
    ]);
  });
});
