import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { tr } from '../i18n/i18n.js';

type Props = {
  /** Who the message goes to: the textbox's name. */
  userName: string;
  /** Resolves with the reason when the message was not sent. */
  send(text: string): Promise<string | undefined>;
  typing(): void;
};

/** The technician's reply box: Enter sends, Shift+Enter starts a new line; a failed message stays in the box. */
export function Composer({ userName, send, typing }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => box.current?.focus(), []);

  async function submit() {
    const message = text.trim();
    if (!message || busy) return;
    setBusy(true);
    const refused = await send(message);
    setBusy(false);
    setError(refused ?? '');
    if (refused === undefined) setText('');
    box.current?.focus();
  }

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label class="composer-field">
        <span class="visually-hidden">{tr('console.conversations.composer', { name: userName })}</span>
        <textarea
          ref={box}
          rows={2}
          maxLength={4000}
          value={text}
          placeholder={tr('console.conversations.composerHint')}
          aria-describedby="composer-error"
          onInput={(event) => {
            setText(event.currentTarget.value);
            typing();
          }}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
            event.preventDefault();
            void submit();
          }}
        />
      </label>
      <button type="submit" class="primary" disabled={busy || text.trim() === ''}>
        {tr('console.conversations.send')}
      </button>
      <p class="error composer-error" id="composer-error" role="alert">
        {error}
      </p>
    </form>
  );
}
