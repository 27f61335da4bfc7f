import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TicketView } from '../../../../domain/tickets/ticket-schemas.js';
import { AttachmentList } from '../../../../portal-widget/src/components/AttachmentList.js';
import { Markdown } from '../../../../portal-widget/src/components/Markdown.js';
import { getTicket } from '../../api/tickets.js';
import { followLink, href } from '../../app/router.js';
import { dateTime, language, timeAgo, tr } from '../../i18n/i18n.js';
import { loadTicketReferences, queueSearch, useTicketEvents } from '../../store/tickets.js';
import { ReplyBox } from './ReplyBox.js';
import { TicketProperties } from './TicketProperties.js';

type Loaded = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; ticket: TicketView };
type Action = NonNullable<TicketView['actions']>[number];

function Thread({ ticket }: { ticket: TicketView }) {
  const comments = ticket.comments ?? [];
  if (comments.length === 0) return <p class="muted">{tr('shell.tickets.noComments')}</p>;
  return (
    <ol class="thread">
      {comments.map((comment) => (
        <li key={comment.id} class={`note note-${comment.author.role}${comment.public ? '' : ' note-internal'}`}>
          <p class="note-meta">
            <strong>{comment.author.name}</strong> <span class="role">{tr(`shell.tickets.role.${comment.author.role}`)}</span>
            {!comment.public && <span class="badge badge-internal">{tr('console.ticket.internalNote')}</span>}
            <time dateTime={comment.createdAt} title={dateTime(comment.createdAt)}>
              {timeAgo(comment.createdAt)}
            </time>
          </p>
          <p class="note-body">{comment.body}</p>
        </li>
      ))}
    </ol>
  );
}

function Transcript({ transcript }: { transcript: NonNullable<TicketView['transcript']> }) {
  return (
    <section class="panel ticket-section" aria-labelledby="transcript-title">
      <h2 id="transcript-title">{tr('shell.tickets.transcript')}</h2>
      <ol class="transcript">
        {transcript.map((message, i) => (
          <li key={i} class={`line line-${message.role}`}>
            <p class="note-meta">
              <strong>{tr(`shell.tickets.role.${message.role}`)}</strong> <time dateTime={message.createdAt}>{dateTime(message.createdAt)}</time>
            </p>
            <div class="note-body">{message.role === 'user' ? message.text : <Markdown text={message.text} newTabLabel={tr('console.ticket.newTab')} />}</div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function ActionLog({ actions }: { actions: Action[] }) {
  return (
    <section class="panel ticket-section" aria-labelledby="actions-title">
      <h2 id="actions-title">{tr('console.ticket.actions')}</h2>
      <table class="actions">
        <thead>
          <tr>
            <th scope="col">{tr('console.ticket.action.what')}</th>
            <th scope="col">{tr('console.ticket.action.device')}</th>
            <th scope="col">{tr('console.ticket.action.when')}</th>
            <th scope="col">{tr('console.ticket.action.result')}</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((action) => {
            const steps = action.history ?? [];
            const at = steps.at(-1)?.at;
            return (
              <tr key={action.id}>
                <td>
                  {tr(`console.ticket.actionKind.${action.kind}`)}
                  {action.appName && <span class="sub">{action.appName}</span>}
                </td>
                <td>{action.deviceName}</td>
                <td>{at && <time dateTime={at}>{dateTime(at)}</time>}</td>
                <td>
                  <span class={`outcome outcome-${action.status}`}>{tr(`console.ticket.actionStatus.${action.status}`)}</span>
                  {action.detail && <span class="sub">{action.detail}</span>}
                  {steps.length > 1 && (
                    <details class="steps">
                      <summary>{tr('console.ticket.action.steps', { count: steps.length })}</summary>
                      <ol>
                        {steps.map((step, i) => (
                          <li key={i}>
                            <time dateTime={step.at}>{dateTime(step.at)}</time> {tr(`console.ticket.actionStatus.${step.status}`)}
                            {step.detail && ` · ${step.detail}`}
                          </li>
                        ))}
                      </ol>
                    </details>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** One ticket as a technician works it: the thread with internal notes, the reply box, the chat, the actions, the properties. */
export function TicketDetail({ reference }: { reference: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const heading = useRef<HTMLHeadingElement>(null);

  const load = async () => {
    const answer = await getTicket(reference);
    setLoaded(answer.ok ? { state: 'ready', ticket: answer.body } : { state: 'failed', message: answer.error.message || tr('shell.tickets.failed') });
  };
  useEffect(() => {
    void loadTicketReferences();
    setLoaded({ state: 'loading' });
    void load();
  }, [reference]);
  useTicketEvents(
    () => void load(),
    ({ ticketId, number }) => ticketId === reference || String(number) === reference,
  );
  const ready = loaded.state === 'ready';
  useLayoutEffect(() => {
    if (ready) heading.current?.focus();
  }, [ready, reference]);

  const back = `/tickets${queueSearch.value}`;
  return (
    <div class="ticket-page">
      <a class="back" href={href(back)} onClick={(event) => followLink(event, back)}>
        {tr('console.ticket.back')}
      </a>
      {loaded.state === 'loading' && (
        <p class="muted loading" role="status">
          {tr('shell.loading')}
        </p>
      )}
      {loaded.state === 'failed' && (
        <p class="error" role="alert">
          {loaded.message}
        </p>
      )}
      {loaded.state === 'ready' && <Ticket ticket={loaded.ticket} heading={heading} reload={() => void load()} replace={(ticket) => setLoaded({ state: 'ready', ticket })} />}
    </div>
  );
}

function Ticket({
  ticket,
  heading,
  reload,
  replace,
}: {
  ticket: TicketView;
  heading: RefObject<HTMLHeadingElement | null>;
  reload: () => void;
  replace: (ticket: TicketView) => void;
}) {
  return (
    <article class="ticket" aria-labelledby="ticket-title">
      <header class="panel ticket-head">
        <h1 id="ticket-title" tabIndex={-1} ref={heading}>
          <span class="ticket-number">#{ticket.number}</span> {ticket.subject ?? tr('console.tickets.noSubject')}
        </h1>
        <div class="ticket-badges">
          {ticket.status && <span class={`status status-${ticket.status}`}>{tr(`status.${ticket.status}`)}</span>}
          {ticket.priority && <span class={`priority priority-${ticket.priority}`}>{tr(`console.priority.${ticket.priority}`)}</span>}
          {ticket.escalated && <span class="badge badge-escalated">{tr('console.tickets.escalated')}</span>}
        </div>
        <dl class="ticket-meta">
          <div>
            <dt>{tr('console.tickets.requester')}</dt>
            <dd>
              {ticket.requester?.name ?? '—'}
              {ticket.company && <span class="sub">{ticket.company.name}</span>}
            </dd>
          </div>
          <div>
            <dt>{tr('console.ticket.source')}</dt>
            <dd>{tr(`console.tickets.source.${ticket.source}`)}</dd>
          </div>
          <div>
            <dt>{tr('shell.tickets.created')}</dt>
            <dd>
              <time dateTime={ticket.createdAt}>{dateTime(ticket.createdAt)}</time>
            </dd>
          </div>
          {ticket.type && (
            <div>
              <dt>{tr('shell.tickets.type')}</dt>
              <dd>{tr(`shell.tickets.type.${ticket.type}`)}</dd>
            </div>
          )}
        </dl>
        {ticket.description && <p class="ticket-description">{ticket.description}</p>}
      </header>
      <div class="ticket-layout">
        <div class="ticket-main">
          <AttachmentList
            ticketId={ticket.id}
            files={ticket.attachments}
            title={tr('shell.tickets.attachments')}
            language={language.value}
            headingLevel={2}
            class="panel ticket-section"
          />
          <section class="panel ticket-section" aria-labelledby="thread-title">
            <h2 id="thread-title">{tr('console.ticket.conversation')}</h2>
            <Thread ticket={ticket} />
            <ReplyBox ticket={ticket} sent={reload} />
          </section>
          {ticket.transcript && ticket.transcript.length > 0 && <Transcript transcript={ticket.transcript} />}
          {ticket.actions && ticket.actions.length > 0 && <ActionLog actions={ticket.actions} />}
        </div>
        <TicketProperties ticket={ticket} changed={replace} />
      </div>
    </article>
  );
}
