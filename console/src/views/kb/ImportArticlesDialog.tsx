import { useId, useState } from 'preact/hooks';
import type { ImportSummary } from '../../../../domain/kb/kb-schemas.js';
import { importArticles, type ImportBody } from '../../api/kb.js';
import { Dialog } from '../../components/Dialog.js';
import { tr } from '../../i18n/i18n.js';

type Step = { step: 'choose' } | { step: 'uploading'; sent: number } | { step: 'done'; summary: ImportSummary };

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: spreading a whole file into one call overflows the argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** What the import route takes for these files: one zip alone, or Markdown and HTML files. */
async function bodyOf(files: File[]): Promise<ImportBody | string> {
  const zips = files.filter((file) => /\.zip$/i.test(file.name));
  if (zips.length > 0) return files.length === 1 ? { zipBase64: await base64Of(zips[0]!) } : tr('console.kb.import.oneZip');
  const wrong = files.find((file) => !/\.(md|markdown|html?)$/i.test(file.name));
  if (wrong) return tr('console.kb.import.wrongType', { name: wrong.name });
  return { files: await Promise.all(files.map(async (file) => ({ path: file.name, contentBase64: await base64Of(file) }))) };
}

/** Upload articles (Markdown or HTML files, or a zip of a folder): a progress bar while it goes, then what became of them. */
export function ImportArticlesDialog({ onImported, onClose }: { onImported(): void; onClose(): void }) {
  const fileId = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [state, setState] = useState<Step>({ step: 'choose' });
  const [error, setError] = useState('');

  async function upload(event: SubmitEvent) {
    event.preventDefault();
    setError('');
    const body = await bodyOf(files);
    if (typeof body === 'string') return setError(body);
    setState({ step: 'uploading', sent: 0 });
    const answer = await importArticles(body, (sent) => setState({ step: 'uploading', sent }));
    if (!answer.ok) {
      setState({ step: 'choose' });
      return setError(answer.error.message || tr('console.kb.import.failed'));
    }
    setState({ step: 'done', summary: answer.body });
    onImported();
  }

  return (
    <Dialog title={tr('console.kb.import.title')} onClose={onClose} size="wide">
      <form class="dialog-body import" onSubmit={(event) => void upload(event)}>
        {state.step !== 'done' && (
          <div class="field">
            <label for={fileId}>{tr('console.kb.import.file')}</label>
            <input
              id={fileId}
              type="file"
              multiple
              accept=".md,.markdown,.html,.htm,.zip,text/markdown,text/html,application/zip"
              aria-describedby={`${fileId}-hint`}
              disabled={state.step === 'uploading'}
              onChange={(event) => {
                setError('');
                setFiles(Array.from(event.currentTarget.files ?? []));
              }}
            />
            <p class="field-hint" id={`${fileId}-hint`}>
              {tr('console.kb.import.fileHint')}
            </p>
          </div>
        )}
        {state.step === 'uploading' && (
          <label class="progress">
            <span>{tr('console.kb.import.uploading', { percent: Math.round(state.sent * 100) })}</span>
            <progress max={1} value={state.sent} />
          </label>
        )}
        {state.step === 'done' && (
          <div role="status">
            <p class="strong">{tr('console.kb.import.done')}</p>
            <ul class="import-summary">
              <li>{tr('console.kb.import.created', { count: state.summary.imported })}</li>
              <li>{tr('console.kb.import.updated', { count: state.summary.updated })}</li>
              <li>{tr('console.kb.import.unchanged', { count: state.summary.unchanged })}</li>
              <li>{tr('console.kb.import.skipped', { count: state.summary.skipped.length })}</li>
            </ul>
            {state.summary.skipped.length > 0 && (
              <ul class="import-skipped">
                {state.summary.skipped.map((skip) => (
                  <li key={skip.path}>
                    <span class="mono">{skip.path}</span>: {skip.reason}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <p class="error" role="alert">
          {error}
        </p>
        <div class="dialog-actions">
          {state.step === 'done' ? (
            <button type="button" class="primary" onClick={onClose}>
              {tr('console.kb.import.close')}
            </button>
          ) : (
            <>
              <button type="button" class="secondary" onClick={onClose}>
                {tr('console.dialog.cancel')}
              </button>
              <button type="submit" class="primary" disabled={files.length === 0 || state.step === 'uploading'}>
                {tr('console.kb.import.upload')}
              </button>
            </>
          )}
        </div>
      </form>
    </Dialog>
  );
}
