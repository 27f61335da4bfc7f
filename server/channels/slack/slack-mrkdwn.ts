/**
 * Text someone wrote, made safe for Slack's mrkdwn: `&`, `<` and `>` escaped, so what a user or technician typed
 * cannot become a mention (`<!channel>`), a link or a formatting control.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const MARKDOWN_LINK = /\[([^\]\n]+)\]\(([^)\s]+)\)/g;

/**
 * The assistant's Markdown as Slack shows it: escaped first, then its links (`[title](/kb/slug)`) made Slack links
 * absolute to the portal, since a relative link means nothing in Slack, and `**bold**` made Slack's `*bold*`. A link
 * that is neither the portal's path nor http(s) stays its plain title.
 */
export function markdownToMrkdwn(markdown: string, portalOrigin: string): string {
  return escapeMrkdwn(markdown)
    .replace(MARKDOWN_LINK, (_whole, title: string, target: string) => {
      const href = target.replace(/&amp;/g, '&');
      const url = href.startsWith('/') && !href.startsWith('//') ? `${portalOrigin}${href}` : /^https?:\/\//i.test(href) ? href : undefined;
      const label = title.replace(/\|/g, '/');
      return url ? `<${url.replace(/[<>| ]/g, encodeURIComponent)}|${label}>` : label;
    })
    .replace(/\*\*([^*\n]+)\*\*/g, '*$1*');
}

/**
 * What a Slack user wrote, as plain text for the assistant: mentions of the bot gone, Slack's links (`<url|label>`) as
 * their label and address, other mentions and channel names as Slack shows them, and its escapes undone.
 */
export function plainFromSlack(text: string, botUserId: string | undefined): string {
  return text
    .replace(/<@([A-Z0-9]+)(\|[^>]*)?>/g, (whole, id: string, label?: string) => (id === botUserId ? '' : label ? `@${label.slice(1)}` : whole))
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<(https?:[^>|]+)\|([^>]*)>/g, (_whole, url: string, label: string) => (label === url ? url : `${label} (${url})`))
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/<mailto:[^>|]+\|([^>]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

/** The articles an answer drew on, as Slack links to them in the portal. */
export function articleLinks(citations: readonly { slug: string; title: string }[], portalOrigin: string): string {
  return citations.map((c) => `<${portalOrigin}/kb/${encodeURIComponent(c.slug)}|${escapeMrkdwn(c.title).replace(/\|/g, '/')}>`).join(' · ');
}
