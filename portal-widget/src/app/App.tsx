import { tr } from '../i18n/i18n.js';
import { me, phase, selectedTab, signOut, tabs } from '../store/session.js';
import { ChatView } from '../views/ChatView.js';
import { SignIn } from '../views/SignIn.js';
import { TicketsView } from '../views/TicketsView.js';
import { Tabs } from './Tabs.js';

function Header() {
  const user = me.value?.user;
  return (
    <header class="bar">
      <span class="brand">{tr('shell.title')}</span>
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
    </header>
  );
}

function Portal() {
  const shown = tabs.value;
  const selected = shown.includes(selectedTab.value) ? selectedTab.value : undefined;
  return (
    <>
      {shown.length > 0 && <Tabs tabs={shown} selected={selected ?? shown[0]!} onSelect={(tab) => (selectedTab.value = tab)} />}
      {shown.includes('chat') && <ChatView hidden={selected !== 'chat'} />}
      <TicketsView hidden={shown.length > 0 && selected !== 'tickets'} asTab={shown.includes('tickets')} />
    </>
  );
}

export function App() {
  return (
    <>
      <Header />
      <main>
        {phase.value === 'signedOut' && <SignIn />}
        {phase.value === 'signedIn' && <Portal />}
      </main>
    </>
  );
}
