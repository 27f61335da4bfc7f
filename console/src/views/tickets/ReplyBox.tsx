import { useRef, useState } from 'preact/hooks';
import type { TicketView } from '../../../../domain/tickets/ticket-schemas.js';
import { encodeFiles } from '../../../../portal-widget/src/api/files.js';
import { addComment } from '../../api/tickets.js';
import { tr } from '../../i18n/i18n.js';

type Mode = 'public' | 'internal';

/** A public reply, which reaches the requester's portal at once, or an internal note for technicians; Ctrl+Enter sends. */
export function ReplyBox({ ticket, sent }: { ticket: TicketView; sent: () => void }) {
  const [mode, setMode] = useState<Mode>('public');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [error, setError] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  const files = useRef<HTMLInputElement>(null);
  const requester = ticket.requester?.name ?? '';

  async function send() {
    if (!body.trim() || busy) return;
    setBusy(true);
    setDone('');
    setError('');
    const chosen = Array.from(files.current?.files ?? []);
    const attachments = chosen.length > 0 ? { attachments: await encodeFiles(chosen) } : {};
    const answer = await addComment(ticket.id, { body, internal: mode === 'internal', ...attachments });
    setBusy(false);
    if (!answer.ok) return setError(answer.error.message || tr('shell.tickets.failed'));
    setBody('');
    if (files.current) files.current.value = '';
    setDone(tr(mode === 'internal' ? 'console.ticket.reply.noted' : 'console.ticket.reply.sent'));
    sent();
    box.current?.focus();
  }

  const choose = (next: Mode) => {
    setMode(next);
    setDone('');
    box.current?.focus();
  };

  return (
    <form
      class={`reply reply-${mode}`}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <fieldset class="reply-mode">
        <legend class="visually-hidden">{tr('console.ticket.reply.mode')}</legend>
        {(['public', 'internal'] as const).map((each) => (
          <label key={each} class={`segment${mode === each ? ' segment-on' : ''}`}>
            <input type="radio" name="reply-mode" value={each} checked={mode === each} onChange={() => choose(each)} />
            <span>{tr(each === 'public' ? 'console.ticket.reply.public' : 'console.ticket.reply.internal')}</span>
          </label>
        ))}
      </fieldset>
      <label for="reply-body" class="visually-hidden">
        {mode === 'public' ? tr('console.ticket.reply.publicLabel', { name: requester }) : tr('console.ticket.reply.internalLabel')}
      </label>
      <textarea
        id="reply-body"
        ref={box}
        rows={4}
        value={body}
        aria-describedby="reply-hint"
        placeholder={mode === 'public' ? tr('console.ticket.reply.publicLabel', { name: requester }) : tr('console.ticket.reply.internalLabel')}
        onInput={(event) => setBody(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void send();
          }
        }}
      />
      <div class="reply-files">
        <label for="reply-files">{tr('shell.tickets.attachFiles')}</label>
        <input id="reply-files" type="file" multiple ref={files} aria-describedby="reply-files-hint" />
        <p id="reply-files-hint" class="hint">
          {tr('shell.tickets.attachHint')}
        </p>
      </div>
      <div class="reply-actions">
        <p id="reply-hint" class="hint">
          {mode === 'public' ? tr('console.ticket.reply.publicHint', { name: requester }) : tr('console.ticket.reply.internalHint')}{' '}
          <span class="shortcut">{tr('console.ticket.reply.shortcut')}</span>
        </p>
        <button type="submit" class="primary" disabled={busy || !body.trim()}>
          {tr(mode === 'public' ? 'console.ticket.reply.sendPublic' : 'console.ticket.reply.sendInternal')}
        </button>
      </div>
      <p class="saved" role="status">
        {done}
      </p>
      <p class="error" role="alert">
        {error}
      </p>
    </form>
  );
}
