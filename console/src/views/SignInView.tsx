import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { tr } from '../i18n/i18n.js';
import { signIn } from '../store/session.js';

export function SignInView() {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const username = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => username.current?.focus(), []);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    const refused = await signIn(String(data.get('username') ?? ''), String(data.get('password') ?? ''));
    setBusy(false);
    if (refused !== undefined) setError(refused);
  }

  return (
    <main class="sign-in">
      <form class="card" onSubmit={(event) => void submit(event)}>
        <p class="sign-in-product">{tr('console.title')}</p>
        <h1>{tr('shell.signIn')}</h1>
        <label>
          <span>{tr('shell.username')}</span>
          <input name="username" autocomplete="username" required ref={username} />
        </label>
        <label>
          <span>{tr('shell.password')}</span>
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        <p class="error" role="alert">
          {error}
        </p>
        <button type="submit" class="primary" disabled={busy}>
          {tr('shell.signIn')}
        </button>
      </form>
    </main>
  );
}
