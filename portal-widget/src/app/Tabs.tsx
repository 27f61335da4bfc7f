import { useRef } from 'preact/hooks';
import { tr } from '../i18n/i18n.js';
import type { TabId } from '../store/session.js';

const LABELS: Record<TabId, string> = {
  chat: 'chat.tab.assistant',
  tickets: 'chat.tab.tickets',
  selfservice: 'selfService.tab',
  kb: 'chat.tab.knowledgeBase',
  settings: 'chat.tab.settings',
};

/** ARIA tabs: one tab stop, the arrow keys (and Home, End) move between them. */
export function Tabs({ tabs, selected, onSelect }: { tabs: TabId[]; selected: TabId; onSelect(tab: TabId): void }) {
  const buttons = useRef<Partial<Record<TabId, HTMLButtonElement | null>>>({});

  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.indexOf(selected);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length]!;
    onSelect(tab);
    buttons.current[tab]?.focus();
  };

  return (
    <div class="tabs" role="tablist" aria-label={tr('chat.tabs')} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab}
          id={`tab-${tab}`}
          ref={(element) => {
            buttons.current[tab] = element;
          }}
          type="button"
          role="tab"
          aria-controls={tab}
          aria-selected={tab === selected ? 'true' : 'false'}
          tabIndex={tab === selected ? 0 : -1}
          onClick={() => onSelect(tab)}
        >
          {tr(LABELS[tab])}
        </button>
      ))}
    </div>
  );
}
