import { editDistance, findCatalogAppInText, type CatalogAppRef } from '../../../domain/catalog/match-catalog-app.js';
import { normalize, tokenize } from '../../../kb-index/text/normalize.js';
import { asksToInstall } from './asks-for-app.js';
import type { Intent } from './intents.js';
import { withoutCodes } from './prepare-text.js';

export type DeviceAction = 'restart' | 'lock' | 'shutdown' | 'logout' | 'reset_password';
export type DeviceHint = { platform?: 'windows' | 'macos'; words: string[] };
export type AppSlot = { id: string | null; phrase: string; alternatives: string[] };

const ACTIONS: Partial<Record<Intent, DeviceAction>> = {
  device_restart: 'restart',
  device_lock: 'lock',
  device_shutdown: 'shutdown',
  device_logout: 'logout',
  device_reset_password: 'reset_password',
};

/** The device action a device intent asks for. */
export function actionForIntent(intent: Intent): DeviceAction | undefined {
  return ACTIONS[intent];
}

// Words that name a kind of computer, in our five languages, with the English hint each stands for. The engine
// matches the hints against the names and kinds of the user's devices.
const DEVICE_WORDS: Record<string, string> = {
  laptop: 'laptop', laptops: 'laptop', notebook: 'laptop', portable: 'laptop', portatile: 'laptop', portatil: 'laptop',
  portatiles: 'laptop', lappy: 'laptop', lapi: 'laptop', klapprechner: 'laptop',
  desktop: 'desktop', fixe: 'desktop', tour: 'desktop', standrechner: 'desktop', standpc: 'desktop', sobremesa: 'desktop',
  fisso: 'desktop', tower: 'desktop',
  computer: 'computer', computers: 'computer', ordinateur: 'computer', ordi: 'computer', ordis: 'computer', rechner: 'computer',
  ordenador: 'computer', computadora: 'computer', computador: 'computer', compu: 'computer', pc: 'pc', pcs: 'pc',
  workstation: 'workstation', poste: 'workstation', arbeitsplatz: 'workstation', arbeitsrechner: 'workstation',
  arbeitsplatzrechner: 'workstation', postazione: 'workstation', equipo: 'computer', machine: 'computer', maschine: 'computer',
  macchina: 'computer', maquina: 'computer', mac: 'mac', macs: 'mac', macbook: 'macbook', macbooks: 'macbook', imac: 'imac',
  macmini: 'mac', thinkpad: 'laptop', surface: 'laptop',
};

const MAC_WORDS = new Set(['mac', 'macs', 'macbook', 'macbooks', 'imac', 'macos', 'osx', 'macmini', 'macbookpro', 'macbookair']);
const WINDOWS_WORDS = new Set(['windows', 'win10', 'win11', 'windoof', 'winodws', 'windos', 'widnows']);
// Makers and computer lines sold with Windows: an HP, a Surface or a ThinkPad is a Windows computer to the help desk.
const WINDOWS_MODELS = new Set([
  'surface', 'thinkpad', 'elitebook', 'probook', 'zbook', 'latitude', 'optiplex', 'inspiron', 'vostro', 'xps', 'precision',
  'thinkcentre', 'ideapad', 'thinkbook', 'yoga', 'hp', 'dell', 'lenovo', 'acer', 'asus', 'toshiba', 'fujitsu', 'lifebook',
  'vivobook', 'zenbook', 'travelmate', 'aspire', 'pavilion',
]);
// Ordinary words one typo away from a platform name: a window on the screen is not Windows.
const NOT_PLATFORM = new Set(['window', 'windy', 'winds', 'match', 'mach', 'macht', 'macro', 'mach']);

function platformOf(word: string, next: string | undefined): 'windows' | 'macos' | undefined {
  // A plural or a German genitive ("meines ThinkPads", "des MacBooks") names the same kind of computer.
  const base = word.endsWith('s') ? word.slice(0, -1) : word;
  if (MAC_WORDS.has(word) || MAC_WORDS.has(base)) return 'macos';
  if (WINDOWS_WORDS.has(word) || WINDOWS_MODELS.has(word) || WINDOWS_MODELS.has(base)) return 'windows';
  if (word === 'win' && (next === '10' || next === '11')) return 'windows';
  if (word === 'apple' && next && DEVICE_WORDS[next]) return 'macos';
  if (NOT_PLATFORM.has(word) || word.length < 6) return undefined;
  if (editDistance(word, 'windows', 1) <= 1) return 'windows';
  if (editDistance(word, 'macbook', 1) <= 1) return 'macos';
  return undefined;
}

// Italian "dell'" before a word is "of the" ("il bar dell'hotel", "l'iMac dell'ufficio"), not a Dell computer.
const ITALIAN_DELL = /\bdell['’](?=\p{L})/giu;

/** The text with Italian "dell'" written out, so that no maker is read into it. */
export function withoutItalianDell(text: string): string {
  return text.replace(ITALIAN_DELL, 'della ');
}

/** Which of the user's devices the text points at: its platform when named, and the words that name it. */
export function extractDeviceHint(text: string): DeviceHint | undefined {
  // "HP-Laptop", "MacBook-Pro": each part of a hyphenated word can name the computer.
  const words = tokenize(withoutItalianDell(text.slice(0, 2000)).replace(/-/g, ' '));
  let platform: DeviceHint['platform'];
  const hints: string[] = [];
  words.forEach((word, i) => {
    platform ??= platformOf(word, words[i + 1]);
    const hint = DEVICE_WORDS[word] ?? (word.length >= 6 && editDistance(word, 'macbook', 1) <= 1 ? 'macbook' : undefined);
    if (hint && !hints.includes(hint)) hints.push(hint);
  });
  if (!platform && hints.length === 0) return undefined;
  return platform ? { platform, words: hints } : { words: hints };
}

// Words after which a number is a ticket's: "ticket 4410", "#57", "n° 2387", "Anfrage 12".
const TICKET_MARKERS = new Set(
  normalize(`ticket tickets tiket tickt tkt inc req incident incidents request requests case number num no nr n numero
    número nummer demande demandes incidente incidencia solicitud caso richiesta segnalazione pratica anfrage vorgang
    meldung fall störung`).split(/\s+/),
);

/**
 * The ticket number a text refers to. With `explicitOnly`, only a number marked as a ticket's ("#57",
 * "ticket 57") counts; otherwise, failing that, the first whole number does.
 */
// Words after which a number is an hour.
const TIME_MARKERS = new Set(['alle', 'ore', 'las', 'um', 'gegen', 'vers', 'at', 'by', 'until', 'till', 'bis', 'hasta', 'entro', 'avant']);
// Months, after which a number is a day: "du 23 décembre au 3 janvier", "am 3. März", "el 15 de mayo".
const MONTHS = new Set(
  normalize(`january february march april may june july august september october november december jan feb mar apr jun jul
    aug sep sept oct nov dec janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre januar
    februar märz maerz juni juli oktober dezember enero febrero marzo abril mayo junio julio agosto septiembre setiembre
    octubre noviembre diciembre gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre`).split(/\s+/),
);
const BEFORE_MONTH = new Set(['de', 'di', 'del', 'of', 'th', 'st', 'nd', 'rd', 'er']);
const FIRST_YEAR = 1990;
const LAST_YEAR = 2039;

export function extractTicketNumber(text: string, explicitOnly = false): number | undefined {
  // Helpdesks write references with a hyphen ("ticket-4410", "INC-2231") or glued to their prefix, zero-padded
  // ("INC0045120"): after a ticket's word it is a space.
  // So do abbreviations with their dot: "Nr.00815", "no.4521".
  const normalized = normalize(withoutCodes(text.slice(0, 2000))).replace(/(?<![\p{L}\p{N}])(\p{L}+)(?:-|\.)?(?=\d)/gu, (whole, word: string) =>
    TICKET_MARKERS.has(word) ? `${word} ` : whole,
  );
  let fallback: number | undefined;
  // Whole numbers only: not part of a word ("win11", "3rd"), a time ("10:30"), a decimal or a date.
  for (const m of normalized.matchAll(/(?<![\p{L}\p{N}:.,/-])(#\s*)?(\d{1,9})(?![\p{L}\p{N}]|[:.,/-]\d)/gu)) {
    const value = Number(m[2]);
    if (m[1]) return value;
    const before = tokenize(normalized.slice(Math.max(0, m.index - 24), m.index)).slice(-2);
    if (before.some((word) => TICKET_MARKERS.has(word))) return value;
    const after = tokenize(normalized.slice(m.index + m[0].length, m.index + m[0].length + 24)).filter((word) => !BEFORE_MONTH.has(word));
    if (MONTHS.has(after[0] ?? '')) continue;
    // A year is no ticket unless marked as one ("la carpeta de expedientes de 2023"), nor is an hour ("scadenza alle 18").
    const year = m[2]!.length === 4 && value >= FIRST_YEAR && value <= LAST_YEAR;
    if (!year && !before.some((word) => TIME_MARKERS.has(word))) fallback ??= value;
  }
  return explicitOnly ? undefined : fallback;
}

/**
 * The app a text asks for: a catalog app (typos forgiven), or the name of one the catalog lacks. Told of several, it is
 * the one the install's own sentence names, or else the one named nearest before it: "finora usavamo Word … un'amica
 * mi ha detto di provare GIMP. Me lo potete installare?" asks for GIMP. Where that sentence names several, the one the
 * whole message names first among them ("Inkscape wäre besser als Word").
 */
export function extractApp(text: string, catalog: CatalogAppRef[], knownWords: ReadonlySet<string>): AppSlot | undefined {
  const read = (words: string) => findCatalogAppInText(words, catalog, { knownWords });
  const whole = read(text);
  // A sentence ends at a mark before a space, not inside a file name ("keygen-office-2019.exe").
  const sentences = text.split(/[.!?;]+(?=\s|$)|\n+/);
  const asked = sentences.length > 1 ? sentences.findLastIndex((sentence) => asksToInstall(sentence)) : -1;
  const nearest = sentences
    .slice(0, asked + 1)
    .reverse()
    .map((sentence) => (whole.phrase && sentence.includes(whole.phrase) ? whole : read(sentence)))
    .find((found) => found.match !== null);
  const mention = nearest ?? whole;
  if (!mention.phrase) return undefined;
  return { id: mention.match?.id ?? null, phrase: mention.phrase, alternatives: mention.alternatives.map((app) => app.id) };
}
