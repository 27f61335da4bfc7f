import { describe, expect, it } from '@jest/globals';
import { tellsDone } from './tells-done.js';

describe('tellsDone', () => {
  it.each([
    "I've already rebooted the laptop twice",
    'we switched everything off and on again',
    "j'ai éteint et rallumé la box",
    'hab den Rechner schon zweimal neu gestartet',
    'He apagado y encendido el router',
    'ho già riavviato il pc',
  ])('told: %s', (clause) => {
    expect(tellsDone(clause)).toBe(true);
  });

  it.each(['can you restart my laptop', 'éteins mon pc stp', 'bitte den Rechner neu starten', '¿me lo apagas?', 'riavvia il mac', 'I have a question about locking'])(
    'asked or not told: %s',
    (clause) => {
      expect(tellsDone(clause)).toBe(false);
    },
  );
});
