// Who is signed in to the console. Only technicians get past the sign-in form: an end user's session is closed again
// with the reason, so that a portal user who finds this address is not left signed in here.
import { computed, signal } from '@preact/signals';
import type { MeView } from '../../../domain/auth/describe-me.js';
import { getMe, login, logout } from '../api/session.js';
import { browserLanguage, loadMessages, tr } from '../i18n/i18n.js';

export const me = signal<MeView | undefined>(undefined);
export const phase = signal<'starting' | 'signedOut' | 'signedIn'>('starting');
export const isAdmin = computed(() => me.value?.user.roles.includes('admin') ?? false);

async function enter(value: MeView): Promise<string | undefined> {
  if (value.user.kind !== 'technician') {
    await logout();
    return tr('console.signIn.techniciansOnly');
  }
  await loadMessages(value.user.language);
  me.value = value;
  phase.value = 'signedIn';
  return undefined;
}

export async function boot(): Promise<void> {
  await loadMessages(browserLanguage());
  const current = await getMe();
  if (current.ok && (await enter(current.body)) === undefined) return;
  phase.value = 'signedOut';
}

/** Resolves with the reason when the sign-in is refused. */
export async function signIn(username: string, password: string): Promise<string | undefined> {
  const answer = await login(username, password);
  if (!answer.ok) return answer.error.message;
  const current = await getMe();
  if (!current.ok) return current.error.message;
  return enter(current.body);
}

/** A session the server no longer knows (expired, signed out elsewhere) brings the sign-in form back. */
export function sessionEnded(): void {
  me.value = undefined;
  phase.value = 'signedOut';
}

export async function signOut(): Promise<void> {
  await logout();
  sessionEnded();
}
