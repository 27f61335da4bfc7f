import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { editDistance, findCatalogAppInText, matchCatalogApp, type CatalogAppRef } from './match-catalog-app.js';

const catalog = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'db', 'seed', 'catalog.json'), 'utf8'),
) as CatalogAppRef[];

// The same apps without the typo spellings the seed lists as aliases: the matcher must forgive typos by itself.
const withoutTypoAliases: CatalogAppRef[] = catalog.map((app) => ({
  ...app,
  aliases: app.aliases.filter((alias) => !['chrom', 'crome', 'firefx', 'slak', 'slck', 'teamviwer', 'acrobat rader', 'filezila', 'thunderbrid'].includes(alias)),
}));

describe('matchCatalogApp', () => {
  it('matches names and aliases whatever their spacing and punctuation', () => {
    expect(matchCatalogApp('vscode', catalog).match?.id).toBe('visual-studio-code');
    expect(matchCatalogApp('7zip', catalog).match?.id).toBe('7-zip');
    expect(matchCatalogApp('notepad ++', catalog).match?.id).toBe('notepad-plus-plus');
    expect(matchCatalogApp('Notepad++', catalog).match?.id).toBe('notepad-plus-plus');
    expect(matchCatalogApp('Draw.io', catalog).match?.id).toBe('drawio');
    expect(matchCatalogApp('Google Chrome', catalog)).toMatchObject({ confidence: 1 });
  });

  it('forgives typos without relying on the typo aliases', () => {
    const cases = { chorme: 'google-chrome', firfox: 'mozilla-firefox', slak: 'slack', teamviewr: 'teamviewer', 'acrobat rader': 'adobe-acrobat-reader', thunderbrid: 'thunderbird' };
    for (const [phrase, id] of Object.entries(cases)) {
      const result = matchCatalogApp(phrase, withoutTypoAliases);
      expect(result.match?.id).toBe(id);
      expect(result.confidence).toBeGreaterThan(0.7);
      expect(result.confidence).toBeLessThan(1);
    }
  });

  it('finds the name among other words, a little less sure', () => {
    const result = matchCatalogApp('the vlc player please', catalog);
    expect(result.match?.id).toBe('vlc');
    expect(result.confidence).toBeLessThan(1);
  });

  it('answers no match for an app the catalog lacks, with the nearest spellings as alternatives', () => {
    const result = matchCatalogApp('Photoshop', catalog);
    expect(result.match).toBeNull();
    expect(result.confidence).toBe(0);
    expect(result.alternatives.length).toBeLessThanOrEqual(3);
    expect(matchCatalogApp('thunderbirt', catalog).alternatives.map((a) => a.id)).not.toContain('thunderbird');
    expect(matchCatalogApp('microsoft', catalog).alternatives.length).toBeGreaterThan(0);
    expect(matchCatalogApp('', catalog)).toEqual({ match: null, confidence: 0, alternatives: [] });
  });

  it('prefers the longest name: "open office" is LibreOffice, "office" alone Microsoft 365', () => {
    expect(matchCatalogApp('open office', catalog).match?.id).toBe('libreoffice');
    expect(matchCatalogApp('office', catalog).match?.id).toBe('microsoft-365-apps');
  });
});

describe('findCatalogAppInText', () => {
  it('reads an ordinary word before a computer as the machine, and a long name misspelt after its first word', () => {
    expect(findCatalogAppInText('Can I have Sage 50 installed on the office PC?', catalog)).toMatchObject({ match: null, phrase: 'Sage 50' });
    expect(findCatalogAppInText('install Office on my laptop', catalog).match?.id).toBe('microsoft-365-apps');
    expect(findCatalogAppInText('instale libre ofice stp', catalog).match?.id).toBe('libreoffice');
    expect(findCatalogAppInText('my office is too cold', catalog).match?.id).not.toBe('libreoffice');
    expect(findCatalogAppInText('install spotify please, the radio in the office broke', catalog)).toMatchObject({ match: null, phrase: 'spotify' });
    expect(findCatalogAppInText('hey Marco, install Office please', catalog).match?.id).toBe('microsoft-365-apps');
  });

  it('prefers an app named, even misspelt, to one only described by an alias', () => {
    expect(findCatalogAppInText('bitwardn for me please, we are all meant to use a password manager now', catalog).match?.id).toBe('bitwarden');
    expect(findCatalogAppInText('I need a password manager', catalog).match?.id).toBe('keepassxc');
    // Or by an ordinary word that is also an app's name.
    expect(findCatalogAppInText('our office manager wants us all on Bitwardin, can I have it?', catalog, { knownWords: new Set(['office', 'our', 'manager']) }).match?.id).toBe('bitwarden');
    // A misspelt name as sure as an ordinary word's is no ordinary word: it does not yield to an unknown word before it.
    expect(findCatalogAppInText('can i have that screenshot tool greenshoot', catalog, { knownWords: new Set(['can', 'have', 'that']) }).match?.id).toBe('greenshot');
  });

  it('names an app the catalog lacks by the words typed as a product, before other unknown words', () => {
    const known = { knownWords: new Set(['ab', 'monat', 'auf', 'meinem', 'jetzt', 'auch', 'ich']) };
    expect(findCatalogAppInText('Ich übernehme ab Monat die Buchhaltung. Ich bräuchte LEXWARE jetzt auch auf meinem Rechner', catalog, known).phrase).toBe('LEXWARE');
    // Beside a word of a request rather than the first unknown word ("richten").
    const german = { knownWords: new Set(['wir', 'gerade', 'einen', 'rechner', 'die', 'das', 'ihr']) };
    expect(findCatalogAppInText('Wir richten gerade einen Rechner ein. Die Chefin hätte gern Spotify drauf.', catalog, german).phrase).toBe('Spotify');
    // The name starts at its capital, not at an unknown word before it.
    expect(findCatalogAppInText('She ran Sage 50 on her laptop and I need it too', catalog, { knownWords: new Set(['she', 'her', 'need', 'too']) }).phrase).toBe('Sage 50');
  });

  it('tells an app by a word its names share with others and the publisher named beside it', () => {
    const ordinary = { knownWords: new Set(['podria', 'instalarme', 'lector']) };
    expect(findCatalogAppInText('¿Podría instalarme el lector de PDF de Adobe?', catalog, ordinary).match?.id).toBe('adobe-acrobat-reader');
    expect(findCatalogAppInText('install the Microsoft browser', catalog).match?.id).toBe('microsoft-edge');
    // An app the catalog lacks keeps its own name, whoever publishes it.
    expect(findCatalogAppInText('install Photoshop from Adobe please', catalog)).toMatchObject({ match: null, phrase: 'Photoshop' });
  });

  it('finds the app a request names', () => {
    const result = findCatalogAppInText('can u put notepad ++ on my pc pls', catalog);
    expect(result.match?.id).toBe('notepad-plus-plus');
    expect(result.phrase).toBe('notepad ++');
    expect(findCatalogAppInText('installa chorme per favore', withoutTypoAliases).match?.id).toBe('google-chrome');
    expect(findCatalogAppInText('visual studio code installiern pls', catalog).match?.id).toBe('visual-studio-code');
    expect(findCatalogAppInText('I need 7 zip', catalog).match?.id).toBe('7-zip');
  });

  it('reports the name of an app missing from the catalog, as written', () => {
    const result = findCatalogAppInText('install Photoshop please', catalog);
    expect(result.match).toBeNull();
    expect(result.phrase).toBe('Photoshop');
    expect(findCatalogAppInText('kann ich spotify installiert bekommen?', catalog).phrase).toBe('spotify');
    expect(findCatalogAppInText('instll photoshop 2024 on my mac', catalog).phrase).toBe('photoshop 2024');
    expect(findCatalogAppInText('me instalas el fortnite jaja', catalog).phrase).toBe('fortnite');
  });

  it('tells a name spelt by ear by its sound, even after an ordinary first word', () => {
    expect(findCatalogAppInText('can you put firefocs on my pc', withoutTypoAliases).match?.id).toBe('mozilla-firefox');
    expect(findCatalogAppInText('quisiera el Libre Ofis en el portátil', withoutTypoAliases, { knownWords: new Set(['libre']) }).match?.id).toBe('libreoffice');
    // Short names sound like too many words, and a name spelt mostly otherwise is another word.
    expect(findCatalogAppInText('Installez Ciel Compta pour Thomas', catalog).match?.id).not.toBe('microsoft-teams');
    expect(findCatalogAppInText('las piezas que nos piden', catalog).match?.id).not.toBe('python');
    // A long name's first letter, typed as said: "uinscp".
    expect(findCatalogAppInText('mettimi uinscp sul portatile', withoutTypoAliases).match?.id).toBe('winscp');
  });

  it('does not read ordinary words as misspelt apps', () => {
    expect(findCatalogAppInText('my screen is black', catalog).match).toBeNull();
    expect(findCatalogAppInText('the meeting room projector', catalog).match).toBeNull();
    expect(findCatalogAppInText('my work laptop', catalog).match).toBeNull();
  });

  it('lets known words block a typo match and an unknown-app phrase', () => {
    const knownWords = new Set(['slick', 'printer', 'broken']);
    expect(findCatalogAppInText('slick', catalog).match?.id).toBe('slack');
    expect(findCatalogAppInText('slick', catalog, { knownWords }).match).toBeNull();
    expect(findCatalogAppInText('printer broken', catalog, { knownWords }).phrase).toBeNull();
  });

  it('prefers a distinctive name to an ordinary word that is also an alias', () => {
    expect(findCatalogAppInText('on my office laptop can you install zoom', catalog).match?.id).toBe('zoom');
    expect(findCatalogAppInText('install office please', catalog).match?.id).toBe('microsoft-365-apps');
  });

  it('copes with empty, emoji-only and very long text', () => {
    expect(findCatalogAppInText('', catalog)).toEqual({ match: null, confidence: 0, alternatives: [], phrase: null });
    expect(findCatalogAppInText('🙂🙂', catalog).phrase).toBeNull();
    const started = performance.now();
    findCatalogAppInText(`${'please install '.repeat(5000)}zoom`, catalog);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('a file name', () => {
  it.each([
    ['installe-moi le logiciel keygen-office-2019.exe', 'keygen-office-2019.exe'],
    ['can you install setup_zoom_v5.msi on my laptop', 'setup_zoom_v5.msi'],
    ['installa teams-crack.zip per favore', 'teams-crack.zip'],
  ])('is a word of its own, not the app inside it: %s', (text, phrase) => {
    const result = findCatalogAppInText(text, catalog);
    expect(result.match).toBeNull();
    expect(result.phrase).toBe(phrase);
  });

  it('is no catalog app when a model passes it as the app to install', () => {
    expect(matchCatalogApp('keygen-office-2019.exe', catalog).match).toBeNull();
  });

  it('leaves an app named beside a file name found', () => {
    expect(findCatalogAppInText('install zoom from ZoomInstaller.exe', catalog).match?.id).toBe('zoom');
  });
});

describe('editDistance', () => {
  it('counts a swap of neighbours as one edit and stops beyond its limit', () => {
    expect(editDistance('chrome', 'chorme')).toBe(1);
    expect(editDistance('slack', 'slak')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 1)).toBe(2);
  });
});
