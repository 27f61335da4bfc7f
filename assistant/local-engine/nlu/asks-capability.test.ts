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
    't un robot ou un humain',
    "Madame, Monsieur, je suis nouvelle dans l'entreprise et souhaiterais savoir pour quels types de demandes je puis m'adresser à vous.",
    'Guten Tag, ich bin neu in der Praxis und wollte fragen, wobei Sie mir behilflich sein können.',
    'Soy nueva en la gestoría y quería saber en qué me puede usted ayudar.',
    'Bonjour, avant tout, quels types de demandes pouvez-vous traiter ?',
    'what kinds of requests can you take care of?',
    'ma sei un robot o una persona?',
    'are u a real person or a bot lol',
    't un robot ou un vrai humain ?',
    'eres una persona o un bot jaja',
    'Pourriez-vous me dire ce que vous êtes en mesure de faire pour moi ?',
    // Where the user is.
    'Good afternoon, am I through to the IT help desk?',
    'Bonsoir, c’est bien le support informatique ici ?',
    'Hallo, bin ich hier richtig beim Support?',
    'Hola, ¿esto es la asistencia técnica?',
    'buonasera, sono nella chat giusta?',
    // Who or what answers.
    "c'est vraiment un robot qui m'écrit ?",
    'is it an AI answering me?',
    '¿me contesta una inteligencia artificial?',
    'mi risponde davvero una persona?',
  ])('asks: %s', (text) => {
    expect(asksWhatItDoes(text)).toBe(true);
  });

  it('leaves a request that follows alone', () => {
    expect(asksWhatItDoes('what can you do about my slow laptop?')).toBe(false);
    expect(asksWhatItDoes('are you a bot? I want a human')).toBe(false);
  });
});
