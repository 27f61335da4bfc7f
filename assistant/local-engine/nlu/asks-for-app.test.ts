import { describe, expect, it } from '@jest/globals';
import { asksToInstall, wantsApp } from './asks-for-app.js';

describe('wantsApp', () => {
  it.each([
    ['necesito el adobe reader que no puedo abrir los pdf', 'adobe reader'],
    ['quiero el bitwarden para guardar las contraseñas', 'bitwarden'],
    ['Mir fehlt der Acrobat Reader, kann man den installieren?', 'Acrobat Reader'],
    ['mi servirebbe python 3 per uno script', 'python'],
    ['Brauch Notepad++ für die CNC-Dateien von der Fräse', 'Notepad++'],
    ["j'ai besoin de VLC pour lire les vidéos du client", 'VLC'],
    // With a word between, and "wie" as "as", not "how".
    ['Ich möchte gerne das Programm Gimp haben, wie in der alten Schule', 'Gimp'],
  ])('wants a catalog app: %s', (text, phrase) => {
    expect(wantsApp(text, phrase, true)).toBe(true);
  });

  it.each([
    ['je voudrais Genapi sur mon nouveau poste', 'Genapi'],
    ["I'd like Spotify on my work PC if that's allowed", 'Spotify'],
    ['ich bräuchte Blender auf meinem Rechner', 'Blender'],
    ['vorrei il gestionale Danea Easyfatt', 'Danea Easyfatt'],
    ['vorrei SketchUp per i progetti', 'SketchUp'],
    ['Necesito Canva de escritorio para hacer los carteles', 'Canva'],
    // Told of first, wanted after: every place it is named counts.
    ['Bisher lief das mit Lexware bei Frau Krause. Jetzt bräuchte ich Lexware auch auf meinem Rechner', 'Lexware'],
    ["Je souhaiterais disposer de l'application Obsidian sur mon poste pour mes notes", 'Obsidian'],
  ])('wants an app the catalog lacks on a computer: %s', (text, phrase) => {
    expect(wantsApp(text, phrase, false)).toBe(true);
  });

  it.each([
    ['I need help with Excel, the formulas are gone', 'Excel', true],
    ['Outlook keeps asking for my password', 'Outlook', true],
    ['how do I get Zoom to use my headset?', 'Zoom', true],
    // Anything may follow "I need"; only a place on a computer makes an unknown word an app.
    ['I need Sandra to sign the form today', 'Sandra', false],
    ['je voudrais Genapi', 'Genapi', false],
  ])('does not want it: %s', (text, phrase, inCatalog) => {
    expect(wantsApp(text, phrase, inCatalog)).toBe(false);
  });
});

describe('asksToInstall', () => {
  it.each([
    'installe moi photoshop',
    '¿Se puede instalar SketchUp?',
    'Si può installare WinRAR?',
    'Bitte WinSCP installieren, brauche Zugriff auf den Webserver',
    'Können Sie mir SketchUp installieren? Für die Küchenplanung',
    'Kannst du WinSCP beim Kollegen Meier draufmachen?',
    "can I get WinRAR installed? I've got a zip from a client",
    'me instalas el Teams?',
    'potete installarmi Blender?',
    "potete mettermi l'adobe illustrator?",
    'Pon el programa de la clínica, el Qvet, en el ordenador de Marta',
    'Pour la nouvelle vendeuse, vous pouvez mettre Chrome sur le PC de la boutique ?',
    'el informático de la web me pide que instale Postman para probar lo de las reservas',
    'the scale supplier asked me to install AnyDesk',
    "Need Sage 50 installed on Helen's new laptop, she starts on Monday",
  ])('asks: %s', (text) => {
    expect(asksToInstall(text)).toBe(true);
  });

  it.each([
    'how do I install the VPN client?',
    'I installed Zoom yesterday and now it crashes',
    'Windows hat gestern Updates installiert und jetzt ist alles langsam',
    "l'installation de Teams bloque à 80 %",
    'se instaló una actualización y ya no imprime',
    'can you put me through to someone in IT?',
    'pon el volumen más alto en la sala',
    'el Excel me pone los números como fechas al pegar los datos',
  ])('does not ask: %s', (text) => {
    expect(asksToInstall(text)).toBe(false);
  });
});
