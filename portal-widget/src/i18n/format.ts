// The part of ICU MessageFormat the portal's strings use, formatted with the browser's own Intl: `{name}` and
// `{count, plural, =0 {…} one {# item} other {# items}}`. The server formats the same catalogs with intl-messageformat;
// a test checks that both agree on every portal string, and this costs the bundle a few hundred bytes instead of the
// ten kilobytes of a full parser.
import type { Language } from '../../../i18n/languages.js';

export type Params = Record<string, string | number>;

const pluralRules = new Map<string, Intl.PluralRules>();

function pluralCategory(lang: Language, count: number): string {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(count);
}

/** The text up to the brace that closes the one before `from`, and where it ends. */
function balanced(source: string, from: number): [string, number] {
  let depth = 1;
  for (let i = from; i < source.length; i++) {
    if (source[i] === '{') depth++;
    else if (source[i] === '}' && --depth === 0) return [source.slice(from, i), i + 1];
  }
  throw new Error(`unbalanced braces in "${source}"`);
}

function plural(body: string, lang: Language, count: number, params: Params): string {
  const options = new Map<string, string>();
  const option = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;
  for (let match = option.exec(body); match; match = option.exec(body)) {
    const [text, end] = balanced(body, option.lastIndex);
    options.set(match[1]!, text);
    option.lastIndex = end;
  }
  const chosen = options.get(`=${count}`) ?? options.get(pluralCategory(lang, count)) ?? options.get('other') ?? '';
  const number = new Intl.NumberFormat(lang).format(count);
  return format(chosen, lang, params, number);
}

/** A catalog string with its parameters; inside a plural, `#` is the count in the language's digits. */
export function format(source: string, lang: Language, params: Params = {}, hash?: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (char === '#' && hash !== undefined) {
      out += hash;
      i++;
    } else if (char === "'" && source[i + 1] === "'") {
      out += "'";
      i += 2;
    } else if (char === '{') {
      const [inner, end] = balanced(source, i + 1);
      const [name, kind, ...rest] = inner.split(',');
      const key = name!.trim();
      const value = params[key];
      if (kind?.trim() === 'plural') out += plural(rest.join(','), lang, Number(value), params);
      else out += value === undefined ? `{${key}}` : typeof value === 'number' ? new Intl.NumberFormat(lang).format(value) : value;
      i = end;
    } else {
      out += char;
      i++;
    }
  }
  return out;
}

/** A moment as the user's language writes a date and time ("6 déc. 2026, 14:05"). */
export function formatDateTime(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** The time of day of a chat message, in the user's language's clock. */
export function formatTime(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(lang, { timeStyle: 'short' }).format(new Date(iso));
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** How long ago, in words of the user's language ("3 days ago", "il y a 2 heures", "gestern"); "now" under a minute. */
export function formatRelative(iso: string, lang: Language, now = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const words = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return words.format(Math.trunc(seconds / size), unit);
  }
  return words.format(0, 'second');
}
