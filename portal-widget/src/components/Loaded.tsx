import type { ComponentChildren } from 'preact';
import { tr } from '../i18n/i18n.js';
import type { Loadable } from '../store/loadable.js';

/** A loadable as the user sees it: its content once loaded, a status while loading, the server's message when refused. */
export function Loaded<T>({ value, children }: { value: Loadable<T>; children: (loaded: T) => ComponentChildren }) {
  switch (value.state) {
    case 'loaded':
      return <>{children(value.value)}</>;
    case 'loading':
      return <p role="status">{tr('shell.loading')}</p>;
    case 'failed':
      return (
        <p class="inline-error" role="alert">
          {value.message}
        </p>
      );
    default:
      return null;
  }
}
