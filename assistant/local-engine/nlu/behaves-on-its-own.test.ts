import { describe, expect, it } from '@jest/globals';
import { tellsOfBehaviourOnItsOwn } from './behaves-on-its-own.js';

describe('tellsOfBehaviourOnItsOwn', () => {
  it.each([
    'my laptop keeps restarting',
    "Il PC mi butta fuori dalla sessione ogni mezz'ora",
    'the PC shuts down by itself during calls',
    'mon ordinateur s’éteint tout seul',
    'ma session se ferme sans arrêt',
    'der Rechner startet immer wieder neu',
    'mein Laptop sperrt sich ständig',
    'se me apaga el portátil de repente',
    'el equipo se reinicia solo',
    'il pc si spegne all’improvviso',
    'il Mac si riavvia da solo',
    'Teams me déconnecte toutes les 10 minutes',
    'Outlook meldet mich alle 5 Minuten ab',
    'la VPN se cae cada 5 minutos',
    'mi butta fuori dalla sessione ogni due minuti',
  ])('tells of it: %s', (text) => {
    expect(tellsOfBehaviourOnItsOwn(text)).toBe(true);
  });

  it.each([
    'restart my laptop',
    'my laptop keeps freezing, can you restart it please',
    'redémarre mon pc svp',
    'der Laptop hängt ständig, kannst du ihn neu starten?',
    'se me ha colgado el ordenador, reinícialo por favor',
    'il pc continua a bloccarsi, puoi riavviarlo?',
    'apaga el ordenador',
  ])('asks for something: %s', (text) => {
    expect(tellsOfBehaviourOnItsOwn(text)).toBe(false);
  });
});
