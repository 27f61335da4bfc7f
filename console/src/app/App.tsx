import { useEffect } from 'preact/hooks';
import { tr } from '../i18n/i18n.js';
import { isAdmin, me, phase, signOut } from '../store/session.js';
import { SignInView } from '../views/SignInView.js';
import { followLink, href, navigate, segments } from './router.js';
import { SCREENS } from './screens.js';

function Navigation({ current }: { current: string | undefined }) {
  const screens = SCREENS.filter((screen) => !screen.adminOnly || isAdmin.value);
  return (
    <nav class="nav" aria-label={tr('console.nav.label')}>
      <ul>
        {screens.map((screen) => (
          <li key={screen.path}>
            <a
              href={href(`/${screen.path}`)}
              aria-current={screen.path === current ? 'page' : undefined}
              onClick={(event) => followLink(event, `/${screen.path}`)}
            >
              {tr(screen.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Console() {
  const first = segments.value[0];
  const screen = SCREENS.find((candidate) => candidate.path === first && (!candidate.adminOnly || isAdmin.value));
  useEffect(() => {
    if (!screen) navigate(`/${SCREENS[0]!.path}`, { replace: true });
  }, [screen]);
  const Shown = screen?.component;
  return (
    <div class="console">
      <header class="top">
        <span class="product">{tr('console.title')}</span>
        <span class="who">{me.value?.user.name}</span>
        <button type="button" class="quiet" onClick={() => void signOut()}>
          {tr('shell.signOut')}
        </button>
      </header>
      <Navigation current={screen?.path} />
      <main class="screen">{Shown && <Shown />}</main>
    </div>
  );
}

export function App() {
  if (phase.value === 'starting') return <p class="starting">{tr('shell.loading')}</p>;
  return phase.value === 'signedIn' ? <Console /> : <SignInView />;
}
