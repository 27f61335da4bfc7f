import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ActiveConversation } from '../../../domain/conversations/takeover-schemas.js';
import { followLink, href, segments } from '../app/router.js';
import { Composer } from '../components/Composer.js';
import { Transcript } from '../components/Transcript.js';
import { timeAgo, tr } from '../i18n/i18n.js';
import {
  handBack,
  joinChat,
  joinedByMe,
  lines,
  link,
  noteTyping,
  opened,
  openedLine,
  openedTechnician,
  openConversation,
  pending,
  refusal,
  sendReply,
  startConversations,
  userTyping,
} from '../store/conversations.js';
import { plainExcerpt } from '../store/conversation-list.js';
import { me } from '../store/session.js';

const LAST_SENDER = { assistant: 'console.conversations.assistant', technician: 'console.conversations.technician', system: 'console.conversations.system' } as const;

function TechnicianBadge({ technician }: { technician: ActiveConversation['technician'] }) {
  if (!technician) return null;
  const mine = technician.id === me.value?.user.id;
  return <span class="badge badge-in">{mine ? tr('console.conversations.youAreIn') : tr('console.conversations.technicianIn', { name: technician.name })}</span>;
}

function Line({ line, current }: { line: ActiveConversation; current: boolean }) {
  const to = `/conversations/${line.id}`;
  const last = line.lastMessage;
  return (
    <li>
      <a class="conv-line" href={href(to)} aria-current={current ? 'true' : undefined} onClick={(event) => followLink(event, to)}>
        <span class="conv-line-top">
          <strong class="conv-user">{line.user.name}</strong>
          <time dateTime={last?.createdAt ?? line.updatedAt}>{timeAgo(last?.createdAt ?? line.updatedAt)}</time>
        </span>
        <span class="sub">{line.user.company}</span>
        {last && (
          <span class="conv-excerpt">
            {last.role !== 'user' && <span class="conv-excerpt-from">{tr(LAST_SENDER[last.role])}: </span>}
            {plainExcerpt(last.excerpt)}
          </span>
        )}
        {(line.technician || line.ticket) && (
          <span class="conv-badges">
            <TechnicianBadge technician={line.technician} />
            {line.ticket && <span class="badge">{tr('console.conversations.ticket', { number: String(line.ticket.number) })}</span>}
          </span>
        )}
      </a>
    </li>
  );
}

/** "2 min ago" moves on while the list stays open. */
const CLOCK_TICK_MS = 30_000;

function ConversationList({ currentId }: { currentId: string | undefined }) {
  const list = lines.value;
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((count) => count + 1), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <section class="panel conv-list" aria-labelledby="conversations-title">
      <h1 id="conversations-title">{tr('console.conversations.title')}</h1>
      {link.value === 'lost' && (
        <p class="notice" role="status">
          {tr('console.conversations.reconnecting')}
        </p>
      )}
      {link.value === 'refused' && (
        <p class="error" role="alert">
          {tr('console.conversations.refused')}
        </p>
      )}
      {(list.state === 'idle' || list.state === 'loading') && <p class="muted">{tr('shell.loading')}</p>}
      {list.state === 'failed' && (
        <p class="error" role="alert">
          {list.message}
        </p>
      )}
      {list.state === 'loaded' && list.value.length === 0 && <p class="empty">{tr('console.conversations.empty')}</p>}
      {list.state === 'loaded' && list.value.length > 0 && (
        <ul class="conv-lines" aria-label={tr('console.conversations.count', { count: list.value.length })}>
          {list.value.map((line) => (
            <Line key={line.id} line={line} current={line.id === currentId} />
          ))}
        </ul>
      )}
    </section>
  );
}

function Detail({ id }: { id: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const joinButton = useRef<HTMLButtonElement>(null);
  const current = opened.value;
  const line = openedLine.value;
  const technician = openedTechnician.value;
  const mine = joinedByMe.value;
  const wasMine = useRef(mine);
  useLayoutEffect(() => heading.current?.focus(), [id]);
  // Handed back, the button that was pressed is gone: the keyboard goes on from the one that replaces it.
  useLayoutEffect(() => {
    if (wasMine.current && !mine) joinButton.current?.focus();
    wasMine.current = mine;
  }, [mine]);
  const userName = line?.user.name ?? tr('console.conversations.user');
  const ticket = line?.ticket ?? (current?.state === 'ready' ? current.conversation.ticket : null);

  return (
    <section class="panel conv-detail" aria-labelledby="conversation-title">
      <a class="back" href={href('/conversations')} onClick={(event) => followLink(event, '/conversations')}>
        {tr('console.conversations.back')}
      </a>
      <header class="conv-head">
        <div class="conv-who">
          <h2 id="conversation-title" tabIndex={-1} ref={heading}>
            {userName}
          </h2>
          <span class="sub">
            {line?.user.company}
            {line && ticket && <span class="sep"> · </span>}
            {ticket && (
              <a href={href(`/tickets/${ticket.number}`)} onClick={(event) => followLink(event, `/tickets/${ticket.number}`)}>
                {tr('console.conversations.openTicket', { number: String(ticket.number) })}
              </a>
            )}
          </span>
        </div>
        {current?.state === 'ready' && !mine && (
          <button type="button" class="primary" ref={joinButton} disabled={pending.value === 'join' || (technician !== null && technician !== undefined)} onClick={() => void joinChat(id)}>
            {tr('console.conversations.join')}
          </button>
        )}
        {mine && (
          <button type="button" class="secondary" disabled={pending.value !== undefined} onClick={() => void handBack(id)}>
            {tr('console.conversations.handBack')}
          </button>
        )}
      </header>
      <p class={`conv-state${technician ? ' conv-state-taken' : ''}`}>
        {mine
          ? tr('console.conversations.youAreInChat')
          : technician
            ? tr('console.conversations.technicianInChat', { name: technician.name })
            : tr('console.conversations.assistantAnswering')}
      </p>
      {refusal.value && (
        <p class="error" role="alert">
          {refusal.value}
        </p>
      )}
      {current?.state === 'loading' && <p class="muted">{tr('shell.loading')}</p>}
      {current?.state === 'failed' && (
        <p class="error" role="alert">
          {current.message}
        </p>
      )}
      {current?.state === 'ready' && <Transcript messages={current.messages} userName={userName} />}
      <p class="typing" role="status">
        {mine && userTyping.value ? tr('console.conversations.typing', { name: userTyping.value }) : ''}
      </p>
      {current?.state === 'ready' && mine && <Composer userName={userName} send={(text) => sendReply(id, text)} typing={() => noteTyping(id)} />}
    </section>
  );
}

export function ConversationsView() {
  const id = segments.value[1];
  useEffect(() => startConversations(), []);
  useEffect(() => openConversation(id), [id]);
  return (
    <div class={`conversations${id ? ' conversations-open' : ''}`}>
      <ConversationList currentId={id} />
      {id ? (
        <Detail key={id} id={id} />
      ) : (
        <section class="panel conv-detail conv-none" aria-label={tr('console.conversations.title')}>
          <p class="empty">{tr('console.conversations.choose')}</p>
        </section>
      )}
    </div>
  );
}
