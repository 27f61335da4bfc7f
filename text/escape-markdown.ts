// Markdown reads these as syntax anywhere in a line: emphasis, links and images, code, HTML, tables, strikethrough.
const SYNTAX = /[\\`*_[\]<>|~]/g;
// And these only at the start of a line: headings, list items, setext underlines.
const LINE_START = /^(\s*)([-+#=]|\d+[.)])/;
// What GFM turns into a link with no syntax at all: "https://…", "www.…" and e-mail addresses.
const BARE_SCHEME = /([a-z][a-z0-9+.-]*):(?=\/\/)/gi;
const BARE_WWW = /\b(www)\.(?=\S)/gi;
const BARE_EMAIL = /(?<=[\w.+-])@(?=[\w-]+\.)/g;

/** A bare address made unlinkable: it stays readable ("https://…") but no renderer turns it into a link. */
export function unlinkBareAddresses(text: string): string {
  return text.replace(BARE_SCHEME, '$1\\:').replace(BARE_WWW, '$1\\.').replace(BARE_EMAIL, '\\@');
}

/**
 * Text that a person wrote (a ticket subject, a comment, a device or contact name), made inert before it goes into a
 * Markdown reply: it shows as typed and can start no link, image, list, heading or HTML. Line breaks become spaces, since
 * such text always sits inside a line of the reply.
 */
export function escapeMarkdown(text: string): string {
  const oneLine = text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
  const escaped = oneLine.replace(SYNTAX, '\\$&').replace(LINE_START, (_, space: string, mark: string) => `${space}${mark.slice(0, -1)}\\${mark.at(-1)}`);
  return unlinkBareAddresses(escaped);
}
