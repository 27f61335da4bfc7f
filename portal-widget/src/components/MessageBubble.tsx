import { useState } from 'preact/hooks';
import { portalUrl } from '../app/environment.js';
import { answerFeedback, sendMessage, type MessageItem } from '../store/chat.js';
import { openInPortal, showArticle } from '../store/session.js';
import { timeOfDay, tr } from '../i18n/i18n.js';
import { LanguageBadge } from './LanguageBadge.js';
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
            <a
              href={portalUrl(`/kb/${encodeURIComponent(citation.slug)}`)}
              target="_blank"
              rel="noopener noreferrer"
              onClick={(event) => {
                // A plain click opens the article beside the chat, in the Knowledge base tab, when the user has it.
                if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
                if (showArticle(citation.slug)) event.preventDefault();
              }}
            >
              {citation.title}
              <span class="visually-hidden"> {tr('chat.newTab')}</span>
            </a>
            <LanguageBadge lang={citation.lang} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The answers to the assistant's question, each a button that sends its words as the user's next message. */
function QuickReplies({ item }: { item: MessageItem }) {
  return (
    <div class="quick-replies" role="group" aria-label={tr('chat.quickReplies')}>
      {item.quickReplies.map((reply) => (
        <button key={reply.label} type="button" class="chip" onClick={() => sendMessage(reply.text)}>
          {reply.label}
        </button>
      ))}
    </div>
  );
}

function Feedback({ messageId }: { messageId: string }) {
  const [error, setError] = useState<string>();
  const questionId = `feedback-${messageId}`;
  const answer = async (solved: boolean) => setError(await answerFeedback(messageId, solved));
  return (
    <div class="feedback" role="group" aria-labelledby={questionId}>
      <span id={questionId}>{tr('chat.feedback.question')}</span>
      <button type="button" class="secondary" onClick={() => void answer(true)}>
        {tr('chat.feedback.yes')}
      </button>
      <button type="button" class="secondary" onClick={() => void answer(false)}>
        {tr('chat.feedback.no')}
      </button>
      {error && (
        <p class="inline-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** One message: what users and technicians wrote is plain text, what the assistant wrote is its Markdown subset. */
export function MessageBubble({ item, askFeedback, thanked, offerChoices }: { item: MessageItem; askFeedback: boolean; thanked: boolean; offerChoices: boolean }) {
  return (
    <div class={`msg msg-${item.role}${item.failed ? ' msg-failed' : ''}${item.queued ? ' msg-queued' : ''}`} data-message-id={item.id}>
      <p class="msg-meta">
        {item.role === 'technician' && item.author ? (
          <>
            <span class="msg-sender">{item.author.name}</span> <span class="msg-badge">{tr(SENDER_KEYS.technician)}</span>
          </>
        ) : (
          <span class="msg-sender">{tr(SENDER_KEYS[item.role])}</span>
        )}
        {item.createdAt && (
          <>
            {' '}
            <time class="msg-time" dateTime={item.createdAt}>
              {timeOfDay(item.createdAt)}
            </time>
          </>
        )}
      </p>
      <div class="msg-body">{item.role === 'user' || item.role === 'technician' ? item.text : <Markdown text={item.text} newTabLabel={tr('chat.newTab')} open={openInPortal} />}</div>
      {item.queued && <p class="msg-note">{tr('chat.queued')}</p>}
      {item.citations.length > 0 && <Sources item={item} />}
      {offerChoices && <QuickReplies item={item} />}
      {askFeedback && item.id && <Feedback messageId={item.id} />}
      {thanked && (
        <p class="feedback-thanks" role="status">
          {tr('chat.feedback.thanks')}
        </p>
      )}
      {item.error && (
        <p class="inline-error" role="alert">
          {item.error}
        </p>
      )}
    </div>
  );
}
