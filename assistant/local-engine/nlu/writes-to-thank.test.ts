import { describe, expect, it } from '@jest/globals';
import { writesToThank } from './writes-to-thank.js';

describe('writesToThank', () => {
  it.each([
    "Ha, you're quicker than the last IT company we had. Anyway just wanted to say cheers, you've been great",
    'haha vous êtes plus rapides que notre ancien prestataire. Bref, je voulais juste vous dire merci et bonne journée !',
    'Ich wollte mich nur mal bedanken, der Drucker läuft wieder',
    'Nada, solo quería daros las gracias, buen finde',
    'Niente, volevo solo ringraziarvi, buona serata!',
  ])('thanks: %s', (text) => {
    expect(writesToThank(text)).toBe(true);
  });

  it.each(['thanks, and can you restart my laptop?', 'I want to say something about the printer', 'merci de redémarrer mon pc'])('does not: %s', (text) => {
    expect(writesToThank(text)).toBe(false);
  });
});
