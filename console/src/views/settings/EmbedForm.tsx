import { useState } from 'preact/hooks';
import type { PortalSettings } from '../../../../domain/settings/settings-schema.js';
import { getEmbedSecret, rotateEmbedSecret, type EmbedSecret } from '../../api/settings.js';
import { dateTime, tr } from '../../i18n/i18n.js';
import { isAdmin } from '../../store/session.js';
import { SettingsForm } from './SettingsForm.js';

type Embed = PortalSettings['embed'];

function OriginsList({ draft, change }: { draft: Embed; change: (next: Embed) => void }) {
  const [adding, setAdding] = useState('');
  const add = () => {
    const origin = adding.trim().replace(/\/+$/, '');
    if (!origin) return;
    if (!draft.allowedOrigins.includes(origin)) change({ allowedOrigins: [...draft.allowedOrigins, origin] });
    setAdding('');
  };
  return (
    <>
      {draft.allowedOrigins.length === 0 ? (
        <p class="muted">{tr('console.settings.embed.noOrigins')}</p>
      ) : (
        <ul class="origins" aria-label={tr('console.settings.embed.origins')}>
          {draft.allowedOrigins.map((origin) => (
            <li key={origin}>
              <code>{origin}</code>
              <button
                type="button"
                class="secondary small"
                aria-label={tr('console.settings.embed.removeOrigin', { origin })}
                onClick={() => change({ allowedOrigins: draft.allowedOrigins.filter((other) => other !== origin) })}
              >
                {tr('console.settings.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="add-row">
        <label>
          <span>{tr('console.settings.embed.addOrigin')}</span>
          <input
            type="url"
            value={adding}
            placeholder="https://intranet.example.com"
            onInput={(event) => setAdding(event.currentTarget.value)}
            onKeyDown={(event) => {
              // Enter adds the origin rather than saving the whole form half-typed.
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
        </label>
        <button type="button" class="secondary" onClick={add}>
          {tr('console.settings.add')}
        </button>
      </div>
    </>
  );
}

/** The secret stays unread until asked for: reading it is audited and creates it the first time. */
function EmbedSecretPanel() {
  const [secret, setSecret] = useState<EmbedSecret | undefined>(undefined);
  const [error, setError] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  async function run(call: () => ReturnType<typeof getEmbedSecret>) {
    setBusy(true);
    const answer = await call();
    setBusy(false);
    setConfirming(false);
    if (answer.ok) setSecret(answer.body);
    setError(answer.ok ? '' : answer.error.message || tr('console.settings.unreachable'));
  }

  return (
    <section class="panel settings-form" aria-labelledby="embed-secret-title">
      <h2 id="embed-secret-title">{tr('console.settings.secret.title')}</h2>
      <p class="muted form-hint">{tr('console.settings.secret.hint')}</p>
      {secret && (
        <label>
          <span>{tr('console.settings.secret.label')}</span>
          <input class="secret" readOnly value={secret.secret} spellcheck={false} onFocus={(event) => event.currentTarget.select()} />
          <span class="sub">{tr('console.settings.secret.created', { when: dateTime(secret.createdAt) })}</span>
        </label>
      )}
      <div class="form-actions">
        {secret ? (
          <button type="button" class="secondary" onClick={() => setSecret(undefined)}>
            {tr('console.settings.secret.hide')}
          </button>
        ) : (
          <button type="button" class="secondary" disabled={busy} onClick={() => void run(getEmbedSecret)}>
            {tr('console.settings.secret.show')}
          </button>
        )}
        {!confirming && (
          <button type="button" class="danger" disabled={busy} onClick={() => setConfirming(true)}>
            {tr('console.settings.secret.rotate')}
          </button>
        )}
      </div>
      {confirming && (
        <div class="confirm" role="group" aria-labelledby="rotate-question">
          <p id="rotate-question">{tr('console.settings.secret.rotateQuestion')}</p>
          <button type="button" class="danger" disabled={busy} onClick={() => void run(rotateEmbedSecret)}>
            {tr('console.settings.secret.rotateConfirm')}
          </button>
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>
            {tr('console.settings.cancel')}
          </button>
        </div>
      )}
      <p class="error" role="alert" hidden={!error}>
        {error}
      </p>
    </section>
  );
}

function Snippet() {
  const code = `<script src="${location.origin}/widget.js" async></script>`;
  const [copied, setCopied] = useState(false);
  return (
    <section class="panel settings-form" aria-labelledby="snippet-title">
      <h2 id="snippet-title">{tr('console.settings.snippet.title')}</h2>
      <p class="muted form-hint">{tr('console.settings.snippet.hint')}</p>
      <pre class="snippet" tabIndex={0} aria-label={tr('console.settings.snippet.title')}>
        <code>{code}</code>
      </pre>
      <div class="form-actions">
        <button
          type="button"
          class="secondary"
          onClick={() => void navigator.clipboard.writeText(code).then(() => setCopied(true), () => setCopied(false))}
        >
          {tr('console.settings.snippet.copy')}
        </button>
        <span class="muted" role="status">
          {copied ? tr('console.settings.snippet.copied') : ''}
        </span>
      </div>
    </section>
  );
}

export function EmbedForm({ saved }: { saved: Embed }) {
  return (
    <>
      <SettingsForm id="settings-embed" title={tr('console.settings.embed.title')} hint={tr('console.settings.embed.hint')} saved={saved} toPatch={(draft) => ({ embed: draft })}>
        {(draft, change) => <OriginsList draft={draft} change={change} />}
      </SettingsForm>
      <Snippet />
      {isAdmin.value && <EmbedSecretPanel />}
    </>
  );
}
