// Who is signed in, what they may use, and which tab they look at. The sections follow the admin's settings live.
import { computed, signal } from '@preact/signals';
import type { VerifiedIdentity } from '../../../domain/auth/verified-identity.js';
import type { Language } from '../../../i18n/languages.js';
import { embedded } from '../app/environment.js';
import { getMe, login, loginWithIdentity, logout, renewToken, setLanguage, type Me } from '../api/session.js';
import { currentToken, forgetToken } from '../api/token.js';
import { browserLanguage, loadMessages } from '../i18n/i18n.js';
import { loadBranding } from './branding.js';
import { composerFocus, startChat, stopChat } from './chat.js';
import { forgetKnowledgeBase, openArticle } from './kb.js';
import { forgetSelfService } from './self-service.js';
import { forgetTickets, showTicket, ticketChanged, ticketSettingsChanged } from './tickets.js';

export type TabId = 'chat' | 'tickets' | 'selfservice' | 'kb' | 'settings';

/** The portal serves itself at /kb/<slug> too, so that a link to an article opens it here. */
const ARTICLE_PATH = /^\/kb\/([\w-]+)$/;
/** And at /tickets/<number>, each ticket's own address in the list. */
const TICKET_PATH = /^\/tickets\/(\d{1,9})$/;
/** An embedded widget's token lasts an hour: it is renewed a while before, so a slow network does not lose it. */
const RENEW_BEFORE_MS = 5 * 60_000;
const RENEW_RETRY_MS = 60_000;

export const me = signal<Me | undefined>(undefined);
export const phase = signal<'starting' | 'signedOut' | 'signedIn'>('starting');
export const selectedTab = signal<TabId>('chat');
/** Why the user sees the sign-in form although the host page vouched for them: the server's refusal. */
export const signInNotice = signal<string | undefined>(undefined);

/** The tabs of the sections this user may use, the chat first; a section an admin switches off loses its tab. */
export const tabs = computed<TabId[]>(() => {
  const sections = me.value?.sections;
  if (!sections) return [];
  return [
    ...(sections.assistant ? (['chat'] as const) : []),
    ...(sections.ticketing ? (['tickets'] as const) : []),
    ...(sections.selfService ? (['selfservice'] as const) : []),
    ...(sections.knowledgeBase ? (['kb'] as const) : []),
    'settings',
  ];
});

/** The chosen tab while it is there; else the first one, without forgetting the choice for when it comes back. */
export const shownTab = computed<TabId>(() => (tabs.value.includes(selectedTab.value) ? selectedTab.value : (tabs.value[0] ?? 'settings')));

export const isPrimary = computed(() => {
  const user = me.value?.user;
  return !!user && (user.roles.includes('primary_contact') || user.kind === 'technician');
});

let renewal: ReturnType<typeof setTimeout> | undefined;

function showLogin(): void {
  clearTimeout(renewal);
  stopChat();
  // Nothing of the user who left stays on the page for the next one.
  forgetTickets();
  forgetKnowledgeBase();
  forgetSelfService();
  me.value = undefined;
  phase.value = 'signedOut';
}

/**
 * The user's record again (a phone saved from an action card, sections an admin changed); kept as it was when the server
 * does not answer, back to sign-in when the session has ended.
 */
export async function reloadMe(): Promise<void> {
  const answer = await getMe();
  if (answer.ok) me.value = answer.body;
  else if (answer.status === 401) showLogin();
}

/** Sections, branding and ticket rules changed by an admin apply to the open portal as they are. */
function settingsUpdated(): void {
  void reloadMe();
  void loadBranding();
  ticketSettingsChanged();
}

async function enter(value: Me): Promise<void> {
  await loadMessages(value.user.language);
  me.value = value;
  selectedTab.value = 'chat';
  phase.value = 'signedIn';
  signInNotice.value = undefined;
  // The socket also tells a user without the assistant when an admin switches it on.
  startChat({ signedOut: showLogin, settingsUpdated, ticketChanged: (ticketId) => void ticketChanged(ticketId) });
  if (embedded()) scheduleRenewal();
  // The host page's address is not the portal's: it names no article or ticket.
  else if (openDeepLink()) return;
  if (value.sections.assistant) composerFocus.value++;
}

/** Renews the embedded widget's token before it expires; the server refuses after twelve hours, back to sign-in. */
function scheduleRenewal(delayMs?: number): void {
  clearTimeout(renewal);
  const grant = currentToken();
  if (!grant) return;
  renewal = setTimeout(
    () =>
      void renewToken().then((answer) => {
        if (answer.ok) scheduleRenewal();
        else if (answer.status === 401) showLogin();
        else scheduleRenewal(RENEW_RETRY_MS);
      }),
    delayMs ?? Math.max(0, Date.parse(grant.expiresAt) - Date.now() - RENEW_BEFORE_MS),
  );
}

/** The sign-in form is gone: the keyboard goes to what the user came for, an article or ticket when the address names one. */
function openDeepLink(): boolean {
  const slug = ARTICLE_PATH.exec(location.pathname)?.[1];
  if (slug && showArticle(slug)) return true;
  const ticket = TICKET_PATH.exec(location.pathname)?.[1];
  if (ticket && tabs.value.includes('tickets')) {
    selectedTab.value = 'tickets';
    void showTicket(ticket);
    return true;
  }
  return false;
}

/** Opens an article in the Knowledge base tab; false when this user has no such tab. */
export function showArticle(slug: string): boolean {
  if (!tabs.value.includes('kb')) return false;
  selectedTab.value = 'kb';
  void openArticle(slug);
  return true;
}

/** Opens a link of the portal (an article, a ticket) in its tab; false when this user has no such tab. */
export function openInPortal(href: string): boolean {
  const path = new URL(href, location.origin).pathname;
  const slug = ARTICLE_PATH.exec(path)?.[1];
  if (slug) return showArticle(slug);
  const ticket = TICKET_PATH.exec(path)?.[1];
  if (!ticket || !tabs.value.includes('tickets')) return false;
  selectedTab.value = 'tickets';
  void showTicket(ticket);
  return true;
}

/** Embedded, a host page that vouches for its user signs them in; else the session of the cookie or the kept token. */
export async function boot(identity?: VerifiedIdentity): Promise<void> {
  await Promise.all([loadMessages(browserLanguage()), loadBranding()]);
  if (identity) return identify(identity);
  // No cookie rides a request to another origin: embedded without a token, there is no session to ask about.
  const current = embedded() && !currentToken() ? undefined : await getMe();
  if (current?.ok) await enter(current.body);
  else showLogin();
}

/**
 * Signs in the user a host page vouches for, in place of whoever was signed in here (the page's user may have
 * changed); refused, the sign-in form shows the server's reason.
 */
export async function identify(identity: VerifiedIdentity): Promise<void> {
  if (currentToken()) {
    // The chat closes its socket first, so that the server's closing it does not read as this page being signed out.
    showLogin();
    await logout();
    forgetToken();
  }
  const answer = await loginWithIdentity(identity);
  const current = answer.ok ? await getMe() : answer;
  if (current.ok) return enter(current.body);
  showLogin();
  signInNotice.value = current.error.message;
}

/** Resolves with the server's reason when the sign-in is refused. */
export async function signIn(username: string, password: string): Promise<string | undefined> {
  const answer = await login(username, password);
  if (!answer.ok) return answer.error.message;
  const current = await getMe();
  if (!current.ok) return current.error.message;
  await enter(current.body);
  return undefined;
}

export async function signOut(): Promise<void> {
  await logout();
  forgetToken();
  // The form stays in the language of the user who just left.
  showLogin();
}

/** Saved on the contact, so the assistant answers in it too; the UI switches at once. */
export async function chooseLanguage(language: Language): Promise<string | undefined> {
  const answer = await setLanguage(language);
  if (!answer.ok) return answer.error.message;
  await loadMessages(answer.body.user.language);
  me.value = answer.body;
  return undefined;
}
