import { isNegation, isStopWord, normalize, tokenize } from './normalize.js';
import { stem } from './stem.js';

describe('normalize', () => {
  it('lowercases and strips accents so that unaccented typing matches', () => {
    expect(normalize('Mot de passe OUBLIÉ, Lautstärke, contraseña, perché')).toBe('mot de passe oublie, lautstarke, contrasena, perche');
  });
});

describe('tokenize', () => {
  it('splits Romance elisions off the word but keeps English contractions whole', () => {
    expect(tokenize("L'imprimante n’imprime pas")).toEqual(['l', 'imprimante', 'n', 'imprime', 'pas']);
    expect(tokenize("j'ai cliqué dell'account")).toEqual(['j', 'ai', 'clique', 'dell', 'account']);
    expect(tokenize("Outlook doesn't sync, I can't log in")).toEqual(['outlook', 'doesnt', 'sync', 'i', 'cant', 'log', 'in']);
  });

  it('joins short hyphenated prefixes and splits hyphenated compounds', () => {
    expect(tokenize('Wi-Fi, E-Mail, Wi-Fi-Netz')).toEqual(['wifi', 'email', 'wifi', 'netz']);
    expect(tokenize('WLAN-Netz Windows-Updates out-of-office')).toEqual(['wlan', 'netz', 'windows', 'updates', 'out', 'of', 'office']);
  });

  it('keeps digits and drops punctuation', () => {
    expect(tokenize('Office 365 (2. OG) -- VPN!!')).toEqual(['office', '365', '2', 'og', 'vpn']);
    expect(tokenize('  ¿?  ')).toEqual([]);
  });
});

describe('stop words', () => {
  it('are per language, or from any language when the language is unknown', () => {
    expect(isStopWord('the', 'en')).toBe(true);
    expect(isStopWord('printer', 'en')).toBe(false);
    expect(isStopWord('der', 'en')).toBe(false);
    expect(isStopWord('der')).toBe(true);
    expect(isStopWord('perche', 'it')).toBe(true);
  });

  it('leave negations out, which phrases such as "ne fonctionne pas" need', () => {
    for (const [word, lang] of [['pas', 'fr'], ['nicht', 'de'], ['non', 'it'], ['no', 'es'], ['doesnt', 'en']] as const) {
      expect(isStopWord(word, lang)).toBe(false);
      expect(isNegation(word, lang)).toBe(true);
    }
    expect(isNegation('drucker', 'de')).toBe(false);
  });
});

describe('stem', () => {
  it('reduces inflections to one stem per language', () => {
    expect(stem('imprimantes', 'fr')).toBe(stem('imprimante', 'fr'));
    expect(stem('druckern', 'de')).toBe(stem('drucker', 'de'));
    expect(stem('stampanti', 'it')).toBe(stem('stampante', 'it'));
    expect(stem('printers', 'en')).toBe('printer');
  });
});
