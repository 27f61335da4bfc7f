import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TicketForm, TicketView } from '../../../domain/tickets/ticket-schemas.js';
import { downloadFile } from '../api/http.js';
import { embedded } from '../app/environment.js';
import { AttachmentList } from '../components/AttachmentList.js';
import { Markdown } from '../components/Markdown.js';
import { dateTime, language, tr } from '../i18n/i18n.js';
import { commentOnTicket, reopenOpenTicket, ticketForm } from '../store/tickets.js';

type CustomValue = TicketView['customFields'][string];

function customText(value: CustomValue, type: TicketForm['fields'][number]['type'] | undefined): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return tr(value ? 'shell.tickets.yes' : 'shell.tickets.no');
  if (type === 'date' && typeof value === 'string') return new Date(`${value}T00:00:00`).toLocaleDateString(language.value, { dateStyle: 'medium' });
  return String(value);
}

/** The ticket's fields the settings let this user see; custom ones by their admin's label. */
function Fields({ ticket }: { ticket: TicketView }) {
  const form = ticketForm.value.state === 'loaded' ? ticketForm.value.value.fields : [];
  const rows: { label: string; value: string }[] = [];
  if (ticket.status) rows.push({ label: tr('shell.status'), value: tr(`status.${ticket.status}`) });
  if (ticket.priority) rows.push({ label: tr('shell.tickets.priority'), value: tr(`shell.tickets.priority.${ticket.priority}`) });
  if (ticket.type) rows.push({ label: tr('shell.tickets.type'), value: tr(`shell.tickets.type.${ticket.type}`) });
  if (ticket.requester) rows.push({ label: tr('shell.tickets.requester'), value: ticket.requester.name });
  rows.push({ label: tr('shell.tickets.created'), value: dateTime(ticket.createdAt) });
  rows.push({ label: tr('shell.updated'), value: dateTime(ticket.updatedAt) });
  for (const [key, value] of Object.entries(ticket.customFields)) {
    const field = form.find((each) => each.key === key);
    const text = customText(value, field?.type);
    if (text) rows.push({ label: field?.label ?? key, value: text });
  }
  return (
    <dl class="ticket-fields">
      {rows.map((row) => (
        <div key={row.label}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Thread({ ticket }: { ticket: TicketView }) {
  const comments = ticket.comments ?? [];
  return (
    <section class="ticket-thread" aria-labelledby="ticket-comments-title">
      <h3 id="ticket-comments-title">{tr('shell.tickets.comments')}</h3>
      {comments.length === 0 ? (
        <p class="muted">{tr('shell.tickets.noComments')}</p>
      ) : (
        <ol class="comments">
          {comments.map((comment) => (
            <li key={comment.id} class={`comment comment-${comment.author.role}`}>
              <p class="comment-meta">
                <strong>{comment.author.name}</strong> <span class="role">{tr(`shell.tickets.role.${comment.author.role}`)}</span>{' '}
                <time dateTime={comment.createdAt}>{dateTime(comment.createdAt)}</time>
              </p>
              <p class="comment-body">{comment.body}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Transcript({ transcript }: { transcript: NonNullable<TicketView['transcript']> }) {
  return (
    <section class="ticket-transcript" aria-labelledby="ticket-transcript-title">
      <h3 id="ticket-transcript-title">{tr('shell.tickets.transcript')}</h3>
      <ol class="comments">
        {transcript.map((message, i) => (
          <li key={i} class={`comment transcript-${message.role}`}>
            <p class="comment-meta">
              <strong>{tr(`shell.tickets.role.${message.role}`)}</strong> <time dateTime={message.createdAt}>{dateTime(message.createdAt)}</time>
            </p>
            <div class="comment-body">{message.role === 'user' ? message.text : <Markdown text={message.text} newTabLabel={tr('chat.newTab')} />}</div>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A public comment; on a resolved or closed ticket it also reopens it, which the server may refuse. */
function CommentForm({ ticket }: { ticket: TicketView }) {
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const files = useRef<HTMLInputElement>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!body.trim() || busy) return;
    setBusy(true);
    setError('');
    setDone('');
    const failure = await commentOnTicket(ticket.id, body, Array.from(files.current?.files ?? []));
    setBusy(false);
    if (failure) return setError(failure);
    setBody('');
    if (files.current) files.current.value = '';
    setDone(tr('shell.tickets.commentAdded'));
  };
  const reopen = async () => {
    setBusy(true);
    setError('');
    setDone('');
    const failure = await reopenOpenTicket(ticket.id);
    setBusy(false);
    if (failure) setError(failure);
    else setDone(tr('shell.tickets.reopened'));
  };
  return (
    <form class="comment-form" onSubmit={(event) => void submit(event)}>
      <label for="ticket-comment">{tr('shell.tickets.addComment')}</label>
      <textarea
        id="ticket-comment"
        rows={3}
        value={body}
        aria-describedby={ticket.canReopen ? 'ticket-reopen-hint' : undefined}
        onInput={(event) => setBody(event.currentTarget.value)}
      />
      {ticket.canReopen && (
        <p id="ticket-reopen-hint" class="hint">
          {tr('shell.tickets.reopenHint')}
        </p>
      )}
      <label for="ticket-comment-files" class="files-label">
        {tr('shell.tickets.attachFiles')}
      </label>
      <input id="ticket-comment-files" type="file" multiple ref={files} aria-describedby="ticket-files-hint" />
      <p id="ticket-files-hint" class="hint">
        {tr('shell.tickets.attachHint')}
      </p>
      <div class="comment-actions">
        <button type="submit" disabled={busy || !body.trim()}>
          {tr('shell.tickets.send')}
        </button>
        {ticket.canReopen && (
          <button type="button" class="secondary" disabled={busy} onClick={() => void reopen()}>
            {tr('shell.tickets.reopen')}
          </button>
        )}
      </div>
      <p class="saved" role="status">
        {done}
      </p>
      {error && (
        <p class="inline-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** One ticket: its fields, the public thread and, for a chat's ticket, the chat it came from. */
export function TicketDetail({ ticket, children }: { ticket: TicketView; children?: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), [ticket.id]);
  return (
    <article class="ticket-detail" aria-labelledby="ticket-title">
      <h2 id="ticket-title" tabIndex={-1} ref={heading}>
        <span class="ticket-number">#{ticket.number}</span> {ticket.subject ?? ''}
      </h2>
      <Fields ticket={ticket} />
      {ticket.description && <p class="ticket-description">{ticket.description}</p>}
      <AttachmentList
        ticketId={ticket.id}
        files={ticket.attachments}
        title={tr('shell.tickets.attachments')}
        language={language.value}
        headingLevel={3}
        class="ticket-attachments"
        open={embedded() ? (file, href) => void downloadFile(href, file.filename) : undefined}
      />
      <Thread ticket={ticket} />
      <CommentForm ticket={ticket} />
      {children}
      {ticket.transcript && ticket.transcript.length > 0 && <Transcript transcript={ticket.transcript} />}
    </article>
  );
}
