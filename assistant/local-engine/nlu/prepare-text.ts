import { FILE_NAME, findCatalogAppInText, type CatalogAppRef } from '../../../domain/catalog/match-catalog-app.js';

// The classifier reads words, not values: which app or which ticket a sentence names does not change what the
// user wants, so an app of the catalog and a number become one placeholder word each, in training and at run
// time alike. "install vlc" and "install putty" then teach the same thing, and an app the corpus never names
// is understood as well as one it does.
export const APP_WORD = 'qqapp';
export const NUMBER_WORD = 'qqnum';
// A long message is rarely small talk, whatever words it shares with "no", "thanks" or "bye": its length is a
// word the classifier can weigh.
export const LONG_WORD = 'qqlong';
const LONG_FROM = 6;

/** Longest text the classifier reads: beyond it a message says nothing more about what the user wants. */
export const MAX_CLASSIFIED_LENGTH = 600;

export type PrepareOptions = { catalog: CatalogAppRef[]; knownWords: ReadonlySet<string> };

// Articles, conjunctions and bare prepositions of the five languages: they occur in every intent's sentences, so
// a small corpus would otherwise give them weight by chance ("and" deciding between a question and a request).
// Interjections and apologies ("well", "alors", "tja", "pues", "allora", "sorry") likewise open any message and
// mean nothing alone: a message made only of them has nothing to act on.
// Italian "i" stays, being also English "I": "I restarted it" reports what a request asks, and "riavviare i
// computer" (computers in general) is not "riavvia il computer".
const NOISE_WORDS = new Set(
  `a an the and or of to in at with from by
  et ou le la les l un une des de du d au aux avec par
  und oder der die das dem den des ein eine einen einem einer zu zum zur mit von vom für fur im am
  y o el los las lo unos unas del al con para por
  e ed il lo gli uno di del della dello dei degli delle da dal dalla con per
  well so um uh uhm umm hm hmm hmmm mmm ah oh eh ehh lol haha sorry
  alors bon ben bah euh heu hein bof pff mdr désolé désolée desole desolee pardon
  naja tja äh ähm ahm aha entschuldigung sorry
  pues bueno este oye mira ehm jaja jeje perdón perdon perdona disculpa disculpe
  allora beh vabbè vabbe ecco mah boh dunque senti ehm scusa scusate scusi`.split(/\s+/),
);

// Italian and Spanish glue object pronouns to imperatives and infinitives ("riavviami", "spegnilo", "apágame",
// "reinícialo", "restablecerla"): the stemmers keep the pronoun, so the verb would be a word the model never saw.
// A pronoun is split off only after a verb-like ending (a, e, i, r) and a stem of four letters or more, which
// leaves nouns such as "parola" or "tavola" alone.
const CLITIC = /(?<=\p{L}{3}[aeiráéí])(glielo|melo|mela|selo|sela|mi|me|lo|la|li)(?=$|[^\p{L}])/gu;
// French joins them with a hyphen ("redémarre-le", "déconnecte-moi", "peut-on"), which the tokenizer keeps as one
// word: "redemarre-l" would be unknown to the model, and "redémarre le" or "déconnecte moi", as users also type
// them, would not meet the corpus's spelling.
const HYPHENATED_PRONOUN = /(?<=\p{L})-(?:t-)?(le|la|les|moi|toi|lui|nous|vous|leur|en|y|on|il|elle|ils|elles)(?=$|[^\p{L}])/giu;

// A number beside an error's or a protocol's word is a code, never a ticket's: "a 550 error", "Fehlercode 403",
// "HTTP 500", "port 443"; unless a ticket's word says otherwise ("ticket 4521 error").
const ERROR_CODE = /\b(errors?|err|codes?|erreurs?|fehler(?:code)?|c[oó]digo|errore|errori|smtp|https?|port)(\s*[:#]?\s*)\d+\b|(?<!(?:#|\bticket|\binc)[\s-]*)\b\d+(\s*-?\s*)(errors?|erreurs?|fehler|errore|errori)\b/giu;

// A phone number to call back ("rappelez-moi au 05 56 00 00 00", "+49 171 2345678") is one number in groups: read as
// numbers it would be five ticket numbers.
const PHONE_NUMBER = /(?<![\p{L}\p{N}])(?:\+\s?\d[\d\s./()-]{6,}\d|\d{1,4}(?:[\s./-]\d{1,4}){3,}|\d{10,})(?![\p{L}\p{N}])/gu;
const isPhoneNumber = (found: string) => found.startsWith('+') || (found.match(/\d/g) ?? []).length >= 8;

// A number with its unit is an amount: "takes like 10 min", "40 pages", "a 40MB file", "depuis 3 jours", "50 %".
const QUANTITY = new RegExp(
  String.raw`(?<!(?:#|\bticket|\binc|\bcase|\bref|\bnr|\bn[°º])[\s.:-]*)(?<![\p{L}\p{N}])\d+(?:[.,]\d+)?\s*(` +
    [
      'mins?|minutes?|minuten|minutos?|minuti|secs?|seconds?|secondes?|sekunden|segundos?|secondi|hours?|hrs?|heures?|stunden?|horas?|ore',
      'days?|jours?|tagen?|dias?|giorni|weeks?|semaines?|wochen|semanas?|settimane|months?|mois|monaten?|meses|mesi|years?|ans|jahren?|anos|anni',
      'times|fois|mal|veces|volte|pages?|seiten?|paginas?|pagine|[kmgt]b|[kmgt]o|go|mo|gigs?|%|percent|pourcents?|prozent',
      'people|persons?|personnes?|leute|personen|personas|persone|users?|utilisateurs?|benutzer|usuarios?|utenti|employees?|mitarbeiter|empleados?|dipendenti',
    ].join('|') +
    String.raw`)(?![\p{L}\p{N}])`,
  'giu',
);

/**
 * The text without the numbers of error codes, phone numbers and amounts: they say what went wrong, whom to call or
 * how much, and name no ticket.
 */
export const withoutCodes = (text: string): string =>
  text
    .replace(ERROR_CODE, (_whole, before?: string, _gap?: string, _gap2?: string, after?: string) => ` ${before ?? after} `)
    .replace(PHONE_NUMBER, (found) => (isPhoneNumber(found) ? ' ' : found))
    .replace(QUANTITY, (_whole, unit: string) => ` ${unit} `);

/** The text the intent classifier sees: bounded, the app named replaced by APP_WORD, numbers by NUMBER_WORD. */
export function prepareForClassifier(text: string, options: PrepareOptions): string {
  let prepared = withoutCodes(text.slice(0, MAX_CLASSIFIED_LENGTH).normalize('NFKC')).replace(CLITIC, ' $1').replace(HYPHENATED_PRONOUN, ' $1');
  const mention = findCatalogAppInText(prepared, options.catalog, { knownWords: options.knownWords });
  if (mention.match && mention.phrase && prepared.includes(mention.phrase)) {
    prepared = prepared.replace(mention.phrase, ` ${APP_WORD} `);
  }
  // A program's file is an app the catalog does not know, not words and a number ("keygen-office-2019.exe").
  prepared = prepared.replace(FILE_NAME, ` ${APP_WORD} `);
  const words = (prepared.match(/[\p{L}\p{N}]+/gu) ?? []).length;
  const kept = prepared
    .replace(/(?:#|n°|nº|\bno\.|\bnr\.?)?\s*\d{2,}/gi, ` ${NUMBER_WORD} `)
    .split(/(?<=^|[\s,.;:!?¿¡()"'’])/u)
    .filter((piece) => !NOISE_WORDS.has(piece.replace(/[\s,.;:!?¿¡()"'’]+$/u, '').toLowerCase()))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return kept && words >= LONG_FROM ? `${kept} ${LONG_WORD}` : kept;
}
