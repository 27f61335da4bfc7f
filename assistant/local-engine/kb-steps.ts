const MAX_STEPS = 8;
const MAX_CHARS = 900;

function isListItem(line: string): boolean {
  return /^\s*(?:[-*+]|\d+[.)])\s+\S/.test(line);
}

/**
 * The part of a matched passage worth showing in the chat: its list of steps when it has one, else its first
 * paragraphs, cut at a line boundary. Headings and front matter are left to the article page the answer links to.
 */
export function stepsFromPassage(passage: string): string {
  const lines = passage
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '' && !/^\s*#{1,6}\s/.test(line));
  const steps = lines.filter(isListItem);
  const picked = steps.length >= 2 ? steps.slice(0, MAX_STEPS) : lines;
  const out: string[] = [];
  let length = 0;
  for (const line of picked) {
    if (length + line.length > MAX_CHARS && out.length > 0) break;
    out.push(line);
    length += line.length + 1;
  }
  return out.join('\n');
}
