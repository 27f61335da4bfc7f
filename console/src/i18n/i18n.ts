// The console's strings come from the server's catalog (GET /api/v1/i18n/:lang?ui=console), in the technician's
// language, the browser's before that; `tr` reads them, so a change of language re-renders the screens.
import { signal } from '@preact/signals';
import { languageFromAcceptHeader, type Language } from '../../../i18n/languages.js';
import { request } from '../../../portal-widget/src/api/http.js';
import { format, formatDateTime, formatRelative, formatTime, type Params } from '../../../portal-widget/src/i18n/format.js';

const messages = signal<Record<string, string>>({});
export const language = signal<Language>('en');

export const tr = (key: string, params?: Params): string => {
  const source = messages.value[key];
  return source === undefined ? key : format(source, language.value, params);
};

export const dateTime = (iso: string) => formatDateTime(iso, language.value);
export const timeAgo = (iso: string) => formatRelative(iso, language.value);
export const timeOfDay = (iso: string) => formatTime(iso, language.value);

export const browserLanguage = (): Language => languageFromAcceptHeader(navigator.languages.join(','));

export async function loadMessages(lang: Language): Promise<void> {
  const answer = await request<{ messages: Record<string, string> }>(`/api/v1/i18n/${lang}?ui=console`);
  if (answer.ok) messages.value = answer.body.messages;
  language.value = lang;
  document.documentElement.lang = lang;
}
