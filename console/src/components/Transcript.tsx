import { useEffect, useRef } from 'preact/hooks';
import type { MessageView } from '../../../domain/conversations/conversation-schemas.js';
import { Markdown } from '../../../portal-widget/src/components/Markdown.js';
import { timeOfDay, tr } from '../i18n/i18n.js';

function sender(message: MessageView, userName: string): string {
  if (message.role === 'user') return userName;
  if (message.role === 'technician') return message.author?.name ?? tr('console.conversations.technician');
  return tr(message.role === 'assistant' ? 'console.conversations.assistant' : 'console.conversations.system');
}

/** One message: what the user wrote is plain text; the assistant's and support's are the Markdown the user saw. */
function TranscriptMessage({ message, userName }: { message: MessageView; userName: string }) {
  const plain = message.role === 'user' || message.role === 'system';
  return (
    <div class={`cmsg cmsg-${message.role}`} data-message-id={message.id}>
      <p class="cmsg-meta">
        <span class="cmsg-sender">{sender(message, userName)}</span>{' '}
        <time class="cmsg-time" dateTime={message.createdAt}>
          {timeOfDay(message.createdAt)}
        </time>
      </p>
      <div class="cmsg-body">{plain ? message.text : <Markdown text={message.text} newTabLabel={tr('console.conversations.newTab')} />}</div>
      {message.citations.length > 0 && (
        <p class="cmsg-sources">
          {tr('console.conversations.sources')} {message.citations.map((citation) => citation.title).join(' · ')}
        </p>
      )}
    </div>
  );
}

/** The chat as the user sees it, kept scrolled to its newest message while the technician has not scrolled up. */
export function Transcript({ messages, userName }: { messages: MessageView[]; userName: string }) {
  const log = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const follow = () => {
    const box = log.current;
    if (box && pinned.current) box.scrollTop = box.scrollHeight;
  };
  useEffect(follow, [messages]);
  // A narrower window or a phone's keyboard makes the box smaller: the newest message stays in sight.
  useEffect(() => {
    const watcher = new ResizeObserver(follow);
    if (log.current) watcher.observe(log.current);
    return () => watcher.disconnect();
  }, []);
  return (
    <div
      class="transcript"
      role="log"
      tabIndex={0}
      aria-label={tr('console.conversations.transcript', { name: userName })}
      ref={log}
      onScroll={(event) => {
        const box = event.currentTarget;
        pinned.current = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
      }}
    >
      {messages.length === 0 ? <p class="empty">{tr('console.conversations.noMessages')}</p> : messages.map((message) => <TranscriptMessage key={message.id} message={message} userName={userName} />)}
    </div>
  );
}
