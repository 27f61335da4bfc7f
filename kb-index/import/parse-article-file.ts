import path from 'node:path';
import { marked, type MarkedToken } from 'marked';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import TurndownService from 'turndown';
import { parseDocument } from 'yaml';
import { isLanguage, type Language } from '../../i18n/languages.js';
import { inlinePlainText } from './chunk-article.js';

export type ParsedArticle = { title: string; lang?: Language; tags: string[]; slug?: string; bodyMarkdown: string; format: 'markdown' | 'html' };
export type ParseResult = { ok: true; article: ParsedArticle } | { ok: false; reason: string };

/** Far above any real article; past it the file is an export gone wrong or not an article at all. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Page chrome and active content: none of it belongs in an article's text. */
const DROPPED_HTML_ELEMENTS = 'script, style, nav, header, footer, noscript';

type Fields = { title?: string; lang?: Language; tags: string[]; slug?: string };
type Step<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Turns one file of a knowledge-base folder into an article, or says in one sentence why it is skipped,
 * so an import of hundreds of files reports each bad one and carries on.
 */
export function parseArticleFile(fileName: string, content: Buffer): ParseResult {
  const extension = path.extname(fileName).toLowerCase();
  const format = extension === '.md' || extension === '.markdown' ? 'markdown' : extension === '.html' || extension === '.htm' ? 'html' : undefined;
  if (!format) return skip(extension ? `unsupported file type ${extension}` : 'unsupported file type (no extension)');
  if (content.byteLength > MAX_ARTICLE_BYTES) return skip('larger than 2 MB');
  const text = decodeText(content);
  if (!text.ok) return text;
  const parsed = format === 'markdown' ? parseMarkdown(text.value) : parseHtmlArticle(text.value);
  if (!parsed.ok) return parsed;
  const { fields, body } = parsed.value;
  if (!fields.title) return skip('no title: add a title in the front matter or a "# " heading');
  if (!body) return skip('empty body');
  return { ok: true, article: { title: fields.title, lang: fields.lang, tags: fields.tags, slug: fields.slug, bodyMarkdown: body, format } };
}

function decodeText(content: Buffer): Step<string> {
  if (content.includes(0)) return skip('binary content (contains NUL bytes)');
  try {
    // The decoder drops a leading BOM; line endings are unified so every later pattern can assume "\n".
    const text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    return { ok: true, value: text.replace(/\r\n?/g, '\n') };
  } catch {
    return skip('binary content (not valid UTF-8 text)');
  }
}

function parseMarkdown(text: string): Step<{ fields: Fields; body: string }> {
  const frontMatter = splitFrontMatter(text);
  if (!frontMatter.ok) return frontMatter;
  const fields = readFrontMatter(frontMatter.value.yaml);
  if (!fields.ok) return fields;
  let body = frontMatter.value.body;
  let title = fields.value.title;
  const firstH1 = findFirstH1(body);
  if (!title && firstH1) {
    title = firstH1.title;
    body = firstH1.bodyWithout;
  } else if (title && firstH1?.isFirstBlock && sameTitle(firstH1.title, title)) {
    body = firstH1.bodyWithout;
  }
  return { ok: true, value: { fields: { ...fields.value, title }, body: trimBlankLines(body) } };
}

function splitFrontMatter(text: string): Step<{ yaml: string | undefined; body: string }> {
  const opening = /^---[ \t]*\n/.exec(text);
  if (!opening) return { ok: true, value: { yaml: undefined, body: text } };
  const closing = /^---[ \t]*$/m.exec(text.slice(opening[0].length));
  if (!closing) return skip("front matter is not closed: add a '---' line after it");
  const yamlEnd = opening[0].length + closing.index;
  return { ok: true, value: { yaml: text.slice(opening[0].length, yamlEnd), body: text.slice(yamlEnd + closing[0].length) } };
}

function readFrontMatter(yaml: string | undefined): Step<Fields> {
  if (yaml === undefined || !yaml.trim()) return { ok: true, value: { tags: [] } };
  const document = parseDocument(yaml);
  const error = document.errors[0];
  if (error) return skip(`front matter is not valid YAML: ${error.message.split('\n')[0]}`);
  let data: unknown;
  try {
    data = document.toJS();
  } catch (cause) {
    // Only alias bombs get here: the yaml package refuses to expand more than 100 aliases.
    return skip(`front matter is not valid YAML: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return skip('front matter must be a list of "name: value" fields');
  const record = data as Record<string, unknown>;

  const title = record.title;
  if (title != null && typeof title !== 'string' && typeof title !== 'number') return skip('front matter: title must be text');
  const lang = readLanguage(record.lang);
  if (!lang.ok) return lang;
  const tags = readTags(record.tags);
  if (!tags) return skip('front matter: tags must be a list of words');
  const slug = readSlug(record.slug);
  if (!slug.ok) return slug;
  return { ok: true, value: { title: collapse(String(title ?? '')) || undefined, lang: lang.value, tags, slug: slug.value } };
}

/** Accepts regional and differently written tags ("fr-FR", "FR", "de_DE") since exports write them all ways. */
function readLanguage(value: unknown): Step<Language | undefined> {
  if (value == null || value === '') return { ok: true, value: undefined };
  const base = String(value).trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(base) ? { ok: true, value: base } : skip(`unknown language '${String(value)}'`);
}

function readTags(value: unknown): string[] | undefined {
  if (value == null) return [];
  const raw = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : undefined;
  if (!raw || !raw.every((tag) => typeof tag === 'string' || typeof tag === 'number')) return undefined;
  return uniqueTags(raw.map(String));
}

function readSlug(value: unknown): Step<string | undefined> {
  if (value == null || value === '') return { ok: true, value: undefined };
  const slug = String(value).trim().toLowerCase();
  if (!SLUG_PATTERN.test(slug)) return skip(`slug '${String(value)}' is not valid: use lowercase letters, digits and single hyphens`);
  return { ok: true, value: slug };
}

/**
 * Finds the first H1 through the lexer, so a "# " line inside a code block is not taken for one,
 * and cuts it out of the source exactly: the lexer's top-level tokens cover the text end to end.
 */
function findFirstH1(body: string): { title: string; bodyWithout: string; isFirstBlock: boolean } | undefined {
  const tokens = marked.lexer(body);
  let offset = 0;
  let seenContent = false;
  for (const token of tokens) {
    const t = token as MarkedToken;
    if (t.type === 'heading' && t.depth === 1) {
      const title = collapse(inlinePlainText(t.tokens));
      if (title) {
        const before = body.slice(0, offset).trimEnd();
        const after = trimBlankLines(body.slice(offset + t.raw.length));
        return { title, bodyWithout: before ? `${before}\n\n${after}` : after, isFirstBlock: !seenContent };
      }
    }
    if (t.type !== 'space') seenContent = true;
    offset += t.raw.length;
  }
  return undefined;
}

function parseHtmlArticle(text: string): Step<{ fields: Fields; body: string }> {
  const root = parseHtml(text, { comment: false });
  const firstH1 = root.querySelector('h1');
  const title = collapse(root.querySelector('title')?.text ?? '') || collapse(firstH1?.text ?? '') || undefined;
  const langAttribute = root.querySelector('html')?.getAttribute('lang');
  const lang = readLanguage(langAttribute);
  if (!lang.ok) return lang;
  const keywords = root.querySelectorAll('meta').find((meta) => meta.getAttribute('name')?.toLowerCase() === 'keywords');
  const tags = uniqueTags((keywords?.getAttribute('content') ?? '').split(','));

  const content: HTMLElement = root.querySelector('body') ?? root;
  for (const element of content.querySelectorAll(DROPPED_HTML_ELEMENTS)) element.remove();
  const bodyH1 = content.querySelector('h1');
  if (title && bodyH1 && sameTitle(collapse(bodyH1.text), title)) bodyH1.remove();
  // A fragment without <body> still carries its head: its elements are metadata, not text.
  for (const element of content.querySelectorAll('head, title, meta, link')) element.remove();
  return { ok: true, value: { fields: { title, lang: lang.value, tags }, body: trimBlankLines(htmlToMarkdown(content.innerHTML)) } };
}

function htmlToMarkdown(html: string): string {
  const turndown = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced', emDelimiter: '*' });
  return turndown.turndown(html);
}

/** Trimmed, deduplicated ignoring case (the first spelling wins), empties dropped. */
function uniqueTags(tags: string[]): string[] {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const tag of tags.map(collapse)) {
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    unique.push(tag);
  }
  return unique;
}

/**
 * Whether a heading repeats the title. Authors restyle the one they type twice ("Working Offline" in
 * quotes in one, not the other) or shorten it, so words are compared without case, accents or
 * punctuation, and a heading that is the start of the title counts as the same; a longer heading says
 * more than the title and stays.
 */
function sameTitle(heading: string, title: string): boolean {
  const words = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const [headingWords, titleWords] = [words(heading), words(title)];
  return headingWords.length > 0 && headingWords.every((word, i) => word === titleWords[i]);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Drops blank lines at both ends but keeps the indentation of the first line, which can be code. */
function trimBlankLines(text: string): string {
  return text.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}

function skip(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}
