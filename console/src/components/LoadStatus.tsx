import type { ApiResult } from '../../../portal-widget/src/api/http.js';
import { tr } from '../i18n/i18n.js';

/** What a screen has of its data from the server: still coming, refused with the server's message, or there. */
export type Loadable<T> = { state: 'loading' } | { state: 'failed'; message: string } | ({ state: 'ready' } & T);

/** The server's answer as a screen keeps it: `ready` picks what the screen needs from the body. */
export const loaded = <B, T>(answer: ApiResult<B>, ready: (body: B) => T): Loadable<T> =>
  answer.ok ? { state: 'ready', ...ready(answer.body) } : { state: 'failed', message: answer.error.message };

/** The loading line, then the refusal read out if there is one; nothing once the data is there. */
export function LoadStatus({ load, spaced = false }: { load: { state: string; message?: string }; spaced?: boolean }) {
  if (load.state === 'loading') return <p class={spaced ? 'muted loading' : 'muted'}>{tr('shell.loading')}</p>;
  if (load.state !== 'failed') return null;
  return (
    <p class="error" role="alert">
      {load.message}
    </p>
  );
}
