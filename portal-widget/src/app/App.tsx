import { tr } from '../i18n/i18n.js';
import { branding } from '../store/branding.js';
import { me, phase, selectedTab, shownTab, signOut, tabs } from '../store/session.js';
import { ChatView } from '../views/ChatView.js';
import { KnowledgeBaseView } from '../views/KnowledgeBaseView.js';
import { SelfServiceView } from '../views/SelfServiceView.js';
import { SettingsView } from '../views/SettingsView.js';
import { SignIn } from '../views/SignIn.js';
import { TicketsView } from '../views/TicketsView.js';
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

function Portal() {
  const shown = tabs.value;
  const selected = shownTab.value;
  return (
    <>
      <Tabs tabs={shown} selected={selected} onSelect={(tab) => (selectedTab.value = tab)} />
      {shown.includes('chat') && <ChatView hidden={selected !== 'chat'} />}
      {shown.includes('tickets') && <TicketsView hidden={selected !== 'tickets'} />}
      {shown.includes('selfservice') && <SelfServiceView hidden={selected !== 'selfservice'} />}
      {shown.includes('kb') && <KnowledgeBaseView hidden={selected !== 'kb'} />}
      <SettingsView hidden={selected !== 'settings'} />
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
