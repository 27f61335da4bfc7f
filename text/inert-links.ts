import { marked, type Token, type Tokens } from 'marked';
import { escapeMarkdown, unlinkBareAddresses } from './escape-markdown.js';

const RELATIVE_BASE = new URL('https://relative.invalid/');
const HAS_SCHEME = /^\s*[a-z][a-z0-9+.-]*:/i;
/** Re-reading after an edit catches what the edit uncovered (an image inside a link's text); more rounds mean a construct the edits cannot reach. */
const MAX_ROUNDS = 3;

/** Whether a link stays in the portal: a relative link, or an http(s) link to one of the portal's own hostnames. */
export function isPortalLink(href: string, portalHostnames: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(href, RELATIVE_BASE);
  } catch {
    return false;
  }
  // Parsed as a browser would, so "//host", "/\host" and "\\host" count as the other host they are.
  if (!HAS_SCHEME.test(href)) return url.origin === RELATIVE_BASE.origin;
  return (url.protocol === 'https:' || url.protocol === 'http:') && portalHostnames.includes(url.hostname.toLowerCase());
}

type Edit = { raw: string; replacement: string };

function inertLink(token: Tokens.Link): string {
  // An autolink or bare address shows itself; a titled link keeps its words and shows where it pointed.
  if (token.raw === token.text || token.raw === `<${token.text}>`) return escapeMarkdown(token.text);
  const text = token.text.trim();
  return text ? `${text} (${escapeMarkdown(token.href)})` : escapeMarkdown(token.href);
}

function collectEdits(tokens: Token[], portalHostnames: readonly string[], edits: Edit[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'link':
        if (!isPortalLink(token.href, portalHostnames)) {
          edits.push({ raw: token.raw, replacement: inertLink(token as Tokens.Link) });
          continue;
        }
        break;
      case 'image':
        if (!isPortalLink(token.href, portalHostnames)) {
          edits.push({ raw: token.raw, replacement: escapeMarkdown(token.text) });
          continue;
        }
        break;
      case 'def':
        if (!isPortalLink(token.href, portalHostnames)) edits.push({ raw: token.raw, replacement: `\\${unlinkBareAddresses(token.raw)}` });
        continue;
      case 'html':
        // The assistant writes no HTML: whatever looks like a tag is shown as the characters it is made of.
        edits.push({ raw: token.raw, replacement: unlinkBareAddresses(token.raw.replace(/</g, '\\<')) });
        continue;
    }
    const children = token as { tokens?: Token[]; items?: Token[]; header?: { tokens: Token[] }[]; rows?: { tokens: Token[] }[][] };
    if (children.tokens) collectEdits(children.tokens, portalHostnames, edits);
    if (children.items) collectEdits(children.items, portalHostnames, edits);
    for (const cell of [...(children.header ?? []), ...(children.rows ?? []).flat()]) collectEdits(cell.tokens, portalHostnames, edits);
  }
}

function foreignConstructs(markdown: string, portalHostnames: readonly string[]): Edit[] {
  const edits: Edit[] = [];
  collectEdits(marked.lexer(markdown, { gfm: true }), portalHostnames, edits);
  return edits;
}

/**
 * Where a construct's source starts and ends, from `cursor` on. Inside quotes and lists the parser strips each line's
 * "> " or indentation from what it reports, so a construct over several lines is looked for with those put back.
 */
function locate(markdown: string, raw: string, cursor: number): { at: number; end: number } | undefined {
  const at = markdown.indexOf(raw, cursor);
  if (at !== -1) return { at, end: at + raw.length };
  if (!raw.includes('\n')) return undefined;
  const pattern = new RegExp(raw.split('\n').map((line) => line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\n[ \\t>]*'), 'g');
  pattern.lastIndex = cursor;
  const match = pattern.exec(markdown);
  return match ? { at: match.index, end: match.index + match[0].length } : undefined;
}

/** Edits in document order, each found after the previous one; one that cannot be found is left for the next round. */
function applyEdits(markdown: string, edits: Edit[]): string {
  let out = '';
  let cursor = 0;
  for (const edit of edits) {
    const found = locate(markdown, edit.raw, cursor);
    if (!found) continue;
    out += markdown.slice(cursor, found.at) + edit.replacement;
    cursor = found.end;
  }
  return out + markdown.slice(cursor);
}

/** The last resort when a construct could not be edited in place: nothing in the text can open a link or a tag. */
function escapeAllLinkSyntax(markdown: string): string {
  return unlinkBareAddresses(markdown.replace(/[[\]<>]/g, '\\$&'));
}

/**
 * The assistant's reply with every link that leaves the portal turned into plain text: inline, reference and image
 * links, autolinks, bare addresses and raw HTML. Relative links and links to the portal's own hostnames stay, so a
 * knowledge-base article is still one click away. The Markdown is read with a GFM parser, as a renderer would.
 */
export function inertForeignLinks(markdown: string, portalHostnames: readonly string[]): string {
  let text = markdown;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const edits = foreignConstructs(text, portalHostnames);
    if (edits.length === 0) return text;
    text = applyEdits(text, edits);
  }
  return foreignConstructs(text, portalHostnames).length === 0 ? text : escapeAllLinkSyntax(text);
}
