import { describe, expect, it } from '@jest/globals';
import { asksForAccess } from './asks-for-access.js';

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
});
