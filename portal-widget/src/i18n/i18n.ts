// The portal's UI strings come from the server's catalog (GET /api/v1/i18n/:lang), in the signed-in user's language,
// the browser's before that. Components read them through `tr`, so a change of language re-renders them.
import { signal } from '@preact/signals';
import type { Language } from '../../../i18n/languages.js';
import { getMessages } from '../api/i18n.js';
import { frame } from '../app/environment.js';
import { format, formatDateTime, formatRelative, formatTime, type Params } from './format.js';

/** Each language by its own name, as a speaker looks for it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français', de: 'Deutsch', es: 'Español', it: 'Italiano' };
export const LANGUAGES = Object.keys(LANGUAGE_NAMES) as Language[];

const messages = signal<Record<string, string>>({});
export const language = signal<Language>('en');

/** A UI string in the user's language; with parameters, its counts take the language's plural forms. */
export const tr = (key: string, params?: Params): string => {
  const source = messages.value[key];
  return source === undefined ? key : format(source, language.value, params);
};

export const dateTime = (iso: string) => formatDateTime(iso, language.value);
export const timeOfDay = (iso: string) => formatTime(iso, language.value);
export const timeAgo = (iso: string) => formatRelative(iso, language.value);

export async function loadMessages(lang: Language): Promise<void> {
  const answer = await getMessages(lang);
  if (answer.ok) messages.value = answer.body.messages;
  language.value = lang;
  frame().lang = lang;
}

export function browserLanguage(): Language {
  const lang = (navigator.language || 'en').slice(0, 2);
  return (LANGUAGES as string[]).includes(lang) ? (lang as Language) : 'en';
}
