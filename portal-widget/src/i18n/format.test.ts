import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { IntlMessageFormat } from 'intl-messageformat';
import { LANGUAGES } from '../../../i18n/languages.js';
import { format, formatDateTime, formatRelative, formatTime } from './format.js';

const catalog = (lang: string) => JSON.parse(readFileSync(new URL(`../../../i18n/locales/${lang}.json`, import.meta.url), 'utf8')) as Record<string, string>;

describe('format', () => {
  it('chooses the plural form of the language, and writes the count in its digits', () => {
    const tickets = '{count, plural, =0 {No tickets} one {# ticket} other {# tickets}}';
    expect([0, 1, 2, 1200].map((count) => format(tickets, 'en', { count }))).toEqual(['No tickets', '1 ticket', '2 tickets', '1,200 tickets']);
    // French puts 0 and 1 in "one" and groups thousands with a narrow space.
    const fr = '{count, plural, one {# résultat} other {# résultats}}';
    expect([0, 1, 2, 1200].map((count) => format(fr, 'fr', { count }))).toEqual(['0 résultat', '1 résultat', '2 résultats', '1\u202f200 résultats']);
    expect(format('{name} has {count, plural, one {# device} other {# devices}}', 'en', { name: 'Anna', count: 2 })).toBe('Anna has 2 devices');
  });

  it('formats every string of the five catalogs as the server’s intl-messageformat does', () => {
    for (const lang of LANGUAGES) {
      for (const [key, source] of Object.entries(catalog(lang))) {
        const params: Record<string, string | number> = {};
        for (const [, name, kind] of source.matchAll(/\{\s*(\w+)\s*(?:,\s*(\w+))?/g)) params[name!] = kind === 'plural' ? 2 : `<${name}>`;
        for (const count of [0, 1, 2, 5]) {
          for (const name of Object.keys(params)) if (typeof params[name] === 'number') params[name] = count;
          expect([key, format(source, lang, params)]).toEqual([key, String(new IntlMessageFormat(source, lang).format(params))]);
        }
      }
    }
  });
});

describe('dates', () => {
  const moment = '2026-12-06T14:05:00Z';
  const now = Date.parse(moment);

  it('writes a date and a time as the language does', () => {
    expect(formatDateTime(moment, 'en')).toBe(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(moment)));
    expect(formatDateTime(moment, 'de')).toMatch(/^06\.12\.2026, \d\d:05$/);
    expect(formatTime(moment, 'fr')).toMatch(/^\d\d:05$/);
  });

  it('says how long ago in words of the language', () => {
    expect(formatRelative(moment, 'en', now + 20_000)).toBe('now');
    expect(formatRelative(moment, 'en', now + 3 * 60_000)).toBe('3 minutes ago');
    expect(formatRelative(moment, 'fr', now + 2 * 3600_000)).toBe('il y a 2 heures');
    expect(formatRelative(moment, 'de', now + 24 * 3600_000)).toBe('gestern');
    expect(formatRelative(moment, 'it', now + 3 * 24 * 3600_000)).toBe('3 giorni fa');
    expect(formatRelative(moment, 'es', now + 40 * 24 * 3600_000)).toBe('el mes pasado');
  });
});
