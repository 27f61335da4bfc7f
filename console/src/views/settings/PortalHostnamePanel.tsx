import { useEffect, useState } from 'preact/hooks';
import type { PortalHostname } from '../../../../domain/portal/get-portal-hostname.js';
import { checkPortalHostname, getPortalHostname } from '../../api/settings.js';
import { CopyField } from '../../components/CopyField.js';
import { dateTime, tr } from '../../i18n/i18n.js';
import { isAdmin } from '../../store/session.js';

type Loaded = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; hostname: PortalHostname };

/**
 * Where the portal answers: its generated hostname, the custom one with the CNAME record to create (each part to copy)
 * and the state the last check left it in. `customHostname` is the saved setting: a new one is read again at once.
 */
export function PortalHostnamePanel({ customHostname }: { customHostname: string | null }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [checking, setChecking] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    setNotice('');
    setError('');
    void getPortalHostname().then((answer) =>
      setLoaded(answer.ok ? { state: 'ready', hostname: answer.body } : { state: 'failed', message: answer.error.message || tr('console.settings.unreachable') }),
    );
  }, [customHostname]);

  async function check() {
    setChecking(true);
    setNotice('');
    setError('');
    const answer = await checkPortalHostname();
    setChecking(false);
    if (!answer.ok) {
      setError(answer.error.message || tr('console.settings.unreachable'));
      return;
    }
    setLoaded({ state: 'ready', hostname: answer.body });
    if (answer.body.status) setNotice(tr('console.settings.hostname.checked', { status: tr(`console.settings.hostname.status.${answer.body.status}`) }));
  }

  return (
    <section class="panel settings-form hostname-panel" aria-labelledby="settings-hostname-title">
      <h2 id="settings-hostname-title" tabIndex={-1}>
        {tr('console.settings.hostname.title')}
      </h2>
      {loaded.state === 'loading' && <p class="muted">{tr('shell.loading')}</p>}
      {loaded.state === 'failed' && (
        <p class="error" role="alert">
          {loaded.message}
        </p>
      )}
      {loaded.state === 'ready' && (
        <>
          <dl class="hostname-facts">
            <div>
              <dt>{tr('console.settings.hostname.generated')}</dt>
              <dd class="mono">{loaded.hostname.generated ?? '—'}</dd>
            </div>
            {loaded.hostname.custom && (
              <div>
                <dt>{tr('console.settings.hostname.custom')}</dt>
                <dd class="mono">{loaded.hostname.custom}</dd>
              </div>
            )}
            {loaded.hostname.status && (
              <div>
                <dt>{tr('console.settings.hostname.state')}</dt>
                <dd>
                  <span class={`hostname-state hostname-${loaded.hostname.status}`}>{tr(`console.settings.hostname.status.${loaded.hostname.status}`)}</span>
                </dd>
              </div>
            )}
            {loaded.hostname.custom && (
              <div>
                <dt>{tr('console.settings.hostname.lastChecked')}</dt>
                <dd>
                  {loaded.hostname.lastCheckedAt ? (
                    <time dateTime={loaded.hostname.lastCheckedAt}>{dateTime(loaded.hostname.lastCheckedAt)}</time>
                  ) : (
                    tr('console.settings.hostname.neverChecked')
                  )}
                </dd>
              </div>
            )}
          </dl>
          {!loaded.hostname.custom && <p class="muted form-hint">{tr('console.settings.hostname.none')}</p>}
          {loaded.hostname.status && (
            <p class={loaded.hostname.status === 'failed' ? 'hostname-explain hostname-explain-failed' : 'hostname-explain'}>
              {tr(`console.settings.hostname.explain.${loaded.hostname.status}`)}
              {loaded.hostname.lastError && (
                <>
                  {' '}
                  <span class="hostname-reason">{tr('console.settings.hostname.reason', { reason: loaded.hostname.lastError })}</span>
                </>
              )}
            </p>
          )}
          {loaded.hostname.record && (
            <div class="hostname-record" role="group" aria-labelledby="hostname-record-title">
              <h3 id="hostname-record-title">{tr('console.settings.hostname.record')}</h3>
              <p class="muted form-hint">{tr('console.settings.hostname.recordHint')}</p>
              <div class="hostname-record-fields">
                <CopyField label={tr('console.settings.hostname.type')} value={loaded.hostname.record.type} copyLabel={tr('console.settings.hostname.copyType')} />
                <CopyField label={tr('console.settings.hostname.name')} value={loaded.hostname.record.name} copyLabel={tr('console.settings.hostname.copyName')} />
                <CopyField label={tr('console.settings.hostname.target')} value={loaded.hostname.record.value} copyLabel={tr('console.settings.hostname.copyTarget')} />
              </div>
            </div>
          )}
          {loaded.hostname.custom && (
            <div class="form-actions">
              {isAdmin.value ? (
                <button type="button" class="primary" disabled={checking} aria-busy={checking} onClick={() => void check()}>
                  {checking ? tr('console.settings.hostname.checking') : tr('console.settings.hostname.check')}
                </button>
              ) : (
                <span class="muted">{tr('console.settings.hostname.adminsCheck')}</span>
              )}
              <span class="muted" role="status">
                {notice}
              </span>
            </div>
          )}
          <p class="error" role="alert" hidden={!error}>
            {error}
          </p>
        </>
      )}
    </section>
  );
}
