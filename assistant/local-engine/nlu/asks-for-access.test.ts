import { describe, expect, it } from '@jest/globals';
import { asksForAccess, asksForAccount, requestsAccess } from './asks-for-access.js';

describe('asksForAccess', () => {
  it('hears rights asked for in the five languages, German compounds and Italian "diritti" included', () => {
    for (const text of [
      'could I get edit rights on the Marketing channel?',
      'Ich brauche Adminrechte auf meinem Laptop',
      'bitte Schreibberechtigung für den Ordner',
      'Avrei bisogno dei diritti di amministratore sul portatile',
      'necesito privilegios de administrador',
      "j'ai besoin des droits admin sur mon poste",
    ]) {
      expect(asksForAccess(text)).toBe(true);
    }
  });

  it('leaves an app asked for the access it gives alone', () => {
    expect(asksForAccess('Citrix Workspace für den Zugriff auf das ERP')).toBe(false);
    expect(asksForAccess('install Zoom please')).toBe(false);
    expect(asksForAccess('Ich brauche Git und habe keine Adminrechte, kannst du es installieren?')).toBe(false);
    expect(asksForAccess("I don't have admin rights, please install Python")).toBe(false);
  });

  it('hears access asked to be given, and leaves how-to questions and refusals to the articles', () => {
    for (const text of ['Solicito acceso al programa de nóminas, me lo ha autorizado el gerente', 'could I get access to the HR folder?', 'Dovreste dare a Marco l’accesso al gestionale']) {
      expect(requestsAccess(text)).toBe(true);
    }
    for (const text of ["I can't get into the shared drive since this morning, it just says access denied", 'how do I request access to the CRM?', 'Accès refusé sur le dossier Compta']) {
      expect(requestsAccess(text)).toBe(false);
    }
  });
});

describe('asksForAccount', () => {
  it.each([
    'Neuer Kollege ab 1. März, Markus Weber (Zerspanung), bitte Benutzerkonto und E-Mail anlegen',
    'could you set up a mailbox for the new hire starting Monday?',
    // Said to need closing, with how it goes on asked in another sentence.
    "A fine mese se ne va Paolo. Il suo account va disattivato dal primo. Come procediamo con le sue mail?",
    'pouvez-vous créer un compte pour notre nouvelle assistante ?',
    'hay que crear un usuario para la chica nueva de recepción',
    'potete creare un account email per il nuovo magazziniere?',
    "La sig.ra Conti va in pensione a fine mese, bisogna disattivarle l'account e girare la sua mail alla Marta",
    "Mark leaves on Friday, please disable his account",
    'Herr Huber ist ausgeschieden, bitte sein Konto deaktivieren',
    'Por favor, den de baja las cuentas de Sergio, dejó la empresa ayer',
    'Priya finished here yesterday, could you switch off her account?',
  ])('asks: %s', (text) => {
    expect(asksForAccount(text)).toBe(true);
  });

  it.each(["I can't log into my account since this morning", 'how do I create an account in Teams?', 'mon compte est bloqué', 'my account was disabled this morning, why?', 'hi, quick one - how do I set up my work email on my personal iPhone?'])('does not ask: %s', (text) => {
    expect(asksForAccount(text)).toBe(false);
  });
});
