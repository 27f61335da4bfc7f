import type { Language } from '../../../i18n/languages.js';
import { LANGUAGE_NAMES, language } from '../i18n/i18n.js';

/** An article's language by its own name, said only when it is not the user's. */
export function LanguageBadge({ lang }: { lang: string | undefined }) {
  if (!lang || lang === language.value || !(lang in LANGUAGE_NAMES)) return null;
  return (
    <span class="kb-lang" lang={lang}>
      {LANGUAGE_NAMES[lang as Language]}
    </span>
  );
}
