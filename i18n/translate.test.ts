import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { IntlMessageFormat } from 'intl-messageformat';
import { LANGUAGES, type Language } from './languages.js';
import { t } from './translate.js';

const catalog = (lang: Language) =>
  JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'locales', `${lang}.json`), 'utf8')) as Record<string, string>;

type Element = { type: number; value?: unknown; options?: Record<string, { value: Element[] }>; children?: Element[] };

/** The argument names a message uses, plural and select branches included. */
function argumentsOf(elements: Element[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (typeof element.value === 'string' && element.value && (element.options || element.type !== 0)) into.add(element.value);
    for (const option of Object.values(element.options ?? {})) argumentsOf(option.value, into);
    if (element.children) argumentsOf(element.children, into);
  }
  return into;
}

describe('the message catalogs', () => {
  const english = catalog('en');

  it('have every English key in every language, and no other', () => {
    for (const lang of LANGUAGES) expect({ lang, keys: Object.keys(catalog(lang)).sort() }).toEqual({ lang, keys: Object.keys(english).sort() });
  });

  it('hold ICU messages that use the same arguments as the English ones', () => {
    const mismatches: string[] = [];
    for (const lang of LANGUAGES) {
      for (const [key, source] of Object.entries(catalog(lang))) {
        const used = [...argumentsOf(new IntlMessageFormat(source, lang).getAst() as Element[])].sort();
        const expected = [...argumentsOf(new IntlMessageFormat(english[key]!, 'en').getAst() as Element[])].sort();
        if (used.join() !== expected.join()) mismatches.push(`${lang} ${key}: ${used.join()} ≠ ${expected.join()}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("name an action's status in the user's language", () => {
    expect(t('fr', 'errors.action_not_pending', { status: 'expired' })).toContain('Expirée');
    expect(t('de', 'errors.action_not_pending', { status: 'succeeded' })).toContain('Erledigt');
    expect(t('en', 'errors.action_not_pending', { status: 'cancelled' })).not.toContain('cancelled');
  });
});
