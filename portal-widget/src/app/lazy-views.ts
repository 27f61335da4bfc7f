import { signal } from '@preact/signals';

type SecondaryViews = typeof import('./secondary-views.js');

/** The tabs beside the chat, once their module has arrived. */
export const secondaryViews = signal<SecondaryViews | undefined>(undefined);
/** Set when the module could not be fetched (offline, a new version deployed meanwhile): the tab says so. */
export const secondaryViewsFailed = signal(false);

let loading: Promise<void> | undefined;

/** Fetches the other tabs' module once; asked again after a failure, it tries again. */
export function loadSecondaryViews(): Promise<void> {
  loading ??= import('./secondary-views.js').then(
    (module) => {
      secondaryViews.value = module;
      secondaryViewsFailed.value = false;
    },
    () => {
      loading = undefined;
      secondaryViewsFailed.value = true;
    },
  );
  return loading;
}

/** After the chat is shown and the browser has a moment: a tab opened later then shows at once. */
export function preloadSecondaryViews(): void {
  const start = () => void loadSecondaryViews();
  if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 200);
}
