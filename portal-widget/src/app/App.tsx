import { useEffect } from 'preact/hooks';
import { tr } from '../i18n/i18n.js';
import { branding } from '../store/branding.js';
import { me, phase, selectedTab, shownTab, signOut, tabs, type TabId } from '../store/session.js';
import { ChatView } from '../views/ChatView.js';
import { SignIn } from '../views/SignIn.js';
import { loadSecondaryViews, preloadSecondaryViews, secondaryViews, secondaryViewsFailed } from './lazy-views.js';
import { Tabs } from './Tabs.js';

/** Embedded in another site's page, the header closes the panel. */
function Header({ onClose }: { onClose?: () => void }) {
  const user = me.value?.user;
  const brand = branding.value;
  return (
    <header class="bar">
      <span class="brand">
        {brand?.logoUrl && <img class="logo" src={brand.logoUrl} alt="" />}
        {brand?.name ?? tr('shell.title')}
      </span>
      {user && (
        <>
          <span id="who" class="who">
            {user.name}
          </span>
          <button id="sign-out" type="button" onClick={() => void signOut()}>
            {tr('shell.signOut')}
          </button>
        </>
      )}
      {onClose && (
        <button type="button" class="close" aria-label={tr('shell.embed.close')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      )}
    </header>
  );
}

/** The selected tab while its module is on its way, or could not be fetched. */
function PendingTab({ tab }: { tab: TabId }) {
  const failed = secondaryViewsFailed.value;
  return (
    <section id={tab} class="card" role="tabpanel" aria-labelledby={`tab-${tab}`} aria-busy={failed ? 'false' : 'true'}>
      <p role="status">{tr(failed ? 'shell.tabFailed' : 'shell.loading')}</p>
      {failed && (
        <button type="button" onClick={() => void loadSecondaryViews()}>
          {tr('shell.retry')}
        </button>
      )}
    </section>
  );
}

function Portal() {
  const shown = tabs.value;
  const selected = shownTab.value;
  const views = secondaryViews.value;
  useEffect(() => {
    if (selected === 'chat') preloadSecondaryViews();
    else void loadSecondaryViews();
  }, [selected]);
  return (
    <>
      <Tabs tabs={shown} selected={selected} onSelect={(tab) => (selectedTab.value = tab)} />
      {shown.includes('chat') && <ChatView hidden={selected !== 'chat'} />}
      {views ? (
        <>
          {shown.includes('tickets') && <views.TicketsView hidden={selected !== 'tickets'} />}
          {shown.includes('selfservice') && <views.SelfServiceView hidden={selected !== 'selfservice'} />}
          {shown.includes('kb') && <views.KnowledgeBaseView hidden={selected !== 'kb'} />}
          <views.SettingsView hidden={selected !== 'settings'} />
        </>
      ) : (
        selected !== 'chat' && <PendingTab tab={selected} />
      )}
    </>
  );
}

export function App({ onClose }: { onClose?: () => void }) {
  return (
    <>
      <Header onClose={onClose} />
      <main>
        {phase.value === 'signedOut' && <SignIn />}
        {phase.value === 'signedIn' && <Portal />}
      </main>
    </>
  );
}
