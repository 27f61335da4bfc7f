// /widget.js: the script a host page includes to embed the portal. It runs at once and stays small: a host element
// with an open shadow root (the page's CSS and the widget's keep to their own side), the launcher in the tenant's
// colour, and the panel. The portal UI itself (embed.js, the same App as at `/`) is loaded right after the launcher
// shows, so that the unread badge works while the panel is closed and opening it is instant.
import LAUNCHER_STRINGS from 'portico:launcher-strings';
import styles from './loader.css';
import type { Identity, MountedPanel, PanelHost, PanelModule } from './contract.js';

/** The host page's handle: `identity` set before the script loads, or `identify()` called once it has. */
type PublicApi = { identity?: Identity; identify(identity: Identity): void; open(): void; close(): void };
declare global {
  interface Window {
    PorticoWidget?: Partial<PublicApi>;
  }
}

/** At most this long without the tenant's colour before the launcher shows anyway. */
const BRANDING_WAIT_MS = 250;

const CHAT_ICON =
  '<svg class="icon-chat" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>';
const CLOSE_ICON =
  '<svg class="icon-close" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 9l6 6 6-6" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/></svg>';

function stringsFor(lang: string) {
  return LAUNCHER_STRINGS[lang.slice(0, 2)] ?? LAUNCHER_STRINGS.en!;
}

function start(script: HTMLScriptElement): void {
  const portalOrigin = new URL(script.src).origin;
  let strings = stringsFor(navigator.language || 'en');

  const element = document.createElement('portico-widget');
  const shadow = element.attachShadow({ mode: 'open' });
  shadow.innerHTML =
    `<style>${styles}</style>` +
    '<div class="portico-embed">' +
    '<div class="panel" id="portico-panel" role="dialog" tabindex="-1" hidden><p class="panel-loading"></p><div class="panel-app"></div></div>' +
    `<button class="launcher" type="button" aria-expanded="false" aria-controls="portico-panel" aria-describedby="portico-unread" hidden>${CHAT_ICON}${CLOSE_ICON}<span class="badge" aria-hidden="true" hidden></span></button>` +
    '<span class="visually-hidden" id="portico-unread" role="status"></span>' +
    '</div>';
  const frame = shadow.querySelector<HTMLElement>('.portico-embed')!;
  const panel = shadow.querySelector<HTMLElement>('.panel')!;
  const loading = shadow.querySelector<HTMLElement>('.panel-loading')!;
  const launcher = shadow.querySelector<HTMLButtonElement>('.launcher')!;
  const badge = shadow.querySelector<HTMLElement>('.badge')!;
  const status = shadow.querySelector<HTMLElement>('#portico-unread')!;

  let open = false;
  let unreadCount = 0;
  let identity = window.PorticoWidget?.identity;
  let mounted: MountedPanel | undefined;
  let loadingPanel: Promise<void> | undefined;
  /** The tenant's name, once known, names the panel. */
  let named = false;

  function label(): void {
    launcher.setAttribute('aria-label', strings.launcher);
    launcher.title = strings.launcher;
    loading.textContent = strings.loading;
    if (!named) panel.setAttribute('aria-label', strings.panel);
    status.textContent = unreadCount > 0 ? `${strings.unread} ${unreadCount}` : '';
  }

  const host: PanelHost = {
    portalOrigin,
    root: shadow,
    frame,
    container: shadow.querySelector<HTMLElement>('.panel-app')!,
    identity,
    isOpen: () => open,
    close: () => setOpen(false),
    unread(count) {
      unreadCount = count;
      badge.textContent = count > 99 ? '99+' : String(count);
      badge.hidden = count === 0;
      label();
    },
    language(lang) {
      strings = stringsFor(lang);
      label();
    },
  };

  function loadPanel(): Promise<void> {
    loadingPanel ??= (import(`${portalOrigin}/assets/embed.js`) as Promise<PanelModule>).then(
      (module) => {
        mounted = module.mount({ ...host, identity });
        loading.hidden = true;
        if (open) mounted.opened();
      },
      () => {
        // Offline or refused: the next opening tries again.
        loadingPanel = undefined;
      },
    );
    return loadingPanel;
  }

  function setOpen(next: boolean): void {
    if (next === open) return;
    open = next;
    panel.hidden = !open;
    frame.classList.toggle('open', open);
    launcher.setAttribute('aria-expanded', String(open));
    if (!open) return launcher.focus();
    if (mounted) mounted.opened();
    else {
      panel.focus();
      void loadPanel();
    }
  }

  launcher.addEventListener('click', () => setOpen(!open));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      setOpen(false);
    }
  });

  window.PorticoWidget = {
    identify(next) {
      identity = next;
      if (mounted) mounted.identify(next);
      else void loadPanel();
    },
    open: () => setOpen(true),
    close: () => setOpen(false),
  };

  label();
  const show = () => {
    launcher.hidden = false;
    const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1));
    idle(() => void loadPanel());
  };
  const branded = fetch(`${portalOrigin}/api/v1/portal/branding`)
    .then((answer) => (answer.ok ? (answer.json() as Promise<{ name: string; color: string }>) : undefined))
    .then((branding) => {
      if (!branding) return;
      frame.style.setProperty('--brand', branding.color);
      named = true;
      panel.setAttribute('aria-label', branding.name);
    })
    .catch(() => undefined);
  void Promise.race([branded, new Promise((resolve) => setTimeout(resolve, BRANDING_WAIT_MS))]).then(show);

  (document.body ?? document.documentElement).append(element);
}

const script = document.currentScript;
// Included twice, the page keeps one widget.
if (script instanceof HTMLScriptElement && typeof window.PorticoWidget?.open !== 'function') start(script);
