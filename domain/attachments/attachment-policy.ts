import { basename } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import type { Language } from '../../i18n/languages.js';
import { t } from '../../i18n/translate.js';

/** One file is kept when it is at most this large… */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** …and the files of one message or upload together at most this, and at most this many of them. */
export const MAX_ATTACHMENTS_BYTES = 8 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;

/**
 * The types kept, by the content's own signature: pictures, PDF, and office documents. Archives, executables, legacy
 * OLE documents (the format of .msi installers too) and anything else are refused whatever their name says.
 */
const SNIFFED_TYPES: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/bmp': 'bmp',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

/** A file without signature is kept as plain text (logs, CSV, an .eml) when it is UTF-8 without control characters. */
const TEXT = 'text/plain';

export type OfferedFile = { filename: string; content: Buffer };
export type KeptFile = { filename: string; contentType: string; content: Buffer };
export type RefusedFile = { filename: string; reason: 'too_large' | 'type' | 'too_many' };
export type ScreenedFiles = { kept: KeptFile[]; refused: RefusedFile[] };

function isPlainText(content: Buffer): boolean {
  // eslint-disable-next-line no-control-regex -- the control characters are what this looks for
  if (/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(content.toString('latin1'))) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}

/** The type a file's content says it is, among those kept; undefined when it is none of them. */
export async function sniffedType(content: Buffer): Promise<string | undefined> {
  if (content.length === 0) return undefined;
  const found = await fileTypeFromBuffer(content);
  if (found) return SNIFFED_TYPES[found.mime] !== undefined ? found.mime : undefined;
  return isPlainText(content) ? TEXT : undefined;
}

/**
 * A file's name as it may be shown and offered for download: no folders, no control characters or quotes, at most
 * 150 characters; a file without a usable name is named for its type.
 */
export function safeFilename(name: string, contentType: string): string {
  const cleaned = basename(name.replace(/\\/g, '/'))
    // eslint-disable-next-line no-control-regex -- the control characters are what this removes
    .replace(/[\x00-\x1f\x7f"<>|:*?]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const extension = SNIFFED_TYPES[contentType] ?? (contentType === TEXT ? 'txt' : 'bin');
  if (!cleaned) return `attachment.${extension}`;
  if (cleaned.length <= 150) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const tail = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 150 - tail.length) + tail;
}

/**
 * Which files of one message are kept: each of an accepted type by its content and within the size per file, in their
 * order while the message's total and count allow. The others are named back to the sender, never silently dropped.
 */
export async function screenAttachments(files: OfferedFile[]): Promise<ScreenedFiles> {
  const kept: KeptFile[] = [];
  const refused: RefusedFile[] = [];
  let total = 0;
  for (const file of files) {
    const shownName = (type: string) => safeFilename(file.filename, type);
    if (file.content.length > MAX_ATTACHMENT_BYTES) {
      refused.push({ filename: shownName(''), reason: 'too_large' });
      continue;
    }
    const contentType = await sniffedType(file.content);
    if (!contentType) {
      refused.push({ filename: shownName(''), reason: 'type' });
      continue;
    }
    if (kept.length >= MAX_ATTACHMENTS || total + file.content.length > MAX_ATTACHMENTS_BYTES) {
      refused.push({ filename: shownName(contentType), reason: 'too_many' });
      continue;
    }
    total += file.content.length;
    kept.push({ filename: shownName(contentType), contentType, content: file.content });
  }
  return { kept, refused };
}

/** The public note and the paragraph of the acknowledgement that name the files not kept, and say what would be. */
export function refusedFilesText(language: Language, refused: RefusedFile[]): string {
  return t(language, 'email.attachments.refused', {
    files: refused.map((file) => file.filename).join(', '),
    perFile: MAX_ATTACHMENT_BYTES / (1024 * 1024),
    perMessage: MAX_ATTACHMENTS_BYTES / (1024 * 1024),
  });
}
