import type { Language } from '../../i18n/languages.js';

/** Lowercase and strip accents, so "Réseau", "reseau" and "RÉSEAU" compare equal whatever the user typed. */
export function normalize(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
}

// Letters and digits, joined by inner hyphens and apostrophes, which tokenize then resolves.
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** Normalized words of a text, in order. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const [word] of normalize(text).matchAll(WORD)) {
    if (!/[-'’]/.test(word)) {
      tokens.push(word);
      continue;
    }
    let carry = '';
    const parts = word.split('-');
    parts.forEach((part, index) => {
      const pieces = splitApostrophes(part);
      pieces[0] = carry + pieces[0];
      carry = '';
      // "wi-fi" and "e-mail" are one word written in two pieces, while "windows-updates" or "out-of-office"
      // are several words: a first piece of at most two characters is a prefix, glued to the next piece.
      if (index === 0 && pieces.length === 1 && pieces[0].length <= 2 && parts.length > 1) carry = pieces[0];
      else tokens.push(...pieces);
    });
  }
  return tokens;
}

// English contractions keep their tail ("doesn't" → "doesnt", as users also type it); Romance elisions split
// off the article or pronoun ("l'imprimante" → "l", "imprimante"; "j'ai" → "j", "ai").
const CONTRACTION_TAILS = new Set(['t', 's', 'd', 'm', 're', 've', 'll']);

function splitApostrophes(part: string): [string, ...string[]] {
  const pieces = part.split(/['’]/) as [string, ...string[]];
  return pieces.length === 2 && CONTRACTION_TAILS.has(pieces[1] ?? '') ? [pieces.join('')] : pieces;
}

// Function words, pronouns, auxiliaries and filler in the form tokenize produces (accents stripped, elided
// articles split off, English contractions glued). Negations are deliberately absent: lexicon phrases such as
// "ne fonctionne pas" or "non riesco" need them, so they have their own list below.
const STOP_WORDS: Record<Language, ReadonlySet<string>> = {
  en: words(`a an the and or but if so as of to in on at by for from with without into onto about over under
    up down out off than then too very just also only even still again this that these those there here it its
    i im ive id me my mine we our us you your yours he him his she her they them their what which who whom whose
    when where why how is are was were be been being am do does did done doing have has had having will would
    shall should can could may might must get gets got getting want wants some any all each every both few more most other
    such own same please thanks thank hello hi dear ok okay now today yesterday one s t d ll m re ve`),
  fr: words(`le la les l un une des du de d au aux a et ou mais donc or ni car que qu qui quoi dont ou ce cet
    cette ces c ca cela ceci il ils elle elles on je j tu t nous vous me m te se s lui leur leurs mon ma mes ton
    ta tes son sa ses notre nos votre vos y en dans sur sous par pour avec sans chez vers entre est sont suis es
    etes sommes etait etaient ete etre ai as avons avez ont avait avoir fait faire fais peut peux pouvez doit dois
    tres aussi encore deja bien tout tous toute toutes meme comme quand comment pourquoi alors si bonjour merci veux veut voudrais
    svp stp salut madame monsieur aujourd hui hier`),
  de: words(`der die das den dem des ein eine einen einem einer eines und oder aber sondern denn dass ob wenn als
    wie wo was wer wen wem warum weshalb ich mich mir du dich dir er sie es ihn ihm ihr ihnen wir uns euch man
    mein meine meinen meinem meiner dein deine sein seine ihre unser unsere euer eure dieser diese dieses diesen
    diesem jener im in ins am an auf aus bei mit nach von vom zu zum zur fur uber unter vor hinter durch gegen
    ohne um bis ist sind bin bist war waren wird werden wurde wurden sei hat habe haben hatte hatten kann konnen
    konnte muss mussen soll sollte will mochte auch noch schon nur sehr so da dann doch ja mal hier dort bitte
    danke hallo guten tag heute gestern etwa firma statt anstatt`),
  es: words(`el la los las lo un una unos unas y e o u pero sino que de del al a en por para con sin sobre entre
    hasta desde hacia segun es son soy eres somos fue fueron era eran ser estar esta estan estoy estas estaba
    este ese esa eso esto estos esas esos aquel he ha han has hemos habia haber hay yo me mi mis tu te ti tus
    usted ustedes el ella ellos ellas nos nosotros vosotros os se su sus le les mio suyo muy mas tambien ya aun
    todo todos toda todas como cuando donde porque si hola gracias favor buenos buenas dias hoy ayer puede pueden
    quiero quiere quisiera`),
  it: words(`il lo la i gli le l un uno una un e ed o ma che di del della dello dei degli delle dell a al alla allo
    ai agli alle all da dal dalla dai dagli dalle in nel nella nello nei negli nelle nell su sul sulla sui sugli
    sulle per con tra fra è e sono sei siamo siete era erano essere stato stata ho hai ha abbiamo avete hanno
    avere io mi me tu ti te lui lei noi ci voi vi loro si mio mia miei mie tuo tua suo sua suoi sue nostro vostro
    questo questa questi queste quello quella quelli come quando dove perche se anche ancora gia molto piu tutto
    tutti tutta tutte ciao grazie buongiorno salve oggi ieri cosa qualcosa voglio vuoi vuole vorrei
    faccio fai fare sai`),
};

// Kept for phrase matching, dropped from word features: they occur everywhere and mean nothing alone.
const NEGATIONS: Record<Language, ReadonlySet<string>> = {
  en: words('not no never nothing dont doesnt didnt isnt wasnt wont cant cannot couldnt arent aint nor'),
  fr: words('ne n pas plus jamais rien aucun aucune'),
  de: words('nicht nichts kein keine keinen keinem keiner nie niemals'),
  es: words('no ni nunca nada ningun ninguna tampoco'),
  it: words('non no mai niente nulla nessun nessuno nessuna neanche'),
};

const ANY_LANGUAGE_STOP_WORDS: ReadonlySet<string> = new Set(Object.values(STOP_WORDS).flatMap((set) => [...set]));

/** Without a language, a word counts as a stop word if it is one in any supported language. */
export function isStopWord(token: string, lang?: Language): boolean {
  return (lang ? STOP_WORDS[lang] : ANY_LANGUAGE_STOP_WORDS).has(token);
}

export function isNegation(token: string, lang?: Language): boolean {
  return lang ? NEGATIONS[lang].has(token) : Object.values(NEGATIONS).some((set) => set.has(token));
}

function words(list: string): ReadonlySet<string> {
  return new Set(normalize(list).split(/\s+/).filter(Boolean));
}
