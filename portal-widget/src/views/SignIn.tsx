import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { tr } from '../i18n/i18n.js';
import { signIn, signInNotice } from '../store/session.js';

export function SignIn() {
  const [error, setError] = useState('');
  const username = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => username.current?.focus(), []);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const refused = await signIn(String(data.get('username') ?? ''), String(data.get('password') ?? ''));
    if (refused !== undefined) setError(refused);
  }

  return (
    <form id="login" class="card login" onSubmit={(event) => void submit(event)}>
      <h1>{tr('shell.signIn')}</h1>
      <label>
        <span>{tr('shell.username')}</span>
        <input name="username" autocomplete="username" required ref={username} />
      </label>
      <label>
        <span>{tr('shell.password')}</span>
        <input name="password" type="password" autocomplete="current-password" required />
      </label>
      <p id="login-error" class="error" role="alert" aria-live="assertive">
        {error || signInNotice.value}
      </p>
      <button type="submit" class="primary">
        {tr('shell.signIn')}
      </button>
    </form>
  );
}
