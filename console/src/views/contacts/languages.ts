import { LANGUAGES, type Language } from '../../../../i18n/languages.js';

/** Each language by its own name, as its speakers look for it in a list. */
export function languageName(code: string): string {
  const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

export const LANGUAGE_CHOICES: { code: Language; name: string }[] = LANGUAGES.map((code) => ({ code, name: languageName(code) }));
