import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { LANGUAGES, type Language } from './languages.js';

type Catalog = Record<string, string>;

const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'locales');

const catalogs = Object.fromEntries(
  LANGUAGES.map((lang) => [lang, JSON.parse(readFileSync(join(LOCALES_DIR, `${lang}.json`), 'utf8')) as Catalog]),
) as Record<Language, Catalog>;

const compiled = new Map<string, IntlMessageFormat>();

/** A message as written in the language's catalog (ICU MessageFormat), falling back to English. */
export function catalogSource(lang: Language, key: string): string | undefined {
  return catalogs[lang][key] ?? catalogs.en[key];
}

/** ICU MessageFormat (plurals included) from the language's catalog, falling back to English, then to the key. */
export function t(lang: Language, key: string, params: Record<string, string | number> = {}): string {
  const source = catalogSource(lang, key);
  if (source === undefined) return key;
  const cacheKey = `${lang}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(source, lang);
    compiled.set(cacheKey, format);
  }
  return String(format.format(params));
}

export function catalogKeys(lang: Language): string[] {
  return Object.keys(catalogs[lang]);
}
