import type { CatalogAppRef } from '../../../domain/catalog/match-catalog-app.js';
import { actionForIntent, extractApp, extractDeviceHint, extractTicketNumber } from './extract-slots.js';

const catalog: CatalogAppRef[] = [
  { id: 'google-chrome', name: 'Google Chrome', aliases: ['chrome'] },
  { id: 'notepad-plus-plus', name: 'Notepad++', aliases: ['notepad plus plus', 'npp'] },
  { id: 'vlc', name: 'VLC media player', aliases: ['vlc', 'vlc player'] },
];

describe('actionForIntent', () => {
  it('maps each device intent to its action and nothing else', () => {
    expect(actionForIntent('device_restart')).toBe('restart');
    expect(actionForIntent('device_lock')).toBe('lock');
    expect(actionForIntent('device_shutdown')).toBe('shutdown');
    expect(actionForIntent('device_logout')).toBe('logout');
    expect(actionForIntent('device_reset_password')).toBe('reset_password');
    expect(actionForIntent('install_software')).toBeUndefined();
  });
});

describe('extractDeviceHint', () => {
  it('names the platform when the text does, in any language', () => {
    expect(extractDeviceHint('restart my MacBook')).toEqual({ platform: 'macos', words: ['macbook'] });
    expect(extractDeviceHint('verrouille mon pc windows')).toEqual({ platform: 'windows', words: ['pc'] });
    expect(extractDeviceHint('sperr meinen iMac')?.platform).toBe('macos');
    expect(extractDeviceHint('reinicia el portátil de win 11')?.platform).toBe('windows');
    expect(extractDeviceHint('spegni il mio makbook')?.platform).toBe('macos');
    expect(extractDeviceHint('lock my winodws laptop')?.platform).toBe('windows');
    expect(extractDeviceHint('shut down my Dell please')?.platform).toBe('windows');
    expect(extractDeviceHint('redémarre mon HP')?.platform).toBe('windows');
    expect(extractDeviceHint('sperr mein Lenovo Notebook')?.platform).toBe('windows');
    expect(extractDeviceHint('fahr bitte den HP-Laptop runter')).toEqual({ platform: 'windows', words: ['laptop'] });
  });

  it('keeps the kind of computer without guessing a platform', () => {
    expect(extractDeviceHint('turn off my work pc')).toEqual({ words: ['pc'] });
    expect(extractDeviceHint('redémarre mon ordi portable')).toEqual({ words: ['computer', 'laptop'] });
    expect(extractDeviceHint('Rechner und Laptop')?.words).toEqual(['computer', 'laptop']);
  });

  it('does not mistake ordinary words for a platform', () => {
    expect(extractDeviceHint('a window keeps popping up')).toBeUndefined();
    expect(extractDeviceHint('das macht nichts')).toBeUndefined();
    expect(extractDeviceHint('')).toBeUndefined();
    expect(extractDeviceHint('pouvez-vous éteindre mon Surface ?')).toEqual({ platform: 'windows', words: ['laptop'] });
  });
});

describe('extractTicketNumber', () => {
  it('reads the number of a ticket however it is written', () => {
    expect(extractTicketNumber('any update on #2211?')).toBe(2211);
    expect(extractTicketNumber('des nouvelles du ticket n°2387 ?')).toBe(2387);
    expect(extractTicketNumber('stand von meinem ticket 4077?')).toBe(4077);
    expect(extractTicketNumber('el ticket 5012 lo mira alguien')).toBe(5012);
    expect(extractTicketNumber('what about 881')).toBe(881);
    expect(extractTicketNumber('any update on ticket-4410', true)).toBe(4410);
    expect(extractTicketNumber('INC-2231 still open?', true)).toBe(2231);
    expect(extractTicketNumber('I opened INC0045120 last week, any news?', true)).toBe(45120);
    expect(extractTicketNumber('my win11 laptop', true)).toBeUndefined();
  });

  it('ignores numbers that are not a ticket', () => {
    expect(extractTicketNumber('windows 11 on my win10 laptop since 10:30', true)).toBeUndefined();
    expect(extractTicketNumber('every 10 mins', true)).toBeUndefined();
    expect(extractTicketNumber('upgrade to win11 please')).toBeUndefined();
    expect(extractTicketNumber('my win-10 laptop since 2024-05-01', true)).toBeUndefined();
    expect(extractTicketNumber('no number here')).toBeUndefined();
    expect(extractTicketNumber('mails bounce with a 550 error, what does it mean?')).toBeUndefined();
    expect(extractTicketNumber('Fehlercode 403 beim Anmelden')).toBeUndefined();
    expect(extractTicketNumber('the intranet says HTTP 500')).toBeUndefined();
    expect(extractTicketNumber('¿Se puede recuperar la carpeta de expedientes de 2023?')).toBeUndefined();
    expect(extractTicketNumber('any news on ticket 2023?')).toBe(2023);
    expect(extractTicketNumber('sto finendo le tavole per il concorso, scadenza alle 18')).toBeUndefined();
    expect(extractTicketNumber("qu'un technicien me rappelle au 05 56 00 00 00")).toBeUndefined();
    expect(extractTicketNumber('ruf mich an: +49 171 2345678')).toBeUndefined();
    // A day of a month.
    expect(extractTicketNumber('je suis absente du 12 février au 2 mars, comment mettre une réponse automatique ?')).toBeUndefined();
    expect(extractTicketNumber('Urlaub ab 3. August, wie richte ich die Abwesenheit ein?')).toBeUndefined();
    expect(extractTicketNumber('estaré fuera el 15 de mayo')).toBeUndefined();
    expect(extractTicketNumber('call me back on 07700900123')).toBeUndefined();
    // Amounts, with their unit.
    expect(extractTicketNumber('my laptop takes like 10 min before anything opens')).toBeUndefined();
    expect(extractTicketNumber('Scanned 40 pages on the copier and they went somewhere')).toBeUndefined();
    expect(extractTicketNumber("excel freezes on the forecast file (it's big, like 40MB)")).toBeUndefined();
    expect(extractTicketNumber('le poste tourne depuis 2 semaines')).toBeUndefined();
    expect(extractTicketNumber('la batería se queda en el 80 %')).toBeUndefined();
  });

  it('reads a number glued to an abbreviation with its dot', () => {
    expect(extractTicketNumber('Ticket Nr.00815 schon bearbeitet?', true)).toBe(815);
    expect(extractTicketNumber('ticket no.4521 please', true)).toBe(4521);
  });

  it('keeps a ticket number that a unit follows when a ticket’s word comes before it', () => {
    expect(extractTicketNumber('ticket 4521 pages missing')).toBe(4521);
  });

  it('keeps a ticket number that an error follows', () => {
    expect(extractTicketNumber('ticket 4521 error again?')).toBe(4521);
  });

  it('prefers the marked number to an earlier one', () => {
    expect(extractTicketNumber('since 2 days nothing on ticket 77')).toBe(77);
  });
});

describe('extractApp', () => {
  it('gives the catalog app with nearby alternatives, or the phrase of an unknown app', () => {
    expect(extractApp('put notepad ++ on my pc', catalog, new Set())).toMatchObject({ id: 'notepad-plus-plus', phrase: 'notepad ++' });
    expect(extractApp('install Photoshop please', catalog, new Set())).toEqual({ id: null, phrase: 'Photoshop', alternatives: [] });
    expect(extractApp('install it please', catalog, new Set(['it']))).toBeUndefined();
  });

  it('gives, of several apps told of, the one named nearest before the install asked for', () => {
    const story = 'Until now I wrote my notes in Chrome. A friend told me to try Notepad++ for them. Can you install it on the office PC?';
    expect(extractApp(story, catalog, new Set())?.id).toBe('notepad-plus-plus');
    // The request's own sentence names it: the apps of the story do not count.
    expect(extractApp('Chrome works fine. Please install VLC, the clients send videos.', catalog, new Set())?.id).toBe('vlc');
  });
});
