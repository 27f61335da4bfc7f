import { Fragment } from 'preact';
import { portalOrigin } from '../app/environment.js';
import { parseMarkdown, type Inline } from '../markdown/parse.js';

function Inlines({ parts, newTabLabel }: { parts: Inline[]; newTabLabel?: string }) {
  return (
    <>
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          part
        ) : 'strong' in part ? (
          <strong key={i}>
            <Inlines parts={part.strong} newTabLabel={newTabLabel} />
          </strong>
        ) : (
          <a key={i} href={part.href} target="_blank" rel="noopener noreferrer">
            {part.text}
            {newTabLabel && <span class="visually-hidden"> {newTabLabel}</span>}
          </a>
        ),
      )}
    </>
  );
}

/** A message in the chat's Markdown subset, as text nodes and a few elements; links only to this portal. */
export function Markdown({ text, newTabLabel }: { text: string; newTabLabel?: string }) {
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
                  <Inlines parts={line} newTabLabel={newTabLabel} />
                </Fragment>
              ))}
            </p>
          );
        }
        const items = block.items.map((item, j) => (
          <li key={j}>
            <Inlines parts={item} newTabLabel={newTabLabel} />
          </li>
        ));
        return block.kind === 'ul' ? <ul key={i}>{items}</ul> : <ol key={i} start={block.start === 1 ? undefined : block.start}>{items}</ol>;
      })}
    </>
  );
}
