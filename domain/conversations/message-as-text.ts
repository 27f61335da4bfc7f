import type { Language } from '../../i18n/languages.js';
import { t } from '../../i18n/translate.js';
import { escapeMarkdown } from '../../text/escape-markdown.js';
import type { Citation } from '../kb/citation.js';

function articleLink(citation: Citation, reader: Language): string {
  const link = `[${escapeMarkdown(citation.title)}](/kb/${citation.slug.split('/').map(encodeURIComponent).join('/')})`;
  return citation.lang && citation.lang !== reader ? `${link} (${t(reader, `assistant.language.${citation.lang}`)})` : link;
}

/**
 * A stored message as one Markdown text, for a channel that cannot show its citations beside it (a ticket's
 * transcript; e-mail or chat apps later): the articles follow the text as "Source" and "See also" lines in the
 * reader's language. The portal's chat shows the citations itself, so the stored text never carries them.
 */
export function messageAsText(message: { text: string; citations: readonly Citation[] }, reader: Language): string {
  const [source, ...others] = message.citations;
  if (!source) return message.text;
  const lines = [message.text, t(reader, 'assistant.kb_source', { link: articleLink(source, reader) })];
  if (others.length > 0) lines.push(t(reader, 'assistant.kb_see_also', { links: others.map((c) => articleLink(c, reader)).join(', ') }));
  return lines.join('\n\n');
}
