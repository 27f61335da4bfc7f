// The portal UI in the widget's panel: the same App as at `/`, rendered in the shadow root the loader made, with the
// portal's styles scoped to it, and the unread count and language reported back to the launcher.
import { effect } from '@preact/signals';
import { render } from 'preact';
import { App } from '../app/App.js';
import { embedIn } from '../app/environment.js';
import { language } from '../i18n/i18n.js';
import { arrivals, composerFocus } from '../store/chat.js';
import { boot, identify, phase, shownTab } from '../store/session.js';
// The build hands the portal's stylesheet over as text, rewritten for a shadow root (see server/http/widget-bundle.ts).
import styles from '../styles.css';
import type { MountedPanel, PanelHost } from './contract.js';

export function mount(host: PanelHost): MountedPanel {
  embedIn({ portalOrigin: host.portalOrigin, root: host.root, frame: host.frame });
  const sheet = document.createElement('style');
  sheet.textContent = styles;
  host.root.prepend(sheet);
  render(<App onClose={host.close} />, host.container);

  let unread = 0;
  let counted = arrivals.value;
  effect(() => {
    const added = arrivals.value - counted;
    counted = arrivals.value;
    if (added > 0 && !host.isOpen()) host.unread((unread += added));
  });
  effect(() => host.language(language.value));
  void boot(host.identity);

  return {
    identify: (identity) => void identify(identity),
    opened() {
      unread = 0;
      host.unread(0);
      if (phase.value === 'signedIn' && shownTab.value === 'chat') composerFocus.value++;
      else (host.container.querySelector<HTMLElement>('main :is(input, select, textarea)') ?? host.container.querySelector('button'))?.focus();
    },
  };
}
