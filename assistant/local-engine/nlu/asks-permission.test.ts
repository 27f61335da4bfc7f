import { describe, expect, it } from '@jest/globals';
import { asksWhetherAllowed } from './asks-permission.js';

describe('asksWhetherAllowed', () => {
  it.each([
    'Am I allowed to put Steam on my work laptop?',
    "Est-ce que j'ai le droit d'installer Netflix sur le PC de la boutique ?",
    'Darf ich auf dem Dienstrechner WhatsApp Desktop installieren?',
    '¿Está permitido instalar juegos en el portátil de la empresa?',
    'È consentito usare Dropbox personale sul pc aziendale?',
  ])('asks whether it is allowed: %s', (text) => {
    expect(asksWhetherAllowed(text)).toBe(true);
  });

  it.each(['Can I get Spotify installed?', '¿Se puede instalar el VLC en mi portátil?', 'Darf ich dich was fragen: installier mir bitte VLC.', 'please install Zoom'])(
    'asks for it, or asks no question: %s',
    (text) => {
      expect(asksWhetherAllowed(text)).toBe(false);
    },
  );
});
