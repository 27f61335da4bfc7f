import type { MessageItem } from '../store/chat.js';
import { tr } from '../i18n/i18n.js';
import { Markdown } from './Markdown.js';

const SENDER_KEYS = { user: 'chat.you', assistant: 'chat.assistant', technician: 'chat.technician', system: 'chat.system' } as const;

function Sources({ item }: { item: MessageItem }) {
  const titleId = `sources-${item.key}`;
  return (
    <div class="sources">
      <p class="sources-title" id={titleId}>
        {tr('chat.sources')}
      </p>
      <ul aria-labelledby={titleId}>
        {item.citations.map((citation) => (
          <li key={citation.articleId}>
            <a href={`/kb/${encodeURIComponent(citation.slug)}`} target="_blank" rel="noopener noreferrer">
              {citation.title}
              <span class="visually-hidden"> {tr('chat.newTab')}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One message: what users wrote is plain text, what the assistant wrote is its Markdown subset. */
export function MessageBubble({ item }: { item: MessageItem }) {
  return (
    <div class={`msg msg-${item.role}${item.failed ? ' msg-failed' : ''}${item.queued ? ' msg-queued' : ''}`} data-message-id={item.id}>
      <p class="msg-sender">{tr(SENDER_KEYS[item.role])}</p>
      <div class="msg-body">{item.role === 'user' ? item.text : <Markdown text={item.text} newTabLabel={tr('chat.newTab')} />}</div>
      {item.queued && <p class="msg-note">{tr('chat.queued')}</p>}
      {item.citations.length > 0 && <Sources item={item} />}
      {item.error && (
        <p class="inline-error" role="alert">
          {item.error}
        </p>
      )}
    </div>
  );
}
