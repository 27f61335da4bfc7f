import { getLIDModel } from 'fasttext.wasm.js';
import { detectLanguage } from './detect-language.js';

describe('detectLanguage', () => {
  it('recognizes each of the five languages in short user questions', async () => {
    const samples = {
      en: 'my laptop will not connect to the office wifi',
      fr: "je n'arrive plus à imprimer depuis ce matin",
      de: 'Outlook zeigt keine neuen E-Mails mehr an',
      es: 'olvidé la contraseña del correo y no puedo entrar',
      it: 'la stampante non stampa più niente',
    };
    for (const [lang, text] of Object.entries(samples)) {
      const detected = await detectLanguage(text);
      expect(detected?.lang).toBe(lang);
      expect(detected!.confidence).toBeGreaterThan(0.1);
      expect(detected!.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('answers Spanish where fastText alone ranks Portuguese first', async () => {
    const model = await getLIDModel();
    for (const text of ['la impresora no imprime', 'computadora lenta']) {
      expect((await model.identify(text, 1))[0].alpha2).toBe('pt');
      expect((await detectLanguage(text))?.lang).toBe('es');
    }
  });

  it('reads text over several lines', async () => {
    expect((await detectLanguage('Der Drucker\nist offline\nund druckt nicht'))?.lang).toBe('de');
  });

  it('gives no answer for text without a language signal', async () => {
    for (const text of ['', '   ', 'ok', '12345 678', '?!']) expect(await detectLanguage(text)).toBeUndefined();
  });
});
