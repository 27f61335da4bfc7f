import type { Language } from '../../i18n/languages.js';
import { analyzeText, createLocalEmbedder } from './local-embedder.js';

const PRINTER_DOCS: { text: string; lang: Language }[] = [
  { lang: 'fr', text: "L'imprimante n'imprime plus\n\nDepuis ce matin l'imprimante du bureau n'imprime plus mes documents." },
  { lang: 'de', text: 'Der Drucker druckt nicht\n\nMein Drucker im Büro druckt seit heute Morgen keine Dokumente mehr.' },
  { lang: 'es', text: 'La impresora no imprime\n\nDesde esta mañana la impresora de la oficina no imprime mis documentos.' },
  { lang: 'en', text: 'The printer does not print\n\nSince this morning the office printer no longer prints my documents.' },
];
const WIFI_DOC = { lang: 'fr' as const, text: 'Impossible de se connecter au Wi-Fi\n\nMon ordinateur portable ne se connecte plus au réseau Wi-Fi du bureau.' };

function cosine(a: number[], b: number[]): number {
  return a.reduce((sum, value, i) => sum + value * b[i]!, 0);
}

describe('local embedder', () => {
  it('makes unit vectors of the announced dimension', async () => {
    const embedder = await createLocalEmbedder();
    expect(embedder.name).toMatch(/^local-lexicon-v4-[0-9a-f]{8}$/);
    const vectors = [...(await embedder.embedDocuments([...PRINTER_DOCS, WIFI_DOC])), await embedder.embedQuery('vpn', 'en')];
    for (const vector of vectors) {
      expect(vector).toHaveLength(embedder.dimension);
      expect(Math.hypot(...vector)).toBeCloseTo(1, 10);
    }
  });

  it('gives the same vector, byte for byte, for the same input', async () => {
    const [first, second] = [await createLocalEmbedder(), await createLocalEmbedder()];
    const bytes = (vector: number[]) => Buffer.from(new Float64Array(vector).buffer);
    const [a] = await first.embedDocuments([PRINTER_DOCS[0]!]);
    const [b] = await second.embedDocuments([PRINTER_DOCS[0]!]);
    expect(bytes(a!).equals(bytes(b!))).toBe(true);
    const query = 'la stampante è offline';
    expect(bytes(await first.embedQuery(query)).equals(bytes(await second.embedQuery(query)))).toBe(true);
  });

  it('finds printer articles in every language for an Italian query, far ahead of a Wi-Fi article', async () => {
    const embedder = await createLocalEmbedder();
    const [wifi, ...printers] = await embedder.embedDocuments([WIFI_DOC, ...PRINTER_DOCS]);
    const query = await embedder.embedQuery('stampante', 'it');
    for (const printer of printers) expect(cosine(query, printer!)).toBeGreaterThan(cosine(query, wifi!) + 0.4);
    const wifiQuery = await embedder.embedQuery('wifi non funziona', 'it');
    for (const printer of printers) expect(cosine(wifiQuery, wifi!)).toBeGreaterThan(cosine(wifiQuery, printer!) + 0.3);
  });

  it('tolerates typos in queries', async () => {
    const embedder = await createLocalEmbedder();
    const [wifi, french, german] = await embedder.embedDocuments([WIFI_DOC, PRINTER_DOCS[0]!, PRINTER_DOCS[1]!]);
    for (const lang of ['fr', undefined] as const) {
      const query = await embedder.embedQuery('imprimnte', lang);
      expect(cosine(query, french!)).toBeGreaterThan(cosine(query, wifi!) + 0.4);
      // Only the typo correction to "imprimante" (a lexicon word) can reach the German article.
      expect(cosine(query, german!)).toBeGreaterThan(cosine(query, wifi!) + 0.4);
    }
  });

  it('detects the query language when it is not given', async () => {
    const embedder = await createLocalEmbedder();
    const query = 'la impresora no imprime nada desde ayer';
    expect(await embedder.embedQuery(query)).toEqual(await embedder.embedQuery(query, 'es'));
    expect(await embedder.embedQuery(query)).not.toEqual(await embedder.embedQuery(query, 'it'));
  });

  it("weighs a question's concepts by their rarity in the knowledge base searched", async () => {
    const embedder = await createLocalEmbedder();
    const [laptops, dock] = await embedder.embedDocuments([
      { lang: 'en', text: 'Laptop battery\n\nThe laptop battery drains fast: check which apps use the laptop most.' },
      { lang: 'en', text: 'Docking station\n\nThe docking station powers the screens and the keyboard.' },
    ]);
    const query = 'laptop docking station';
    // Without counts both concepts weigh the same; when every chunk mentions laptops, the dock decides.
    const plain = await embedder.embedQuery(query, 'en');
    const weighed = await embedder.embedQuery(query, 'en', { chunks: 100, byConcept: new Map([['laptop', 90], ['docking_station', 3]]) });
    expect(cosine(weighed, dock!) - cosine(weighed, laptops!)).toBeGreaterThan(cosine(plain, dock!) - cosine(plain, laptops!) + 0.1);
    expect(cosine(weighed, dock!)).toBeGreaterThan(cosine(weighed, laptops!));
  });

  it('weighs a document title above its body', async () => {
    const embedder = await createLocalEmbedder();
    const [printerTitled, wifiTitled] = await embedder.embedDocuments([
      { lang: 'en', text: 'Printer offline\n\nThe office wifi is also used.' },
      { lang: 'en', text: 'Office wifi\n\nThe printer is also offline.' },
    ]);
    const query = await embedder.embedQuery('printer offline', 'en');
    expect(cosine(query, printerTitled!)).toBeGreaterThan(cosine(query, wifiTitled!));
  });
});

describe('analyzeText', () => {
  it('names lexicon concepts whatever the language, for the full-text index', async () => {
    expect((await analyzeText("L'imprimante est hors ligne", 'fr')).concepts).toEqual(['printer', 'offline']);
    expect((await analyzeText('La stampante è offline', 'it')).concepts).toEqual(['printer', 'offline']);
    expect((await analyzeText('Druckerwarteschlange leeren', 'de')).concepts).toContain('print_queue');
  });

  it('reads a German compound through its parts', async () => {
    expect((await analyzeText('Der Projektordner ist weg', 'de')).concepts).toContain('folder');
  });

  it('reads inflected forms through their stem, never as typos of other words', async () => {
    expect((await analyzeText('cómo me conecto a la vpn', 'es', { query: true })).concepts).toEqual(['connection', 'vpn']);
    expect((await analyzeText('in teams sehen die anderen nicht was ich zeigen will', 'de', { query: true })).concepts).not.toContain('mouse');
  });

  it('corrects typos only for queries', async () => {
    expect((await analyzeText('imprimnte hors ligne', 'fr', { query: true })).concepts).toContain('printer');
    expect((await analyzeText('imprimnte hors ligne', 'fr')).concepts).not.toContain('printer');
  });

  it('keeps phrase function words, so "pas de son" is about sound and "j\'ai" is not AI', async () => {
    expect((await analyzeText("j'ai pas de son", 'fr')).concepts).toEqual(['audio']);
    expect((await analyzeText('la page ne se met pas à jour', 'fr')).concepts).not.toContain('audio');
  });

  it('prefers the reading that explains the most words, so a phrase does not swallow the start of a longer one', async () => {
    expect((await analyzeText('Conectarse a la red wifi de invitados', 'es')).concepts).toContain('guest_wifi');
  });

  it('reads a word written as a term as that term, where stems of two meanings collide', async () => {
    expect((await analyzeText('le casse non funzionano', 'it')).concepts).toEqual(['speaker', 'not_working']);
    expect((await analyzeText('kein Ton im Meeting', 'de')).concepts).not.toContain('toner_ink');
    expect((await analyzeText('el wifi se cae cada dos por tres', 'es')).concepts).not.toContain('cad_software');
  });

  it("does not read a short word as another language's term", async () => {
    expect((await analyzeText('cosa fai quando il wifi cade', 'it')).concepts).not.toContain('internet_provider');
    expect((await analyzeText('red x on my onedrive folder', 'en')).concepts).not.toContain('network');
  });

  it("reads in a question a phrase of another language that contains the text's own terms and explains more words", async () => {
    expect((await analyzeText('email suspect', 'en', { query: true })).concepts).toEqual(['phishing']);
    expect((await analyzeText('VPN lenta', 'en', { query: true })).concepts).toEqual(['slow_connection']);
    expect((await analyzeText('my vpn is lenta', 'en', { query: true })).concepts).toEqual(['vpn', 'slow']);
  });

  it('returns the stems of content words only', async () => {
    expect((await analyzeText('The printers are not printing', 'en')).stems).toEqual(['printer', 'print']);
  });
});
