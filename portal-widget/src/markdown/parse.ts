// The small Markdown subset the assistant writes: paragraphs and line breaks, **bold**, "- " and "1. " lists, backslash
// escapes, and links within this portal (/kb/… articles, /tickets/… tickets). It is parsed into plain data that
// components render as text nodes, so nothing in a message can become markup: HTML in a message stays the characters it is made of. The server
// already turns links to other sites into text; a link that still points elsewhere is text here too.

export type Inline = string | { strong: Inline[] } | { href: string; text: string };
export type Block = { kind: 'p'; lines: Inline[][] } | { kind: 'ul' | 'ol'; start: number; items: Inline[][] };

const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*(\d{1,4})[.)]\s+(.*)$/;
const INLINE = /\*\*(.+?)\*\*|\[([^\]\n]+)\]\(([^()\s]+)\)/g;
// "\[" is a "[" that starts nothing: escaped characters are set aside (as private-use stand-ins) while the line is read,
// and put back only in text.
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
const STAND_IN = /[\uE021-\uE07E]/g;
const STAND_IN_OFFSET = 0xe000;

const setAside = (text: string) => text.replace(ESCAPED, (_, char: string) => String.fromCharCode(STAND_IN_OFFSET + char.charCodeAt(0)));
const putBack = (text: string) => text.replace(STAND_IN, (char) => String.fromCharCode(char.charCodeAt(0) - STAND_IN_OFFSET));

/**
 * The link target when it is a page of this portal (a KB article, a ticket, or any path of this origin); anything else
 * is not a link.
 */
export function safeHref(url: string, origin: string): string | undefined {
  if (/^\/kb\/[\w\-.~%/]*(?:[?#][\w\-.~%=&#]*)?$/.test(url) && !url.includes('//') && !url.includes('..')) return url;
  if (/^\/tickets\/\d{1,9}$/.test(url)) return url;
  try {
    const parsed = new URL(url);
    if ((parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.origin === origin) return parsed.href;
  } catch {
    // Not an absolute URL.
  }
  return undefined;
}

function parseInline(text: string, origin: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) out.push(putBack(text.slice(last, match.index)));
    if (match[1] !== undefined) out.push({ strong: parseInline(match[1], origin) });
    else {
      const title = putBack(match[2]!);
      const href = safeHref(putBack(match[3]!), origin);
      out.push(href ? { href, text: title } : title);
    }
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push(putBack(text.slice(last)));
  return out;
}

/** Blank lines separate paragraphs, single line breaks stay line breaks, runs of list items become lists. */
export function parseMarkdown(text: string, origin: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: Extract<Block, { kind: 'p' }> | undefined;
  let list: Extract<Block, { kind: 'ul' | 'ol' }> | undefined;
  for (const line of setAside(text.replace(/\r\n?/g, '\n')).split('\n')) {
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const kind = bullet ? 'ul' : 'ol';
      if (!list || list.kind !== kind) {
        list = { kind, start: numbered ? Number(numbered[1]) : 1, items: [] };
        blocks.push(list);
      }
      paragraph = undefined;
      list.items.push(parseInline(bullet ? bullet[1]! : numbered![2]!, origin));
    } else if (line.trim() === '') {
      paragraph = undefined;
      list = undefined;
    } else {
      list = undefined;
      if (!paragraph) {
        paragraph = { kind: 'p', lines: [] };
        blocks.push(paragraph);
      }
      paragraph.lines.push(parseInline(line, origin));
    }
  }
  return blocks;
}
