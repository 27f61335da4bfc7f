import { parse } from 'csv-parse/browser/esm/sync';
import { useEffect, useId, useState } from 'preact/hooks';
import type { ContactImport, ContactImportReport } from '../../../../domain/contacts/contact-import-schemas.js';
import { getContactImport, startContactImport } from '../../api/people.js';
import { Dialog } from '../../components/Dialog.js';
import { tr } from '../../i18n/i18n.js';

/** How many rows of the file the preview shows under its header. */
const PREVIEW_ROWS = 5;
/** How often a running import is asked for its progress. */
const POLL_MS = 400;

type Chosen = { name: string; text: string; header: string[]; preview: string[][]; rows: number };
type Step = { step: 'choose'; chosen?: Chosen } | { step: 'running' | 'finished'; job: ContactImport; rows: ContactImportReport[] };

/** The separator of the header line, as the server guesses it: semicolons in much of Europe, tabs from some exports. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return [',', ';', '\t'].reduce((best, next) => (header.split(next).length > header.split(best).length ? next : best));
}

function read(name: string, text: string): Chosen | string {
  try {
    const records = parse(text, { bom: true, delimiter: delimiterOf(text.replace(/^\uFEFF/, '')), trim: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
    const [header = [], ...rows] = records;
    return { name, text, header, preview: rows.slice(0, PREVIEW_ROWS), rows: rows.length };
  } catch (error) {
    return tr('console.contacts.import.unreadable', { reason: error instanceof Error ? error.message : String(error) });
  }
}

function Report({ rows }: { rows: ContactImportReport[] }) {
  const skippedFirst = [...rows].sort((a, b) => Number(a.status === 'created') - Number(b.status === 'created') || a.row - b.row);
  return (
    <div class="report" tabIndex={0} role="region" aria-label={tr('console.contacts.import.report')}>
      <table class="import-report">
        <caption class="visually-hidden">{tr('console.contacts.import.report')}</caption>
        <thead>
          <tr>
            <th scope="col">{tr('console.contacts.import.row')}</th>
            <th scope="col">{tr('console.contacts.import.contact')}</th>
            <th scope="col">{tr('console.contacts.import.result')}</th>
          </tr>
        </thead>
        <tbody>
          {skippedFirst.map((entry) => (
            <tr key={entry.row} class={entry.status === 'skipped' ? 'skipped' : undefined}>
              <td>{entry.row}</td>
              <td>
                {entry.name}
                <span class="sub break">{entry.email}</span>
              </td>
              <td>
                {entry.status === 'created' ? (
                  <span class="status email-sent">{tr('console.contacts.import.created')}</span>
                ) : (
                  <>
                    <span class="status email-failed">{tr('console.contacts.import.skipped')}</span>
                    <span class="sub">
                      {tr(`console.contacts.import.reason.${entry.reason ?? 'unknown'}`)}
                      {entry.detail ? `: ${entry.detail}` : ''}
                    </span>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Import contacts from a CSV file: a look at its first rows, then a progress bar, then what became of each row. */
export function ImportContactsDialog({ onImported, onClose }: { onImported(): void; onClose(): void }) {
  const fileId = useId();
  const [state, setState] = useState<Step>({ step: 'choose' });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function choose(file: File | undefined) {
    setError('');
    if (!file) return setState({ step: 'choose' });
    const chosen = read(file.name, await file.text());
    if (typeof chosen === 'string') {
      setState({ step: 'choose' });
      setError(chosen);
    } else setState({ step: 'choose', chosen });
  }

  async function start(chosen: Chosen) {
    setBusy(true);
    const answer = await startContactImport(chosen.text);
    setBusy(false);
    if (!answer.ok) return setError(answer.error.message);
    setState({ step: answer.body.status === 'running' ? 'running' : 'finished', job: answer.body, rows: answer.body.rows });
  }

  const running = state.step === 'running' ? state : undefined;
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => {
      void getContactImport(running.job.id, running.rows.length).then((answer) => {
        if (!answer.ok) return setError(answer.error.message);
        const rows = [...running.rows, ...answer.body.rows];
        setState({ step: answer.body.status === 'running' ? 'running' : 'finished', job: answer.body, rows });
        if (answer.body.status !== 'running') onImported();
      });
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [running]);

  const chosen = state.step === 'choose' ? state.chosen : undefined;
  return (
    <Dialog title={tr('console.contacts.import.title')} onClose={onClose} size="wide">
      <div class="dialog-body import">
        {state.step === 'choose' && (
          <>
            <div class="field">
              <label for={fileId}>{tr('console.contacts.import.file')}</label>
              <input id={fileId} type="file" accept=".csv,.txt,text/csv" aria-describedby={`${fileId}-hint`} onChange={(event) => void choose(event.currentTarget.files?.[0])} />
              <p class="field-hint" id={`${fileId}-hint`}>
                {tr('console.contacts.import.fileHint')}
              </p>
            </div>
            {chosen && (
              <>
                <h3>{tr('console.contacts.import.preview', { name: chosen.name, count: chosen.rows })}</h3>
                <div class="report" tabIndex={0} role="region" aria-label={tr('console.contacts.import.previewLabel')}>
                  <table class="import-preview">
                    <caption class="visually-hidden">{tr('console.contacts.import.previewLabel')}</caption>
                    <thead>
                      <tr>
                        {chosen.header.map((title, index) => (
                          <th scope="col" key={index}>
                            {title}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {chosen.preview.map((row, index) => (
                        <tr key={index}>
                          {chosen.header.map((_, column) => (
                            <td key={column}>{row[column] ?? ''}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </>
        )}
        {state.step !== 'choose' && (
          <>
            <label class="progress">
              <span>
                {state.step === 'running'
                  ? tr('console.contacts.import.progress', { processed: state.job.processed, total: state.job.total })
                  : tr(state.job.status === 'interrupted' ? 'console.contacts.import.interrupted' : 'console.contacts.import.finished', {
                      created: state.job.created,
                      skipped: state.job.skipped,
                    })}
              </span>
              <progress max={Math.max(state.job.total, 1)} value={state.job.processed} />
            </label>
            <p class="visually-hidden" role="status">
              {state.step === 'finished' ? tr('console.contacts.import.finished', { created: state.job.created, skipped: state.job.skipped }) : ''}
            </p>
            {state.step === 'finished' && state.job.created > 0 && (
              <p class="muted small">
                {tr(state.rows.some((entry) => entry.welcomeEmail) ? 'console.contacts.import.emailsSent' : 'console.contacts.import.emailsOff')}
              </p>
            )}
            {state.job.ignoredColumns.length > 0 && (
              <p class="muted small">{tr('console.contacts.import.ignored', { columns: state.job.ignoredColumns.join(', ') })}</p>
            )}
            {state.rows.length > 0 && <Report rows={state.rows} />}
          </>
        )}
        <p class="error" role="alert">
          {error}
        </p>
        <div class="dialog-actions">
          {state.step === 'choose' ? (
            <>
              <button type="button" class="secondary" onClick={onClose}>
                {tr('console.dialog.cancel')}
              </button>
              <button type="button" class="primary" disabled={!chosen || busy} onClick={() => chosen && void start(chosen)}>
                {chosen ? tr('console.contacts.import.start', { count: chosen.rows }) : tr('console.contacts.import.startNone')}
              </button>
            </>
          ) : (
            <button type="button" class={state.step === 'finished' ? 'primary' : 'secondary'} onClick={onClose}>
              {state.step === 'finished' ? tr('console.contacts.done') : tr('console.contacts.import.hide')}
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
