import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { getChatApps, patchChatApps, type ChatApps, type ChatAppsPatch } from '../api/chat-apps.js';
import { CopyField } from '../components/CopyField.js';
import { FieldNotes, notesOf } from '../components/FieldNotes.js';
import { tr } from '../i18n/i18n.js';

type App = keyof ChatApps;
type SecretState = { set: boolean; last4?: string | null };
/** A secret is never read back: it is kept, replaced by a new value, or removed. */
type SecretDraft = { mode: 'keep' } | { mode: 'replace'; value: string } | { mode: 'clear' };

type FieldSpec = { key: string; kind: 'secret' | 'text'; optional?: boolean; placeholder?: string; hint?: boolean };

const FIELDS: Record<App, FieldSpec[]> = {
  slack: [
    { key: 'signingSecret', kind: 'secret' },
    { key: 'botToken', kind: 'secret', placeholder: 'xoxb-…' },
    { key: 'apiUrl', kind: 'text', optional: true, placeholder: 'https://slack.com/api/', hint: true },
    { key: 'appToken', kind: 'secret', optional: true, placeholder: 'xapp-…', hint: true },
  ],
  teams: [
    { key: 'appId', kind: 'text', placeholder: '00000000-0000-0000-0000-000000000000' },
    { key: 'appPassword', kind: 'secret' },
    { key: 'appTenantId', kind: 'text', optional: true, placeholder: '00000000-0000-0000-0000-000000000000', hint: true },
  ],
};

type Draft = { enabled: boolean; text: Record<string, string>; secrets: Record<string, SecretDraft> };

function draftOf(app: App, saved: ChatApps[App]): Draft {
  const values = saved as unknown as Record<string, unknown>;
  const text: Record<string, string> = {};
  const secrets: Record<string, SecretDraft> = {};
  for (const field of FIELDS[app]) {
    if (field.kind === 'text') text[field.key] = (values[field.key] as string | null) ?? '';
    else secrets[field.key] = { mode: 'keep' };
  }
  return { enabled: saved.enabled, text, secrets };
}

/** Only what the admin changed: a secret left alone is left out, so the server keeps it. */
function patchOf(app: App, saved: ChatApps[App], draft: Draft): ChatAppsPatch {
  const values = saved as unknown as Record<string, unknown>;
  const change: Record<string, unknown> = {};
  if (draft.enabled !== saved.enabled) change.enabled = draft.enabled;
  for (const field of FIELDS[app]) {
    if (field.kind === 'text') {
      const value = draft.text[field.key]!.trim();
      if (value !== ((values[field.key] as string | null) ?? '')) change[field.key] = value === '' ? null : value;
      continue;
    }
    const secret = draft.secrets[field.key]!;
    if (secret.mode === 'clear') change[field.key] = null;
    else if (secret.mode === 'replace' && secret.value.trim()) change[field.key] = secret.value.trim();
  }
  return Object.keys(change).length > 0 ? { [app]: change } : {};
}

function SecretField(props: {
  id: string;
  label: string;
  hint?: string;
  placeholder?: string;
  state: SecretState;
  draft: SecretDraft;
  error?: string;
  change: (next: SecretDraft) => void;
}) {
  const { id, label, state, draft, change } = props;
  const input = useRef<HTMLInputElement>(null);
  const replace = useRef<HTMLButtonElement>(null);
  const undo = useRef<HTMLButtonElement>(null);
  // The button pressed goes away with the state it changed: the keyboard moves on to what takes its place.
  const [moveFocus, setMoveFocus] = useState(false);
  useLayoutEffect(() => {
    if (!moveFocus) return;
    setMoveFocus(false);
    ({ replace: input, clear: undo, keep: replace })[draft.mode].current?.focus();
  }, [moveFocus, draft.mode]);
  const to = (next: SecretDraft) => {
    change(next);
    setMoveFocus(true);
  };
  const described = notesOf(id, props.hint, props.error);

  if (state.set && draft.mode !== 'replace') {
    return (
      <div class="secret-field" role="group" aria-labelledby={`${id}-label`}>
        <span class="field-label" id={`${id}-label`}>
          {label}
        </span>
        <div class="secret-state">
          {draft.mode === 'clear' ? (
            <>
              <span class="secret-removed">{tr('console.chatApps.secret.removed')}</span>
              <button ref={undo} type="button" class="secondary small" onClick={() => to({ mode: 'keep' })}>
                {tr('console.chatApps.secret.undo')}
              </button>
            </>
          ) : (
            <>
              <span class="secret-saved">
                {state.last4 ? tr('console.chatApps.secret.savedEnds', { last4: state.last4 }) : tr('console.chatApps.secret.saved')}
              </span>
              <button
                ref={replace}
                type="button"
                class="secondary small"
                aria-label={tr('console.chatApps.secret.replaceNamed', { field: label })}
                onClick={() => to({ mode: 'replace', value: '' })}
              >
                {tr('console.chatApps.secret.replace')}
              </button>
              <button
                type="button"
                class="secondary small"
                aria-label={tr('console.chatApps.secret.removeNamed', { field: label })}
                onClick={() => to({ mode: 'clear' })}
              >
                {tr('console.chatApps.secret.remove')}
              </button>
            </>
          )}
        </div>
        <FieldNotes id={id} hint={props.hint} error={props.error} />
      </div>
    );
  }
  return (
    <div class="secret-field">
      <div class="secret-input">
        <label>
          <span>{label}</span>
          <input
            ref={input}
            id={id}
            type="password"
            autocomplete="off"
            spellcheck={false}
            placeholder={props.placeholder}
            value={draft.mode === 'replace' ? draft.value : ''}
            aria-invalid={props.error ? true : undefined}
            aria-describedby={described}
            onInput={(event) => change({ mode: 'replace', value: event.currentTarget.value })}
          />
        </label>
        {state.set && (
          <button type="button" class="secondary" onClick={() => to({ mode: 'keep' })}>
            {tr('console.chatApps.secret.keep')}
          </button>
        )}
      </div>
      <FieldNotes id={id} hint={props.hint} error={props.error} />
    </div>
  );
}

/** One chat app: its switch, the address to paste on the app's side, its fields and secrets, and its own Save. */
function ChatAppForm({ app, saved, onSaved }: { app: App; saved: ChatApps[App]; onSaved: (apps: ChatApps) => void }) {
  const [draft, setDraft] = useState(() => draftOf(app, saved));
  const [error, setError] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const savedText = JSON.stringify(saved);
  useEffect(() => setDraft(draftOf(app, saved)), [savedText]);
  const patch = patchOf(app, saved, draft);
  const dirty = Object.keys(patch).length > 0;
  const values = saved as unknown as Record<string, unknown>;
  const prefix = `console.chatApps.${app}`;
  const url = app === 'slack' ? (saved as ChatApps['slack']).requestUrl : (saved as ChatApps['teams']).messagingEndpoint;
  const urlLabel = tr(`${prefix}.url`);

  const edit = (next: Draft) => {
    setDraft(next);
    setNotice('');
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setBusy(true);
    const answer = await patchChatApps(patch);
    setBusy(false);
    if (answer.ok) {
      onSaved(answer.body);
      setError('');
      setFieldErrors({});
      setNotice(tr('console.chatApps.saved'));
      return;
    }
    const field = (answer.error as { details?: { field?: string } }).details?.field;
    const message = answer.error.message || tr('console.settings.unreachable');
    if (field?.startsWith(`${app}.`)) {
      setFieldErrors({ [field.slice(app.length + 1)]: message });
      setError('');
    } else {
      setFieldErrors({});
      setError(message);
    }
  }

  return (
    <form class="panel settings-form chat-app" aria-labelledby={`${app}-title`} onSubmit={(event) => void submit(event)} novalidate>
      <div class="chat-app-head">
        <h2 id={`${app}-title`}>{tr(`${prefix}.title`)}</h2>
        <span class={`badge ${saved.enabled ? 'badge-on' : 'badge-off'}`}>{tr(saved.enabled ? 'console.chatApps.on' : 'console.chatApps.off')}</span>
      </div>
      <p class="muted form-hint">{tr(`${prefix}.hint`)}</p>
      <CopyField label={urlLabel} value={url} copyLabel={tr('console.chatApps.copyNamed', { what: urlLabel })} />
      {FIELDS[app].map((field) => {
        const id = `${app}-${field.key}`;
        const label = `${tr(`${prefix}.${field.key}`)}${field.optional ? ` ${tr('console.chatApps.optional')}` : ''}`;
        const hint = field.hint ? tr(`${prefix}.${field.key}.hint`) : undefined;
        const fieldError = fieldErrors[field.key];
        if (field.kind === 'secret') {
          return (
            <SecretField
              key={field.key}
              id={id}
              label={label}
              hint={hint}
              placeholder={field.placeholder}
              state={values[field.key] as SecretState}
              draft={draft.secrets[field.key]!}
              error={fieldError}
              change={(next) => edit({ ...draft, secrets: { ...draft.secrets, [field.key]: next } })}
            />
          );
        }
        const described = notesOf(id, hint, fieldError);
        return (
          <div class="text-field" key={field.key}>
            <label>
              <span>{label}</span>
              <input
                id={id}
                type="text"
                spellcheck={false}
                autocomplete="off"
                placeholder={field.placeholder}
                value={draft.text[field.key]}
                aria-invalid={fieldError ? true : undefined}
                aria-describedby={described}
                onInput={(event) => edit({ ...draft, text: { ...draft.text, [field.key]: event.currentTarget.value } })}
              />
            </label>
            <FieldNotes id={id} hint={hint} error={fieldError} />
          </div>
        );
      })}
      <label class="check switch">
        <input type="checkbox" role="switch" checked={draft.enabled} onChange={(event) => edit({ ...draft, enabled: event.currentTarget.checked })} />
        <span>{tr(`${prefix}.enabled`)}</span>
      </label>
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy || !dirty}>
          {tr('console.chatApps.save', { app: tr(`${prefix}.title`) })}
        </button>
        <button
          type="button"
          class="secondary"
          disabled={busy || !dirty}
          onClick={() => {
            setDraft(draftOf(app, saved));
            setError('');
            setFieldErrors({});
          }}
        >
          {tr('console.settings.discard')}
        </button>
        <span class="muted" role="status">
          {dirty ? tr('console.settings.unsaved') : notice}
        </span>
      </div>
      <p class="error" role="alert" hidden={!error}>
        {error}
      </p>
    </form>
  );
}

/** The tenant's own Slack and Teams apps (admins): write-only secrets, and the addresses to paste on each side. */
export function ChatAppsView() {
  const [apps, setApps] = useState<ChatApps | undefined>(undefined);
  const [error, setError] = useState('');
  useEffect(() => {
    void getChatApps().then((answer) => {
      if (answer.ok) setApps(answer.body);
      else setError(answer.error.message || tr('console.settings.unreachable'));
    });
  }, []);
  return (
    <div class="settings chat-apps">
      <header class="settings-head">
        <h1>{tr('console.chatApps.title')}</h1>
        <p class="muted">{tr('console.chatApps.intro')}</p>
      </header>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!apps && !error && <p class="muted">{tr('shell.loading')}</p>}
      {apps && (
        <>
          <ChatAppForm app="slack" saved={apps.slack} onSaved={setApps} />
          <ChatAppForm app="teams" saved={apps.teams} onSaved={setApps} />
        </>
      )}
    </div>
  );
}
