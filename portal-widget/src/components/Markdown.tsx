import { Fragment } from 'preact';
import { portalOrigin } from '../app/environment.js';
import { parseMarkdown, type Inline } from '../markdown/parse.js';

/** Opens a portal link in the page itself (an article in its tab); false leaves the link to the browser. */
export type OpenLink = (href: string) => boolean;

type InlineProps = { parts: Inline[]; newTabLabel?: string | undefined; open?: OpenLink | undefined };

function Inlines({ parts, newTabLabel, open }: InlineProps) {
  return (
    <>
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          part
        ) : 'strong' in part ? (
          <strong key={i}>
            <Inlines parts={part.strong} newTabLabel={newTabLabel} open={open} />
          </strong>
        ) : (
          <a
            key={i}
            href={part.href}
            target="_blank"
            rel="noopener noreferrer"
            onClick={(event) => {
              // A plain click stays in the portal when it can; a modified one opens the new tab the link promises.
              if (!open || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
              if (open(part.href)) event.preventDefault();
            }}
          >
            {part.text}
            {newTabLabel && <span class="visually-hidden"> {newTabLabel}</span>}
          </a>
        ),
      )}
    </>
  );
}

/** A message in the chat's Markdown subset, as text nodes and a few elements; links only to this portal. */
export function Markdown({ text, newTabLabel, open }: { text: string; newTabLabel?: string; open?: OpenLink }) {
  const blocks = parseMarkdown(text, portalOrigin());
  return (
    <>
      {blocks.map((block, i) => {
        if (block.kind === 'p') {
          return (
            <p key={i}>
              {block.lines.map((line, j) => (
                <Fragment key={j}>
                  {j > 0 && <br />}
                  <Inlines parts={line} newTabLabel={newTabLabel} open={open} />
                </Fragment>
              ))}
            </p>
          );
        }
        const items = block.items.map((item, j) => (
          <li key={j}>
            <Inlines parts={item} newTabLabel={newTabLabel} open={open} />
          </li>
        ));
        return block.kind === 'ul' ? <ul key={i}>{items}</ul> : <ol key={i} start={block.start === 1 ? undefined : block.start}>{items}</ol>;
      })}
    </>
  );
}
