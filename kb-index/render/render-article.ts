import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'];
/**
 * Screenshots are most of what makes a how-to article usable, so images stay, but only from https
 * (no cleartext, no mixed content) or inlined as raster data (what HTML exports of wikis contain).
 * SVG is refused even inline: it is a document format, and being strict costs nothing here.
 */
const IMAGE_SOURCE = /^(?:https:\/\/|data:image\/(?:png|jpeg|gif|webp);base64,)/i;

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'ul', 'ol', 'li', 'a', 'strong', 'b', 'em', 'i', 'del', 's',
    'code', 'pre', 'kbd', 'blockquote', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'loading', 'referrerpolicy'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
  },
  allowedClasses: { code: ['language-*'] },
  // The transforms below decide; these are the backstop if one of them is ever loosened.
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https', 'data'] },
  allowProtocolRelative: false,
  transformTags: {
    // Relative links pointed at files of the imported folder, which the portal does not serve: they lose
    // their href, as do javascript: and other schemes, and the filter below keeps only their text.
    // (Renaming the tag instead trips a sanitize-html bug that closes the next link with the new name.)
    a: (_tagName, attribs) =>
      isSafeLink(attribs.href)
        ? { tagName: 'a', attribs: { ...attribs, rel: 'noopener noreferrer', target: '_blank' } }
        : { tagName: 'a', attribs: {} },
    // Third-party image hosts learn nothing about which page the reader was on.
    img: (_tagName, attribs) => ({ tagName: 'img', attribs: { ...attribs, loading: 'lazy', referrerpolicy: 'no-referrer' } }),
  },
  exclusiveFilter: (frame) => {
    if (frame.tag === 'a' && !frame.attribs.href) return 'excludeTag';
    return frame.tag === 'img' && !IMAGE_SOURCE.test(frame.attribs.src ?? '');
  },
};

/** Article Markdown to HTML that is safe to put in the portal page as is: an allowlist, not a blocklist. */
export function renderArticleHtml(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true });
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

function isSafeLink(href: string | undefined): boolean {
  if (!href) return false;
  try {
    // Parsed as the browser will, so tabs, entities and case games inside "javascript:" do not get through.
    return LINK_PROTOCOLS.includes(new URL(href).protocol);
  } catch {
    return false;
  }
}

type Match = { start: number; end: number; term: string };

/**
 * The stretch of `text` that holds the most distinct query terms (then the most matches), at most
 * `maxChars` long plus "…" where it was cut, with each matching word in <mark> and the rest escaped.
 * A word matches a term when, with accents and case folded, it equals it or, for terms of three
 * letters or more, starts with it: terms are stems, so "connect" marks "connection".
 */
export function snippetFrom(text: string, terms: string[], maxChars = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const folded = [...new Set(terms.map(fold).filter(Boolean))];
  const matches = findMatches(flat, folded);
  const [start, end] = chooseWindow(flat, matches, maxChars);
  let html = start > 0 ? '…' : '';
  let cursor = start;
  for (const match of matches) {
    if (match.start < start || match.end > end) continue;
    html += escapeHtml(flat.slice(cursor, match.start)) + `<mark>${escapeHtml(flat.slice(match.start, match.end))}</mark>`;
    cursor = match.end;
  }
  html += escapeHtml(flat.slice(cursor, end));
  return end < flat.length ? `${html}…` : html;
}

function findMatches(text: string, terms: string[]): Match[] {
  const matches: Match[] = [];
  if (terms.length === 0) return matches;
  for (const word of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const foldedWord = fold(word[0]);
    const term = terms.find((t) => foldedWord === t || (t.length >= 3 && foldedWord.startsWith(t)));
    if (term) matches.push({ start: word.index, end: word.index + word[0].length, term });
  }
  return matches;
}

/** Tries each match as the window's first and keeps the best, then centres it and trims to whole words. */
function chooseWindow(text: string, matches: Match[], maxChars: number): [number, number] {
  if (text.length <= maxChars) return [0, text.length];
  let best: { first: Match; last: Match; distinct: number; count: number } | undefined;
  for (let i = 0; i < matches.length; i += 1) {
    const first = matches[i]!;
    // The first match is always in, even a single word longer than the window.
    const inside = matches.slice(i).filter((m, k) => k === 0 || m.end - first.start <= maxChars);
    const last = inside.at(-1)!;
    const distinct = new Set(inside.map((m) => m.term)).size;
    if (!best || distinct > best.distinct || (distinct === best.distinct && inside.length > best.count)) {
      best = { first, last, distinct, count: inside.length };
    }
  }
  if (!best) return [0, wordEndBefore(text, maxChars, 0)];
  const slack = maxChars - (best.last.end - best.first.start);
  const start = Math.max(0, Math.min(best.first.start - Math.floor(slack / 2), text.length - maxChars));
  const end = start + maxChars;
  return [wordStartAfter(text, start, best.first.start), wordEndBefore(text, end, best.last.end)];
}

/** Moves a cut forward to the next word start, never past `limit`. */
function wordStartAfter(text: string, position: number, limit: number): number {
  if (position === 0 || text[position - 1] === ' ') return position;
  const space = text.indexOf(' ', position);
  return space === -1 || space + 1 > limit ? position : space + 1;
}

/** Moves a cut back to the previous word end, never before `limit`. */
function wordEndBefore(text: string, position: number, limit: number): number {
  if (position >= text.length || text[position] === ' ') return Math.min(position, text.length);
  const space = text.lastIndexOf(' ', position);
  return space === -1 || space < limit ? position : space;
}

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
