import { marked, type MarkedToken, type Token, type Tokens } from 'marked';

export type ArticleChunk = { position: number; headingPath: string[]; text: string };

const DEFAULT_TARGET_WORDS = 220;
const DEFAULT_MAX_WORDS = 350;
/** A section shorter than this says too little on its own to be worth a search hit. */
const TINY_CHUNK_WORDS = 40;

/** One unit the chunker never cuts: a paragraph, a list item, a code block, a table. */
type Block = { text: string; words: number; isHeading?: boolean; listId?: number };
type Section = { depth: number; heading?: string; path: string[]; blocks: Block[] };
/** `leads` are the headings a chunk starts under, written into the text if it is merged into another. */
type Draft = { path: string[]; leads: string[]; blocks: Block[]; words: number };

/**
 * Cuts an article into passages of a few hundred words, each started at a heading where possible and
 * labelled with the heading path where it starts, so a search hit can name its section and an
 * embedding sees one topic at a time. Pure and deterministic: the same body always gives the same chunks.
 */
export function chunkArticle(bodyMarkdown: string, options: { targetWords?: number; maxWords?: number } = {}): ArticleChunk[] {
  const maxWords = options.maxWords ?? DEFAULT_MAX_WORDS;
  const targetWords = Math.min(options.targetWords ?? DEFAULT_TARGET_WORDS, maxWords);
  const sections = sectionsOf(marked.lexer(bodyMarkdown));
  const drafts = packSections(sections, targetWords, maxWords);
  return mergeTinyTails(drafts, maxWords)
    .filter((draft) => draft.blocks.some((block) => !block.isHeading))
    .map((draft, position) => ({ position, headingPath: draft.path, text: joinBlocks(draft.blocks) }));
}

/** Plain text of inline Markdown: link text without its URL, code without backticks, no emphasis markers. */
export function inlinePlainText(tokens: Token[]): string {
  return tokens
    .map((token) => {
      const t = token as MarkedToken;
      switch (t.type) {
        case 'text':
          return t.tokens ? inlinePlainText(t.tokens) : decodeEntities(t.text).replace(/\s+/g, ' ');
        case 'escape':
        case 'codespan':
          return decodeEntities(t.text);
        case 'strong':
        case 'em':
        case 'del':
        case 'link':
          return inlinePlainText(t.tokens);
        case 'br':
          return '\n';
        // Screenshots' alt text ("screenshot 3") and inline tags add noise, not meaning.
        case 'image':
        case 'html':
        case 'checkbox':
          return '';
        default:
          return 'text' in t && typeof t.text === 'string' ? t.text : '';
      }
    })
    .join('');
}

function sectionsOf(tokens: Token[]): Section[] {
  const sections: Section[] = [{ depth: 0, path: [], blocks: [] }];
  let openHeadings: { depth: number; text: string }[] = [];
  let listId = 0;
  for (const token of tokens) {
    const t = token as MarkedToken;
    if (t.type === 'heading') {
      const text = tidy(inlinePlainText(t.tokens));
      openHeadings = [...openHeadings.filter((h) => h.depth < t.depth), { depth: t.depth, text }];
      sections.push({ depth: t.depth, heading: text, path: openHeadings.map((h) => h.text), blocks: [] });
    } else if (t.type === 'list') {
      listId += 1;
      const id = listId;
      sections.at(-1)!.blocks.push(...listLines(t, '').map((text) => block(text, id)));
    } else {
      const text = blockPlainText(t);
      if (text) sections.at(-1)!.blocks.push(block(text));
    }
  }
  return sections;
}

/**
 * Headings are where chunks prefer to start: at an H1 or H2 once the running chunk holds a third of the
 * target, at a deeper heading once it holds half. A shorter run takes the section in, heading line and
 * all, so a chunk is never a stub like "If it still does not work: open a ticket" that matches every
 * query. A section that outgrows the target is continued in a new chunk between two blocks.
 */
function packSections(sections: Section[], targetWords: number, maxWords: number): Draft[] {
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  const open = (section: Section, lead?: string): Draft => {
    // A heading straight under another (an H3 right after its H2) replaces the empty chunk the first opened.
    const empty = current && current.blocks.length === 0 ? drafts.pop() : undefined;
    current = { path: section.path, leads: [...(empty?.leads ?? []), ...(lead ? [lead] : [])], blocks: [], words: 0 };
    drafts.push(current);
    return current;
  };
  for (const section of sections) {
    let pendingHeading: string | undefined;
    const enough = section.depth <= 2 ? targetWords / 3 : targetWords / 2;
    if (!current || current.blocks.length === 0 || current.words >= enough) open(section, section.heading);
    else pendingHeading = section.heading;
    for (const piece of section.blocks.flatMap((b) => splitOversized(b, targetWords, maxWords))) {
      let draft: Draft = current!;
      const heading = pendingHeading ? block(pendingHeading) : undefined;
      const total = draft.words + piece.words + (heading?.words ?? 0);
      if (draft.words > 0 && (total > maxWords || (total > targetWords && draft.words >= targetWords / 2))) {
        // The new chunk's heading path names this section, so its heading is not repeated in the text.
        draft = open(section, pendingHeading);
      } else if (heading) {
        add(draft, { ...heading, isHeading: true });
      }
      pendingHeading = undefined;
      add(draft, piece);
    }
    if (pendingHeading) add(current!, { ...block(pendingHeading), isHeading: true });
  }
  return drafts;
}

/** A short last piece (the end of a long section, a closing "if it still fails") joins the chunk before it. */
function mergeTinyTails(drafts: Draft[], maxWords: number): Draft[] {
  const merged: Draft[] = [];
  for (const draft of drafts) {
    const previous = merged.at(-1);
    const leads = draft.leads.map((lead) => ({ ...block(lead), isHeading: true }));
    const words = leads.reduce((sum, lead) => sum + lead.words, draft.words);
    if (previous && draft.words < TINY_CHUNK_WORDS && previous.words + words <= maxWords) {
      for (const b of [...leads, ...draft.blocks]) add(previous, b);
    } else {
      merged.push(draft);
    }
  }
  return merged;
}

function add(draft: Draft, b: Block): void {
  draft.blocks.push(b);
  draft.words += b.words;
}

/** Items of one list stay on consecutive lines; everything else is a paragraph of its own. */
function joinBlocks(blocks: Block[]): string {
  return blocks
    .map((b, i) => {
      const previous = blocks[i - 1];
      if (!previous) return b.text;
      const sameList = b.listId !== undefined && b.listId === previous.listId;
      return (sameList ? '\n' : '\n\n') + b.text;
    })
    .join('');
}

/**
 * A block longer than the maximum (a wall of text) is cut between sentences, and a sentence longer
 * than the maximum between words: the word limit is a promise to the embedding model.
 */
function splitOversized(b: Block, targetWords: number, maxWords: number): Block[] {
  if (b.words <= maxWords) return [b];
  const sentences = b.text.split(/(?<=[.!?…])\s+|\n+/).flatMap((sentence) => {
    const words = sentence.split(/\s+/).filter(Boolean);
    const parts: string[] = [];
    for (let i = 0; i < words.length; i += maxWords) parts.push(words.slice(i, i + maxWords).join(' '));
    return parts;
  });
  const pieces: Block[] = [];
  let buffer: string[] = [];
  let bufferWords = 0;
  for (const sentence of sentences) {
    const words = countWords(sentence);
    if (buffer.length > 0 && bufferWords + words > targetWords) {
      pieces.push(block(buffer.join(' '), b.listId));
      buffer = [];
      bufferWords = 0;
    }
    buffer.push(sentence);
    bufferWords += words;
  }
  if (buffer.length > 0) pieces.push(block(buffer.join(' '), b.listId));
  return pieces;
}

function blockPlainText(t: MarkedToken): string {
  switch (t.type) {
    case 'paragraph':
    case 'text':
      return tidy(t.tokens ? inlinePlainText(t.tokens) : decodeEntities(t.text));
    case 'code':
      return t.text.trim();
    case 'blockquote':
      return t.tokens
        .map((inner) => blockPlainText(inner as MarkedToken))
        .filter(Boolean)
        .join('\n\n');
    case 'list':
      return listLines(t, '').join('\n');
    case 'table':
      return [t.header, ...t.rows].map((row) => row.map((cell) => tidy(inlinePlainText(cell.tokens))).join(' | ')).join('\n');
    case 'html':
      return tidy(decodeEntities(t.text.replace(/<!--[\s\S]*?-->|<(script|style)\b[\s\S]*?<\/\1>/gi, '').replace(/<[^>]*>/g, ' ')));
    case 'heading':
      return tidy(inlinePlainText(t.tokens));
    default:
      return '';
  }
}

/** One string per item, numbered "1. " as in the source or bulleted "• ", nested items indented below. */
function listLines(list: Tokens.List, indent: string): string[] {
  const first = typeof list.start === 'number' ? list.start : 1;
  return list.items.map((item, i) => {
    const marker = list.ordered ? `${first + i}. ` : '• ';
    const childIndent = indent + ' '.repeat(marker.length);
    const parts = item.tokens.flatMap((inner) => {
      const t = inner as MarkedToken;
      if (t.type === 'list') return listLines(t, childIndent);
      const text = blockPlainText(t);
      return text ? [text.split('\n').join(`\n${childIndent}`)] : [];
    });
    const [head = '', ...rest] = parts;
    return [`${indent}${marker}${head}`, ...rest.map((part) => (part.startsWith(childIndent) ? part : childIndent + part))].join('\n');
  });
}

function block(text: string, listId?: number): Block {
  return { text, words: countWords(text), listId };
}

/** Words as the limits count them: runs of non-space holding a letter or digit, so "•" and "|" are free. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Marked leaves entities as written; plain text wants the characters. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}
