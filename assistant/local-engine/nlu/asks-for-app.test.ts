import { describe, expect, it } from '@jest/globals';
import { wantsApp } from './asks-for-app.js';

describe('wantsApp', () => {
  it.each([
    ['necesito el adobe reader que no puedo abrir los pdf', 'adobe reader'],
    ['quiero el bitwarden para guardar las contraseñas', 'bitwarden'],
    ['Mir fehlt der Acrobat Reader, kann man den installieren?', 'Acrobat Reader'],
    ['mi servirebbe python 3 per uno script', 'python'],
    ["j'ai besoin de VLC pour lire les vidéos du client", 'VLC'],
  ])('wants it: %s', (text, phrase) => {
    expect(wantsApp(text, phrase)).toBe(true);
  });

  it.each([
    ['I need help with Excel, the formulas are gone', 'Excel'],
    ['Outlook keeps asking for my password', 'Outlook'],
    ['how do I get Zoom to use my headset?', 'Zoom'],
  ])('asks about it: %s', (text, phrase) => {
    expect(wantsApp(text, phrase)).toBe(false);
  });
});
