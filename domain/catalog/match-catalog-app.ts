import { doubleMetaphone } from 'double-metaphone';
import { isStopWord, normalize } from '../../kb-index/text/normalize.js';

export type CatalogAppRef = { id: string; name: string; aliases: string[]; publisher?: string };

export type CatalogMatch = {
  /** The app the phrase names, or null when no app of the catalog is close enough. */
  match: CatalogAppRef | null;
  /** 1 for an exact name or alias, less for a typo or a name buried in other words; 0 without a match. */
  confidence: number;
  /** The nearest other apps by spelling, best first: what to suggest when there is no match. */
  alternatives: CatalogAppRef[];
};

export type CatalogMention = CatalogMatch & {
  /**
   * The words of the text that name an app, as the user wrote them: the matched name, or, without a match,
   * the words that look like an app name ("Photoshop" in "install Photoshop please"), or null.
   */
  phrase: string | null;
};

export type FindCatalogAppOptions = {
  /**
   * Normalized words known to be ordinary words of the user's languages (a classifier's vocabulary): never
   * read as a misspelt app name ("black" is not "slack") nor as the name of an app missing from the catalog.
   */
  knownWords?: ReadonlySet<string>;
};

const MAX_ALTERNATIVES = 3;
// A name needs this many characters before one typo is forgiven ("slak", "chorme"), and this many for two.
const ONE_TYPO_FROM = 4;
const TWO_TYPOS_FROM = 9;
// The longest app name we look for, in words ("google chrome browser", "gnu image manipulation program").
const MAX_WINDOW = 4;
// How sure an exact one-word name is when the word is also an ordinary word.
const ORDINARY_WORD_CONFIDENCE = 0.9;
// A name of several words this long is told by its first word when the others are misspelt into ordinary words.
const LONG_NAME = 8;
// Words for a computer, after which an ordinary word names the machine ("the office PC").
const COMPUTER_WORDS = new Set(normalize('pc pcs computer laptop desktop machine workstation notebook mac ordinateur ordi poste rechner ordenador portatil equipo portatile postazione').split(' '));
// Spelling similarity below which another app is not worth suggesting.
const MIN_ALTERNATIVE_SIMILARITY = 0.25;

// Words around an app name in a request, in our five languages, typos included where users make them often:
// none of them is part of an app's name. Stop words of every language are excluded as well.
const REQUEST_WORDS = new Set(
  normalize(`
  install installs installed installing instal installl reinstall setup set put get give need needs want wanna
  would like have add download deploy use please pls plz thx thanks hey hi hello can could may you u me my mine
  for on onto in the a an some new latest version copy license app apps application software program tool
  laptop computer pc desktop machine workstation notebook mac macbook imac windows device work office asap
  installer installe installez installes installé installée mettre mets mettez met voudrais veux voulez aimerais
  besoin faut faudrait avoir ajouter ajoute télécharger telecharge déployer logiciel application ordinateur ordi
  poste portable boulot travail stp svp merci moi mon ma mes sur
  installieren installiere installiert installier instalieren bekommen bekomme brauche brauchen hätte hätten
  gern gerne möchte möchten will haben bitte danke mir mein meine meinen meinem auf dem den der die das ein eine
  einen rechner programm software anwendung runterladen herunterladen draufmachen drauf machen
  instalar instala instálame instalame instalas instalen instalación poner pon ponme pones pongas quiero
  quisiera necesito necesita tener descargar programa aplicación ordenador portátil portatil equipo compu
  porfa favor por gracias mi mis en el la un una
  installare installa installami installate installi mettere metti mettimi mettete vorrei voglio serve
  servirebbe avere scaricare programma applicazione portatile postazione grazie mio mia sul sulla per
  lol haha jaja jeje mdr xd ok okay
`)
    .split(/\s+/)
    .filter(Boolean),
);
// Request verbs are often misspelt too ("instll", "instalieren"): these forgive one typo.
const REQUEST_VERBS = [...REQUEST_WORDS].filter((word) => word.length >= 6);

type Token = { key: string; start: number; end: number };
type AppKey = { key: string; app: CatalogAppRef; grams: Set<string> };
/**
 * `ordinary`: named by a one-word name that is also an ordinary word ("office"). `described`: named by an alias of several
 * words none of which is in its name ("password manager"): what it is, not which.
 */
type Candidate = { app: CatalogAppRef; confidence: number; start: number; end: number; ordinary?: boolean; described?: boolean };
/** A catalog prepared for matching: every written form by its compact key, and by its first letter for typos. */
type CatalogIndex = { keys: Map<string, AppKey>; byFirstLetter: Map<string, AppKey[]>; bySound: Map<string, AppKey[]>; byTail: Map<string, AppKey> };

/** Lowercase, no accents, only letters, digits and plus signs: "Notepad ++", "notepad++" and "NotePad++" agree. */
function compact(text: string): string {
  return normalize(text).replace(/[^\p{L}\p{N}+]/gu, '');
}

// A file name ("keygen-office-2019.exe", "setup_zoom.msi") is one word: it names a file, and an app's name inside
// it is a fragment of another word, never a request for that app.
const FILE_NAME_SOURCE = String.raw`[\p{L}\p{N}][\p{L}\p{N}._-]*\.(?:exe|msi|msix|appx|dmg|pkg|app|zip|rar|7z|iso|apk|bat|cmd|ps1|sh|deb|rpm|jar)(?![\p{L}\p{N}])`;
export const FILE_NAME = new RegExp(FILE_NAME_SOURCE, 'giu');
const WORD_OR_FILE = new RegExp(`${FILE_NAME_SOURCE}|[\\p{L}\\p{N}]+|\\++`, 'gu');

function tokens(text: string): Token[] {
  const out: Token[] = [];
  const normalized = normalize(text);
  // normalize() keeps the length of plain text but not of every composed character: positions are taken from
  // the original when the two agree, else the phrase falls back to the normalized words.
  const aligned = normalized.length === text.length;
  for (const m of normalized.matchAll(WORD_OR_FILE)) {
    const start = aligned ? m.index : -1;
    out.push({ key: m[0], start, end: aligned ? m.index + m[0].length : -1 });
  }
  return out;
}

// Built once per catalog content: a catalog read afresh for each message is a new array with the same apps.
const indexes = new Map<string, CatalogIndex>();
// A few tenants' catalogs at a time; a bigger fleet rebuilds an index now and then, which costs a millisecond.
const INDEX_CACHE_LIMIT = 32;

// One message looks its catalog up several times: the same array skips even the signature.
const byArray = new WeakMap<readonly CatalogAppRef[], CatalogIndex>();

function indexOf(apps: readonly CatalogAppRef[]): CatalogIndex {
  const known = byArray.get(apps);
  if (known) return known;
  // The whole content, so that the apps handed back from a cached index equal the caller's in every field.
  const signature = JSON.stringify(apps);
  let index = indexes.get(signature);
  if (index) {
    byArray.set(apps, index);
    return index;
  }
  index = { keys: new Map(), byFirstLetter: new Map(), bySound: new Map(), byTail: new Map() };
  for (const app of apps) {
    for (const form of [app.name, app.id, ...app.aliases]) {
      const key = compact(form);
      // The first app keeps a key two apps share.
      if (!key || index.keys.has(key)) continue;
      const entry = { key, app, grams: trigrams(key) };
      index.keys.set(key, entry);
      const sameLetter = index.byFirstLetter.get(key[0]!) ?? [];
      sameLetter.push(entry);
      index.byFirstLetter.set(key[0]!, sameLetter);
      const sound = soundOf(key);
      if (sound) index.bySound.set(sound, [...(index.bySound.get(sound) ?? []), entry]);
      if (key.length >= FIRST_LETTER_TYPO_FROM && !index.byTail.has(key.slice(1))) index.byTail.set(key.slice(1), entry);
    }
  }
  if (indexes.size >= INDEX_CACHE_LIMIT) indexes.delete(indexes.keys().next().value!);
  indexes.set(signature, index);
  byArray.set(apps, index);
  return index;
}

/** Optimal string alignment distance (a swap of two neighbours counts as one edit), or limit + 1 beyond limit. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, prevPrev[j - 2]! + 1);
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

function allowedTypos(length: number): number {
  if (length >= TWO_TYPOS_FROM) return 2;
  return length >= ONE_TYPO_FROM ? 1 : 0;
}

// A long name's first letter alone may be wrong, typed as it is said: "uinscp" is WinSCP.
const FIRST_LETTER_TYPO_FROM = 6;

/**
 * Exact key first; else the closest key within the typos its length allows, else one that sounds the same, else a long one
 * whose first letter alone differs, with its similarity.
 */
function lookUp(key: string, index: CatalogIndex): { app: CatalogAppRef; similarity: number } | undefined {
  const exact = index.keys.get(key);
  if (exact) return { app: exact.app, similarity: 1 };
  const firstLetterWrong = key.length >= FIRST_LETTER_TYPO_FROM ? index.byTail.get(key.slice(1)) : undefined;
  return withinTypos(key, index) ?? soundsLike(key, index) ?? (firstLetterWrong && { app: firstLetterWrong.app, similarity: 1 - 1 / key.length });
}

function withinTypos(key: string, index: CatalogIndex): { app: CatalogAppRef; similarity: number } | undefined {
  const limit = allowedTypos(key.length);
  if (limit === 0) return undefined;
  let best: { app: CatalogAppRef; similarity: number } | undefined;
  let bestDistance = limit + 1;
  // Users mistype inside a name, rarely its first letter: "slak" is Slack, "black" is not.
  for (const candidate of index.byFirstLetter.get(key[0]!) ?? []) {
    // Never forgiven on digits: "pdf24" is not "pdf 25".
    if (/\d/.test(candidate.key)) continue;
    const candidateLimit = Math.min(limit, allowedTypos(candidate.key.length));
    if (candidateLimit === 0) continue;
    const distance = editDistance(key, candidate.key, candidateLimit);
    if (distance <= candidateLimit && distance < bestDistance) {
      bestDistance = distance;
      best = { app: candidate.app, similarity: 1 - distance / Math.max(key.length, candidate.key.length) };
    }
  }
  return best;
}

// Spelt by ear ("firefocs", "Libre Ofis"), a name sounds as it should: names this long and with this many sounds are told
// by their sound, from the same first letter and spelt mostly alike; shorter ones sound like too many words ("Thomas" is
// no Teams, "piden" no Python).
const SOUND_FROM = 5;
const MIN_SOUNDS = 4;
const MIN_SOUND_SIMILARITY = 0.6;

/** The name's sound (Double Metaphone's primary code), or undefined for a name too short or with digits to be told by ear. */
function soundOf(key: string): string | undefined {
  if (key.length < SOUND_FROM || /\d/.test(key)) return undefined;
  const [sound] = doubleMetaphone(key);
  return sound.length >= MIN_SOUNDS ? sound : undefined;
}

/** The app whose name sounds like the key, with its spelling's similarity. */
function soundsLike(key: string, index: CatalogIndex): { app: CatalogAppRef; similarity: number } | undefined {
  const sound = soundOf(key);
  if (!sound) return undefined;
  for (const candidate of index.bySound.get(sound) ?? []) {
    if (candidate.key[0] !== key[0]) continue;
    const similarity = 1 - editDistance(key, candidate.key) / Math.max(key.length, candidate.key.length);
    if (similarity >= MIN_SOUND_SIMILARITY) return { app: candidate.app, similarity };
  }
  return undefined;
}

function trigrams(text: string): Set<string> {
  const padded = `  ${text} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

function dice(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return (2 * shared) / Math.max(1, a.size + b.size);
}

/** Apps ranked by how close one of their names is to the phrase's spelling, excluding one app. */
function nearestApps(phrase: string, apps: readonly CatalogAppRef[], exclude?: CatalogAppRef): CatalogAppRef[] {
  const grams = trigrams(compact(phrase));
  if (grams.size === 0) return [];
  const best = new Map<CatalogAppRef, number>();
  for (const entry of indexOf(apps).keys.values()) {
    if (entry.app === exclude) continue;
    best.set(entry.app, Math.max(best.get(entry.app) ?? 0, dice(grams, entry.grams)));
  }
  return [...best]
    .filter(([, score]) => score >= MIN_ALTERNATIVE_SIMILARITY)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_ALTERNATIVES)
    .map(([app]) => app);
}

// Whether a word is a request word, typos forgiven, depends on the word alone: remembered, within a bound.
const requestWordCache = new Map<string, boolean>();
const REQUEST_WORD_CACHE_LIMIT = 20_000;

function isRequestWord(key: string): boolean {
  if (REQUEST_WORDS.has(key)) return true;
  if (key.length < 5) return false;
  let known = requestWordCache.get(key);
  if (known === undefined) {
    known = REQUEST_VERBS.some((verb) => verb[0] === key[0] && Math.abs(verb.length - key.length) <= 1 && editDistance(key, verb, 1) <= 1);
    if (requestWordCache.size >= REQUEST_WORD_CACHE_LIMIT) requestWordCache.clear();
    requestWordCache.set(key, known);
  }
  return known;
}

/** Whether a word can be part of an app name the catalog does not know. */
function isContentWord(key: string, options: FindCatalogAppOptions): boolean {
  if (/^\d+$/.test(key) || key.length < 2) return false;
  return !(isStopWord(key) || options.knownWords?.has(key) || isRequestWord(key));
}

/** Every stretch of up to MAX_WINDOW words that names an app, exactly or with typos. */
function candidatesIn(words: Token[], index: CatalogIndex, options: FindCatalogAppOptions): Candidate[] {
  const found: Candidate[] = [];
  for (let i = 0; i < words.length; i++) {
    let key = '';
    for (let j = i; j < Math.min(words.length, i + MAX_WINDOW); j++) {
      key += words[j]!.key;
      const exact = index.keys.get(key);
      if (exact) {
        // A one-word name that is also an ordinary word ("office", "code") yields to a distinctive one, and names the
        // machine, not an app, before a computer's word ("install Sage 50 on the office PC").
        const ordinary = j === i && !isContentWord(key, options);
        if (ordinary && COMPUTER_WORDS.has(words[j + 1]?.key ?? '')) continue;
        const name = compact(`${exact.app.name} ${exact.app.id}`);
        const described = j > i && words.slice(i, j + 1).every((word) => !name.includes(word.key));
        found.push({ app: exact.app, confidence: ordinary ? ORDINARY_WORD_CONFIDENCE : 1, start: i, end: j + 1, ordinary, described });
        continue;
      }
      // A typo is only assumed in words that are not ordinary words: "black" stays black, "slak" is Slack. A name of
      // several words long enough is told by its first, the rest misspelt as they may be ("libre ofice"), or by its sound
      // when its first word is an ordinary one ("Libre Ofis").
      const stretch = words.slice(i, j + 1);
      const ordinaryWords = stretch.filter((word) => word.key !== '++' && !isContentWord(word.key, options));
      const longName = stretch.length > 1 && key.length >= LONG_NAME;
      if (ordinaryWords.length > 0 && !longName) continue;
      const byEar = ordinaryWords.includes(stretch[0]!);
      if (byEar && ordinaryWords.length === stretch.length) continue;
      const near = byEar ? soundsLike(key, index) : lookUp(key, index);
      if (near) found.push({ app: near.app, confidence: near.similarity, start: i, end: j + 1 });
    }
  }
  return found;
}

function bestCandidate(found: Candidate[]): Candidate | undefined {
  // An app named before one described ("bitwardon on my laptop, boss wants us all using a password manager") or told by an
  // ordinary word ("our office manager … mentioned Bitwardin"); then exact before typo, then the longest stretch: "open
  // office" is LibreOffice even though "office" alone is Microsoft 365.
  const rank = (candidate: Candidate) => Number(candidate.described ?? false) * 2 + Number(candidate.ordinary ?? false);
  return [...found].sort((a, b) => rank(a) - rank(b) || b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start)[0];
}

/** The catalog app a phrase names ("vscode", "notepad ++", "chorme"), tolerating typos and spacing. */
export function matchCatalogApp(phrase: string, apps: CatalogAppRef[]): CatalogMatch {
  const index = indexOf(apps);
  const whole = compact(phrase);
  if (!whole) return { match: null, confidence: 0, alternatives: [] };
  const direct = lookUp(whole, index);
  if (direct) return { match: direct.app, confidence: direct.similarity, alternatives: nearestApps(phrase, apps, direct.app) };
  // The name may come with other words ("the vlc player for videos"): the best stretch counts, a little less.
  const words = tokens(phrase);
  const best = bestCandidate(candidatesIn(words, index, {}));
  if (best) {
    const share = words.slice(best.start, best.end).reduce((n, w) => n + w.key.length, 0) / whole.length;
    return { match: best.app, confidence: best.confidence * (0.8 + 0.2 * share), alternatives: nearestApps(phrase, apps, best.app) };
  }
  return { match: null, confidence: 0, alternatives: nearestApps(phrase, apps) };
}

function slice(text: string, words: Token[], start: number, end: number): string {
  const first = words[start]!;
  const last = words[end - 1]!;
  if (first.start >= 0 && last.end >= 0) return text.slice(first.start, last.end);
  return words
    .slice(start, end)
    .map((word) => word.key)
    .join(' ');
}

/**
 * The app a whole sentence mentions: "can u put notepad ++ on my pc pls" finds Notepad++; "install Photoshop
 * please" finds no app but reports "Photoshop" as the phrase, so that the answer can say it is not in the catalog.
 */
export function findCatalogAppInText(text: string, apps: CatalogAppRef[], options: FindCatalogAppOptions = {}): CatalogMention {
  const words = tokens(text.slice(0, 2000));
  const best = bestCandidate(candidatesIn(words, indexOf(apps), options));
  // An ordinary word that is also an app's name, typed as an ordinary word, yields to an app the catalog lacks named
  // before it: "install spotify please, the radio in the office broke" (but "hey Marco, install Office please").
  const typedLower = (at: number) => words[at]!.start >= 0 && /\p{Ll}/u.test(text[words[at]!.start] ?? '');
  const mayYield = !best || (best.ordinary === true && typedLower(best.start));
  const unknown = mayYield ? unknownAppRun(words, options, text) : undefined;
  const ordinaryAfterUnknown = best && unknown && unknown.end < best.start;
  if (best && !ordinaryAfterUnknown) {
    const phrase = slice(text, words, best.start, best.end);
    return { match: best.app, confidence: best.confidence, alternatives: nearestApps(phrase, apps, best.app), phrase };
  }
  if (!unknown) return { match: null, confidence: 0, alternatives: [], phrase: null };
  const phrase = slice(text, words, unknown.start, unknown.end);
  const alternatives = nearestApps(phrase, apps);
  const published = namedWithPublisher(phrase, words, alternatives);
  if (published) return { match: published, confidence: PUBLISHER_CONFIDENCE, alternatives: alternatives.filter((app) => app !== published), phrase };
  return { match: null, confidence: 0, alternatives, phrase };
}

// Typed as a product's name: capitals inside or throughout, or digits ("SketchUp", "DATEV", "Sage50").
const TYPED_AS_PRODUCT = /^(?:\p{L}+\p{Lu}\p{L}*|\p{Lu}{2,}|.*\p{N}.*)$/u;

/**
 * The run of words that are neither request words nor ordinary words naming an app the catalog lacks: the first typed
 * as a product's name, else the first beside a word of a request, else the first. "Ich übernehme … Dafür bräuchte ich
 * DATEV" names DATEV, not "übernehme"; "Wir richten … Die Chefin hätte gern Spotify drauf" names Spotify.
 */
function unknownAppRun(words: Token[], options: FindCatalogAppOptions, text: string): { start: number; end: number } | undefined {
  const runs: { start: number; end: number }[] = [];
  let start = -1;
  let end = -1;
  const close = () => {
    if (start >= 0) runs.push({ start, end });
    start = -1;
  };
  for (let i = 0; i < words.length; i++) {
    const content = words[i]!.key === '++' ? start >= 0 : isContentWord(words[i]!.key, options);
    if (content) {
      if (start < 0) start = i;
      end = i + 1;
      if (end - start >= MAX_WINDOW) close();
    } else if (start >= 0) {
      // Version numbers belong to the name ("photoshop 2024").
      if (/^\d+$/.test(words[i]!.key)) {
        end = i + 1;
        continue;
      }
      close();
    }
  }
  close();
  const typedAs = (pattern: RegExp) => (at: number) => words[at]!.start >= 0 && pattern.test(text.slice(words[at]!.start, words[at]!.end));
  const product = typedAs(TYPED_AS_PRODUCT);
  const besideRequest = (r: { start: number; end: number }) => [words[r.start - 1], words[r.end]].some((word) => word !== undefined && isRequestWord(word.key) && !isStopWord(word.key));
  const run = runs.find((r) => words.slice(r.start, r.end).some((_, k) => product(r.start + k))) ?? runs.find(besideRequest) ?? runs[0];
  if (!run) return undefined;
  // A name starts at its capital: "She ran Sage 50 on her machine" names "Sage 50", not "ran Sage 50".
  const named = typedAs(/^\p{Lu}/u);
  let first = run.start;
  while (first < run.end - 1 && !named(first) && words.slice(first + 1, run.end).some((_, k) => named(first + 1 + k))) first += 1;
  return { start: first, end: run.end };
}

// How sure an app is when told by a word its names share with others and the name of its publisher.
const PUBLISHER_CONFIDENCE = 0.8;

/**
 * "el lector de PDF de Adobe", "le lecteur PDF d'Adobe": a word several apps' names share, and the publisher of just one
 * of them named beside it. An app the catalog lacks keeps its own name ("Photoshop d'Adobe" is not Acrobat): every word of
 * the phrase must be a word of the app's names.
 */
function namedWithPublisher(phrase: string, words: Token[], candidates: CatalogAppRef[]): CatalogAppRef | undefined {
  const said = new Set(words.map((word) => word.key));
  const phraseWords = tokens(phrase).map((word) => word.key);
  const fits = candidates.filter((app) => {
    const publisherWords = tokens(app.publisher ?? '').map((word) => word.key);
    const nameWords = new Set([app.name, ...app.aliases].flatMap((form) => tokens(form).map((word) => word.key)));
    return publisherWords.length > 0 && publisherWords.every((word) => said.has(word)) && phraseWords.every((word) => nameWords.has(word));
  });
  return fits.length === 1 ? fits[0] : undefined;
}
