import { describe, expect, it } from '@jest/globals';
import type { Language } from '../../../i18n/languages.js';
import { speaksOfIt } from './speaks-of-it.js';

describe('speaksOfIt', () => {
  it.each<[Language, string]>([
    ['en', 'the badge reader at the door does not open'],
    ['fr', 'Genapi ne démarre plus depuis ce matin'],
    ['de', 'Wo finde ich die Vorlage für Angebote?'],
    ['it', 'come si usa il gestionale delle presenze?'],
    // The tenant's own tools, which no lexicon knows, asked how they are used.
    ['en', 'How do I submit my expenses?'],
    ['es', 'cómo ficho la entrada en Sesame'],
    ['es', '¿Cómo me conecto desde casa?'],
    ['it', 'come mi collego da casa al gestionale?'],
  ])('speaks of IT: %s', async (lang, text) => {
    await expect(speaksOfIt(text, lang)).resolves.toBe(true);
  });

  it.each<[Language, string]>([
    ['es', '¿sabes si mañana llueve en Málaga?'],
    ['fr', "c'est quoi la meilleure pizzeria à Lyon ?"],
    ['de', 'Weißt du, wann die Kantine heute zumacht?'],
    ['en', 'did you watch the match last night?'],
    ['it', 'hai visto la partita ieri sera?'],
  ])('does not: %s', async (lang, text) => {
    await expect(speaksOfIt(text, lang)).resolves.toBe(false);
  });
});
