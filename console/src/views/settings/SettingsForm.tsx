import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { tr } from '../../i18n/i18n.js';
import { isAdmin } from '../../store/session.js';
import { saveSettings } from '../../store/settings.js';

type Props<T> = {
  id: string;
  title: string;
  hint?: string;
  /** The part of the settings this form edits, as saved. */
  saved: T;
  /** The merge patch that saves the draft. */
  toPatch: (draft: T) => Record<string, unknown>;
  children: (draft: T, change: (next: T) => void) => ComponentChildren;
};

/**
 * One group of settings with its own Save: the draft stays until saved or discarded, the server's refusal shows in the
 * group it concerns, and technicians who are not admins see the controls disabled.
 */
export function SettingsForm<T>({ id, title, hint, saved, toPatch, children }: Props<T>) {
  const [draft, setDraft] = useState(saved);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const savedText = JSON.stringify(saved);
  // Another form's save answers the whole document again: a draft here is reset only when its own part changed.
  useEffect(() => setDraft(saved), [savedText]);
  const dirty = JSON.stringify(draft) !== savedText;

  const change = (next: T) => {
    setDraft(next);
    setNotice('');
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setBusy(true);
    const refused = await saveSettings(toPatch(draft));
    setBusy(false);
    setError(refused ?? '');
    setNotice(refused === undefined ? tr('console.settings.saved') : '');
  }

  return (
    <form class="panel settings-form" aria-labelledby={`${id}-title`} onSubmit={(event) => void submit(event)}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {title}
      </h2>
      {hint && <p class="muted form-hint">{hint}</p>}
      <fieldset class="plain" disabled={!isAdmin.value}>
        {children(draft, change)}
      </fieldset>
      {isAdmin.value && (
        <div class="form-actions">
          <button type="submit" class="primary" disabled={busy || !dirty}>
            {tr('console.settings.save')}
          </button>
          <button
            type="button"
            class="secondary"
            disabled={busy || !dirty}
            onClick={() => {
              setDraft(saved);
              setError('');
            }}
          >
            {tr('console.settings.discard')}
          </button>
          <span class="muted" role="status">
            {dirty ? tr('console.settings.unsaved') : notice}
          </span>
        </div>
      )}
      <p class="error" role="alert" hidden={!error}>
        {error}
      </p>
    </form>
  );
}
