// The console's address names the screen and what it shows (/console/tickets/1042, /console/tickets?status=open), so a
// link can be shared and the browser's back button works.
import { computed, signal } from '@preact/signals';

const BASE = '/console';

export const path = signal(location.pathname.replace(/^\/console\/?/, '/'));
/** The query string with its "?", or "": a screen's filters. */
export const search = signal(location.search);

/** The path's parts after /console: ['tickets', '1042']. */
export const segments = computed(() => path.value.split('/').filter(Boolean));

let leaveCheck: (() => boolean) | undefined;

/** A screen holding unsaved work asks before the address changes; a check answering false keeps the technician there. */
export function guardLeaving(check: (() => boolean) | undefined): void {
  leaveCheck = check;
}

/** Moves to `/screen/part?query`; a query left out is cleared. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const [pathname = '/', query] = to.split('?', 2);
  const nextSearch = query ? `?${query}` : '';
  if (pathname === path.value && nextSearch === search.value) return;
  if (leaveCheck && !leaveCheck()) return;
  const url = BASE + (pathname === '/' ? '' : pathname) + nextSearch;
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  path.value = pathname;
  search.value = nextSearch;
}

addEventListener('popstate', () => {
  // The browser has already moved: going back to where the work is undoes it.
  if (leaveCheck && !leaveCheck()) {
    history.pushState(null, '', BASE + (path.value === '/' ? '' : path.value) + search.value);
    return;
  }
  path.value = location.pathname.replace(/^\/console\/?/, '/');
  search.value = location.search;
});

/** A link that moves inside the console without loading the page again; a modified click opens a new tab as usual. */
export function followLink(event: MouseEvent, to: string): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(to);
}

export const href = (to: string) => BASE + to;
