import { describe, expect, it } from '@jest/globals';
import { asksWhatItDoes, asksWhetherAble } from './asks-capability.js';

describe('asksWhetherAble', () => {
  it.each([
    'can you even restart computers?',
    'vous pouvez redémarrer des ordis, vous ?',
    'can you shut down laptops?',
    '¿puedes reiniciar ordenadores desde ahí?',
    'Ma tu riesci a riavviare i computer?',
  ])('asks whether it can: %s', (text) => {
    expect(asksWhetherAble(text)).toBe(true);
  });

  it.each(['can you restart my laptop?', 'can you restart the computers in room 3', 'vous pouvez redémarrer mon ordi ?', 'puoi riavviare il pc?'])(
    'asks for it: %s',
    (text) => {
      expect(asksWhetherAble(text)).toBe(false);
    },
  );
});

describe('asksWhatItDoes', () => {
  it.each([
    'what can you do?',
    'hallo, was können Sie eigentlich alles?',
    'Hi! what can you do exactly?',
    'bonjour, vous savez faire quoi ?',
    'Vous êtes un robot ou une vraie personne ?',
    'bist du ein Bot?',
    'is this a real person or a bot',
    'sei un bot o una persona?',
    '¿Qué puede usted hacer por mí?',
    '¿eres una persona de verdad?',
    'eres una persona o una maquina?',
  ])('asks: %s', (text) => {
    expect(asksWhatItDoes(text)).toBe(true);
  });

  it('leaves a request that follows alone', () => {
    expect(asksWhatItDoes('what can you do about my slow laptop?')).toBe(false);
    expect(asksWhatItDoes('are you a bot? I want a human')).toBe(false);
  });
});
