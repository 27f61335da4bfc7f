import type { CatalogAppRef } from '../../../domain/catalog/match-catalog-app.js';
import type { Language } from '../../../i18n/languages.js';
import { LANGUAGES } from '../../../i18n/languages.js';
import { detectLanguage } from '../../../kb-index/language/detect-language.js';
import { normalize } from '../../../kb-index/text/normalize.js';
import { actionForIntent, extractApp, extractDeviceHint, extractTicketNumber, type AppSlot, type DeviceAction, type DeviceHint } from './extract-slots.js';
import { hostnamesIn } from '../../beyond-own-devices.js';
import { foldText } from '../../fold-text.js';
import type { Intent } from './intents.js';
import { asksWhatItDoes, asksWhetherAble } from './asks-capability.js';
import { asksForAccess, asksForAccount, requestsAccess } from './asks-for-access.js';
import { mentionedAction, mentionedActions, requestedAction } from './asks-for-action.js';
import { asksToInstall, wantsApp } from './asks-for-app.js';
import { asksForPerson } from './asks-for-person.js';
import { asksWhetherAllowed } from './asks-permission.js';
import { listAsked } from './asks-for-list.js';
import { asksForEquipment } from './asks-for-equipment.js';
import { asksToDoIt } from './asks-to-do-it.js';
import { tellsOfBehaviourOnItsOwn } from './behaves-on-its-own.js';
import { ruledOutAction } from './negated-action.js';
import { MAX_CLASSIFIED_LENGTH, prepareForClassifier } from './prepare-text.js';
import { reportsProblem } from './problem-report.js';
import { asksHowTo, asksWhatItWouldDo, speaksOfIt } from './speaks-of-it.js';
import { writesToThank } from './writes-to-thank.js';
import { asksForTicket } from './asks-for-ticket.js';
import { tellsDone } from './tells-done.js';
import { loadIntentClassifier } from './train-classifier.js';

export type { Intent } from './intents.js';

export type Understanding = {
  /** Detected language of the text when clearly one of the five. */
  language: Language | null;
  intent: Intent;
  /** 0..1 */
  confidence: number;
  /** The next best intents. */
  alternatives: { intent: Intent; confidence: number }[];
  /** Tool name for the intent, or null. */
  tool: string | null;
  slots: {
    action?: DeviceAction;
    device?: DeviceHint;
    ticketNumber?: number;
    app?: AppSlot;
  };
};

export type UnderstandOptions = { fallbackLanguage: Language; catalog: CatalogAppRef[] };

const TOOLS: Record<Intent, string | null> = {
  kb_question: 'search_knowledge_base',
  device_restart: 'request_device_action',
  device_lock: 'request_device_action',
  device_shutdown: 'request_device_action',
  device_logout: 'request_device_action',
  device_reset_password: 'request_device_action',
  install_software: 'request_software_install',
  list_devices: 'list_my_devices',
  ticket_status: 'get_ticket_status',
  list_tickets: 'list_my_tickets',
  create_ticket: 'create_ticket',
  escalate: 'escalate_to_technician',
  greeting: null,
  thanks: null,
  goodbye: null,
  help: null,
  cancel: null,
  affirm: null,
  deny: null,
  small_talk: null,
};

export function toolForIntent(intent: Intent): string | null {
  return TOOLS[intent];
}

const MAX_ALTERNATIVES = 3;
// How much fastText's belief in a language weighs against the share of words each language's model knows.
const DETECTION_WEIGHT = 0.5;
// The user's own language wins a tie: short messages ("ok", "merci") read the same in several languages.
const FALLBACK_BONUS = 0.05;
// How quickly a model's vote fades as its language fits the text less well than the best one's.
const FIT_SHARPNESS = 8;
// Below this weight a model's vote cannot change the outcome (a language fitting half as well as the best one).
const MIN_VOTE_WEIGHT = 0.02;
// A language is reported when fastText names it, or when its model knows clearly more of the words than any other.
const CLEAR_COVERAGE_LEAD = 0.2;

type Scored = { intent: Intent; score: number };

// A ticket named by its number ("I opened case 20931 last week, any news?") is one that exists: a message about
// tickets or with no request of its own that names one asks how it stands, never for a new one or the whole list.
const REFERS_TO_A_TICKET = new Set<Intent>(['create_ticket', 'list_tickets', 'help', 'greeting', 'thanks', 'affirm', 'deny']);
// "I opened ticket 5576 last week about the printer, what about it?": the problem is told again, but the ticket the
// user says they opened is what they ask about.
// So does one the user follows up on: "je me permets de relancer pour la demande #15230".
const OPENED_BY_USER =
  /\b(?:opened|created|raised|logged|submitted|filed|chasing|following up|ouvert|cree|relance|relancer|aufgemacht|eroffnet|erstellt|angelegt|gemeldet|nachhaken|abierto|abri|creado|puse|reclamar|aperto|aperta|creato|creata|sollecito|sollecitare)\b/;

// And so is one whose state is asked: "Vorrei conoscere lo stato della mia richiesta 215006".
const STATE_ASKED = /\b(?:status|state|statut|etat|stand|estado|stato|situacion)\b/;

function refersToATicket(intent: Intent, text: string): boolean {
  if (REFERS_TO_A_TICKET.has(intent)) return true;
  const plain = foldText(text);
  return intent === 'kb_question' && (OPENED_BY_USER.test(plain) || STATE_ASKED.test(plain));
}

/** Whether the intent asks for something done to a computer: a device action or an install. */
function acting(intent: Intent): boolean {
  return actionForIntent(intent) !== undefined || intent === 'install_software';
}

/** The ranking with `first` ahead, for what the message was found to ask whatever the models ranked first. */
function ahead(first: Scored, top: Scored, rest: Scored[]): [Scored, ...Scored[]] {
  return first.intent === top.intent ? [top, ...rest] : [first, top, ...rest.filter((r) => r.intent !== first.intent)];
}

// Greetings, thanks, goodbyes, help and the answers to a question all call no tool, and any of them serves a user
// who asked for none better than a tool they did not ask for: when together they outweigh the likeliest request,
// the message asks for nothing, and the likeliest of them answers it, as sure as all of them together.
function preferNoTool(ranked: Scored[]): Scored[] {
  const noTool = ranked.filter(({ intent }) => TOOLS[intent] === null);
  const total = noTool.reduce((sum, { score }) => sum + score, 0);
  const request = ranked.find(({ intent }) => TOOLS[intent] !== null);
  const [first] = noTool;
  if (!first || (request && request.score >= total)) return ranked;
  return [{ intent: first.intent, score: total }, ...ranked.filter((r) => r !== first)];
}

// "please", "svp", "bitte" alone agree to what the assistant offered, or ask nothing yet. The models meet these words
// mostly at the end of requests and would read one into them. The small words of "por favor", "per favore" and
// "s'il vous plaît" count only beside one of them.
const COURTESY_WORDS = new Set(['please', 'pls', 'plz', 'svp', 'stp', 'plaît', 'plait', 'bitte', 'porfa', 'porfis', 'favor', 'favore', 'piacere']);
const COURTESY_LINKS = new Set(['por', 'per', 's', 'il', 'te', 'vous', 'sehr', 'schön']);

function onlyCourtesy(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.some((word) => COURTESY_WORDS.has(word)) && words.every((word) => COURTESY_WORDS.has(word) || COURTESY_LINKS.has(word));
}

const COURTESY_PHRASE = /(?<!\p{L})(?:por favor|per favore|per piacere|s'?il (?:te|vous) pla[iî]t|bitte (?:sehr|schön))(?!\p{L})/giu;
const COURTESY_WORD = new RegExp(`(?<!\\p{L})(?:${[...COURTESY_WORDS].join('|')})(?!\\p{L})`, 'giu');

// Read without its courtesy word, "moment bitte" is a word the models barely know: a request they rank first only
// by a hair is no reading of it, while a misspelled verb still gives its request a fair share.
const COURTEOUS_REQUEST = 0.2;
const FEW_WORDS = 2;

function withoutCourtesy(text: string): string {
  return text.replace(COURTESY_PHRASE, ' ').replace(COURTESY_WORD, ' ');
}

/**
 * A message without any word the models know ("hmm", "🙂", ""): nothing to act on, so the help intent, unsure; unless
 * it names a ticket by its number with its mark ("e il #0081?"), which asks how that ticket stands.
 */
function noSignal(language: Language | null, text: string): Understanding {
  const ticketNumber = extractTicketNumber(text, true);
  if (ticketNumber !== undefined) return { language, intent: 'ticket_status', confidence: 0, alternatives: [], tool: 'get_ticket_status', slots: { ticketNumber } };
  return { language, intent: 'help', confidence: 0, alternatives: [], tool: null, slots: {} };
}

// A message telling a problem at length and asking for something in a few words ("my laptop is acting weird since
// this morning, everything freezes, can you restart it?", "can you open a ticket? my keyboard has dead keys") reads,
// as a whole, as the problem or as a vague call for help. Its clauses are then read alone: one asking for a tool
// decides when the models are surer of it than of the whole. A colon also ends the request ("make a ticket: the
// mouse is dead"), unless it sits in a time or a number ("at 10:30"), and so does a dash between spaces ("create a
// ticket – my docking station no longer charges").
// A story comes first and the request last ("…, and now nothing responds. Restart it please, I can't take it"), so
// besides the first clauses, the last ones are read.
const CLAUSE = /[.!?;,\n]+|:(?!\d)|(?<!\d):|\s[-–—]+\s/u;
const FIRST_CLAUSES = 2;
const LAST_CLAUSES = 3;
const CLEAR_REQUEST = 0.6;

function clausesToRead(text: string): string[] {
  const clauses = text.slice(0, MAX_CLASSIFIED_LENGTH).split(CLAUSE).filter((clause) => /[\p{L}\p{N}]/u.test(clause));
  if (clauses.length <= FIRST_CLAUSES + LAST_CLAUSES) return clauses;
  return [...clauses.slice(0, FIRST_CLAUSES), ...clauses.slice(-LAST_CLAUSES)];
}

async function requestClause(text: string, read: (words: string) => Promise<Scored[]>, problem: number): Promise<Scored | undefined> {
  const clauses = clausesToRead(text);
  if (clauses.length < 2) return undefined;
  for (const clause of clauses) {
    // What the user already did is told, however much its words read as the action: "He apagado y encendido todo".
    if (tellsDone(clause)) continue;
    const [first] = await read(clause);
    if (first && first.intent !== 'kb_question' && TOOLS[first.intent] !== null && first.score >= Math.max(CLEAR_REQUEST, problem)) return first;
  }
  return undefined;
}

// "should I open a ticket or just wait?", "muss ich dafür ein ticket erstellen", "hace falta abrir un ticket?": asking
// whether a ticket is needed is asking how things work, not for one, though every word but the first few is a
// request's. Asked with a verb before its subject, the question needs no question mark; otherwise ("tengo que abrir
// un ticket?", "je dois créer un ticket ?") only the mark tells it from "I have to open a ticket".
const WHETHER_ASKED = /^(?:should i|shall i|do i (?:really )?(?:need|have) to|do i need|must i|am i supposed to|is it (?:better|worth|necessary)|faut[ -]il|dois[ -]je|vaut[ -]il mieux|soll ich|sollte ich|muss ich|brauche ich|brauch ich|lohnt (?:es )?sich)(?![\p{L}])/u;
const WHETHER_MARKED = /^(?:est[ -]ce que je dois|je dois|il faut|tengo que|debo|hace falta|hay que|conviene|mejor|devo|bisogna|serve|(?:e )?meglio)(?![\p{L}])[^?]*\?/u;
// How sure the models must be of an action for "can you do it?" to ask for it: one the message spoke of ranks next.
const POINTED_AT = 0.1;
// How sure of an action the models must be, after a question, for "can you even …?" to ask whether it can be done.
const ABLE_TO_ACT = 0.05;
const OPENING_INTENTS = new Set<Intent>(['create_ticket', 'list_tickets', 'escalate']);
// What a message asks besides an action it names: a ticket's state, the lists, a person.
const NOT_OVERRULED = new Set<Intent>(['ticket_status', 'list_tickets', 'list_devices', 'escalate']);
const SOCIAL = new Set<Intent>(['thanks', 'greeting']);
const SURE_ESCALATION = 0.8;
const ASKED_CONFIDENCE = 0.9;
// A catalog app's name alone ("filezzila", "winzip pls") is most likely wanted, but may as well be a question about it:
// unsure, so the install is asked before it is prepared.
const APP_ALONE_CONFIDENCE = 0.6;

// Or it, a courtesy word and what it is for: "putty pls para entrar al router"; asking what it is for is a question.
const PURPOSE = /^(?:to|for|so (?:i|we) can|in order to|pour|afin de|para|per|um|zum|zur|damit)\b/;

/** Whether the catalog app a message names is all it says besides courtesy, or besides courtesy and a purpose. */
function namesAppAlone(text: string, app: AppSlot | undefined): app is AppSlot & { id: string } {
  if (app?.id == null) return false;
  const letters = (words: string) => foldText(words).replace(/[^\p{L}\p{N}+]/gu, '');
  const bare = withoutCourtesy(text);
  if (letters(app.phrase) === letters(bare)) return true;
  const name = foldText(app.phrase);
  const rest = foldText(bare).trim();
  return bare !== text && !text.includes('?') && rest.startsWith(name) && PURPOSE.test(rest.slice(name.length).replace(/^[^\p{L}]+/u, ''));
}

function asksWhetherNeeded(text: string): boolean {
  return text
    .split(/[.!;,\n]+/u)
    .map((clause) => normalize(clause).replace(/^[^\p{L}]+/u, ''))
    .some((clause) => WHETHER_ASKED.test(clause) || WHETHER_MARKED.test(clause));
}

// "tu connais un bon resto à Lyon ?" reads as a call for help as much as a question: a question of a few words that asks
// for no help in so many words asks about something, which may be nothing IT. "can you help me?" and "anyone there?" stay
// calls for help.
const HELP_WORDS = /\b(?:help|aide|aidez|aider|hilfe|helfen|hilf|ayuda|ayudar|ayudame|aiuto|aiutare|aiutami|aiutatemi|support|assistance|soporte|supporto)\b/;
const QUESTION_WORDS = 4;

// Words that greet, in the five languages: a message with none of them greets no one.
const GREETING_WORD =
  /\b(?:hi|hello|hey|hiya|morning|evening|afternoon|yo|bonjour|bonsoir|salut|coucou|allo|hallo|moin|servus|gruss|gruezi|tag|morgen|abend|hola|buenas|buenos|dias|tardes|ciao|salve|buongiorno|buonasera|buon|que tal|how are you|how's it going|ca va|wie gehts|wie geht's|come va|come stai|tutto bene|todo bien)\b/;

/** Whether the message is a question of a few words at least: "Kann man das Postfach aufs Diensthandy bekommen?". */
function asksAQuestion(text: string): boolean {
  return /\?\s*$/.test(text) && (text.match(/\p{L}+/gu) ?? []).length >= QUESTION_WORDS;
}

function asksOfSomethingElse(text: string): boolean {
  return asksAQuestion(text) && !HELP_WORDS.test(foldText(text));
}

/**
 * What a user's message asks for, offline: the intent from the NLP.js model of the language the message is
 * written in (whatever the user's setting), and the slots the tool needs.
 */
export async function understand(text: string, options: UnderstandOptions): Promise<Understanding> {
  const classifier = await loadIntentClassifier();
  const prepare = (words: string) => prepareForClassifier(words, { catalog: options.catalog, knownWords: classifier.knownWords });
  const prepared = prepare(text);
  if (!/[\p{L}\p{N}]/u.test(prepared)) return noSignal(null, text);
  if (onlyCourtesy(text)) return { language: null, intent: 'affirm', confidence: 1, alternatives: [], tool: null, slots: {} };
  const app = extractApp(text, options.catalog, classifier.knownWords);
  if (namesAppAlone(text, app)) return { language: null, intent: 'install_software', confidence: APP_ALONE_CONFIDENCE, alternatives: [], tool: 'request_software_install', slots: { app } };

  const detected = await detectLanguage(text.slice(0, MAX_CLASSIFIED_LENGTH));
  const fits: { lang: Language; coverage: number; fit: number }[] = [];
  for (const lang of LANGUAGES) {
    const coverage = await classifier.coverage(prepared, lang);
    const fit =
      coverage +
      (detected?.lang === lang ? DETECTION_WEIGHT * detected.confidence : 0) +
      (lang === options.fallbackLanguage ? FALLBACK_BONUS : 0);
    fits.push({ lang, coverage, fit });
  }
  // Not one of the user's words is known to any language's model: gibberish, an interjection, an emoji.
  if (fits.every(({ coverage }) => coverage === 0)) return noSignal(null, text);
  fits.sort((a, b) => b.fit - a.fit);
  const best = fits[0]!;
  const runnerUp = fits[1]!;
  const language = detected?.lang === best.lang || best.coverage - runnerUp.coverage >= CLEAR_COVERAGE_LEAD ? best.lang : null;

  // The models vote, each as much as its language fits the text: the best fitting one decides unless others fit
  // almost as well, as with a short message whose words several languages share. Models whose vote would not
  // count are not asked.
  const voters = fits.map(({ lang, fit }) => ({ lang, weight: Math.exp(FIT_SHARPNESS * (fit - best.fit)) })).filter(({ weight }) => weight >= MIN_VOTE_WEIGHT);
  const vote = async (words: string): Promise<Scored[]> => {
    const votes = new Map<Intent, number>();
    let weights = 0;
    for (const { lang, weight } of voters) {
      weights += weight;
      for (const { intent, score } of await classifier.classify(words, lang)) votes.set(intent, (votes.get(intent) ?? 0) + weight * score);
    }
    return [...votes].map(([intent, v]) => ({ intent, score: v / weights })).sort((a, b) => b.score - a.score);
  };
  let [top, ...rest] = preferNoTool(await vote(prepared));
  if (!top) return noSignal(language, text);
  // "yes please" agrees, but so would "restat the mac pls" read as a whole: the models meet the courtesy word at the end
  // of answers as much as of requests, and a misspelled verb leaves it deciding. Read without it, a request whose
  // verb is misspelled is still a request, however unsure, and asking the user to confirm is right; a yes stays a yes.
  // A word or two and a courtesy word ("neustart pls") read as a question as much as as a request: read bare, the
  // request is clear, and a question would have said what is wrong.
  const bare = withoutCourtesy(text);
  const courteousFew = bare !== text && (bare.match(/\p{L}+/gu) ?? []).length <= FEW_WORDS;
  if (top.intent === 'affirm' || (top.intent === 'kb_question' && courteousFew)) {
    if (bare !== text && /[\p{L}\p{N}]/u.test(bare)) {
      const ranked = await vote(prepare(bare));
      const request = ranked.find(({ intent }) => TOOLS[intent] !== null && intent !== 'kb_question');
      const other = ranked.find(({ intent }) => intent === top!.intent);
      if (request && request.score >= COURTEOUS_REQUEST && request.score > (other?.score ?? 0)) {
        [top, ...rest] = [request, ...ranked.filter((r) => r !== request && r.score <= request.score)];
      }
    }
  }
  // "Windows wants to restart after the update. Can you do it now?": the action the message spoke of is asked for.
  // When the models rank no action, the one its words name is.
  if ((top.intent === 'kb_question' || top.intent === 'help') && asksToDoIt(text)) {
    const named = mentionedAction(text);
    const pointedAt = rest.find(({ intent, score }) => acting(intent) && score >= POINTED_AT) ?? (named && { intent: `device_${named}` as Intent, score: top.score });
    if (pointedAt) [top, ...rest] = ahead(pointedAt, top, rest);
  }
  // Thanks or a greeting before a request ("thanks for earlier! now could you restart my laptop?"): the request decides.
  // So it does after what reads as calling something off ("create a ticket – my dock doesn't charge anymore").
  if (top.intent === 'kb_question' || top.intent === 'help' || top.intent === 'cancel' || SOCIAL.has(top.intent)) {
    const request = await requestClause(text, (clause) => vote(prepare(clause)), SOCIAL.has(top.intent) ? 0 : top.score);
    if (request) [top, ...rest] = ahead(request, top, rest);
  }
  const whatItDoes = asksWhatItDoes(text);
  if (whatItDoes) [top, ...rest] = ahead({ intent: 'help', score: top.score }, top, rest);
  if (OPENING_INTENTS.has(top.intent) && asksWhetherNeeded(text)) [top, ...rest] = ahead({ intent: 'help', score: top.score }, top, rest);
  // "can you actually restart computers or are you just a chatbot?" reads as a question about restarts, with the
  // restart next: either way it asks what the assistant can do.
  const actingNext = (top.intent === 'kb_question' || top.intent === 'help') && rest.some(({ intent, score }) => acting(intent) && score >= ABLE_TO_ACT);
  const able = asksWhetherAble(text);
  // Asked with "actually" or "davvero", it asks what the assistant can do whatever the models ranked next.
  const whetherAble = (acting(top.intent) || actingNext || top.intent === 'kb_question' || top.intent === 'help') && able;
  if (whetherAble) [top, ...rest] = ahead({ intent: 'help', score: top.score }, top, rest);
  // Asking what the assistant can do is never a problem report, whatever words of IT it uses.
  const asksAboutAssistant = whatItDoes || whetherAble;
  // What a message asks besides a request stays what it asks; a ticket's state only when a ticket's word names one, not
  // for any number ("puoi installare il gioco FIFA 25?").
  const ticketNamed = extractTicketNumber(text, true) !== undefined;
  // "Why does my PC take 15 minutes to get going?": the models took a number for a ticket's, which none of the message's
  // numbers can be. The next reading stands.
  const [next, ...others] = rest;
  if (top.intent === 'ticket_status' && next && /\d/.test(text) && extractTicketNumber(text) === undefined) [top, rest] = [next, others];
  // A technician only when asked for as such, or as the models are sure of: "Tom just phoned me… Can you restart his
  // laptop for him?" asks for the restart.
  const personAsked = asksForPerson(text);
  // A technician the models read, asked for by no words of a person.
  const unaskedPerson = () => top!.intent === 'escalate' && !personAsked;
  const settled = (intent: Intent) =>
    NOT_OVERRULED.has(intent) && (intent !== 'ticket_status' || ticketNamed) && (intent !== 'escalate' || top!.score >= SURE_ESCALATION || personAsked);
  const installAsked = asksToInstall(text);
  // An install the models read where the message names no app and asks for none is as vague as a question.
  const appless = () => top!.intent === 'install_software' && !installAsked && !app;
  // A device action asked in so many words is asked, whatever the story, the person or the models' vaguer reading, or
  // the other action they read ("il Mac è bloccato, me lo puoi spegnere?" is no restart).
  const asked = requestedAction(text);
  const otherAction = actionForIntent(top.intent) !== undefined && actionForIntent(top.intent) !== asked;
  // So does an install of nothing the catalog has, asked in no words of an install: "¿Me lo reiniciáis? Es el HP del mostrador".
  const unknownInstall = top.intent === 'install_software' && !installAsked && !app?.id;
  if (asked && (!acting(top.intent) || appless() || unknownInstall || otherAction) && !asksAboutAssistant && !settled(top.intent) && !able) {
    [top, ...rest] = ahead({ intent: `device_${asked}` as Intent, score: top.score }, top, rest);
  }
  // Called off with a question besides ("no lo reinicies, solo quiero saber por qué va tan lento"): the question stays,
  // however vague the models found it. An action asked in so many words stands beside what is told undone ("bloquéame
  // la pantalla, no la bloqueé") or ruled out ("don't restart it, just lock it").
  const ruledOut = top.intent !== 'ticket_status' && !asked ? ruledOutAction(text) : undefined;
  if ((ruledOut === 'question' && top.intent !== 'kb_question') || (ruledOut === 'nothing' && actionForIntent(top.intent))) {
    const instead: Intent = ruledOut === 'question' ? 'kb_question' : 'cancel';
    [top, ...rest] = ahead({ intent: instead, score: top.score }, top, rest);
  }
  // "est-ce que je peux avoir une batterie neuve ?", "den de baja las cuentas de Sergio".
  // Asked by up to three rules below: read once.
  let service: boolean | undefined;
  const serviceAsked = () => (service ??= requestsAccess(text) || asksForAccount(text) || asksForEquipment(text));
  // So is a technician asked for by no words of a person ("avremmo necessità di ordinare due docking station").
  const vague = top.intent === 'kb_question' || top.intent === 'help' || appless() || unaskedPerson();
  // And an action the models read in an account closed, asked in no words of an action on a computer: "Gary left on
  // Friday, can you turn off his account".
  // So is an action the models are unsure of, named in no words, beside equipment to replace: "Der Akku bzw. der Laptop
  // muss ersetzt werden".
  const unsureOfAction = actionForIntent(top.intent) !== undefined && !asked && top.score < CLEAR_REQUEST && mentionedActions(text).length === 0;
  const accountActedOn = actionForIntent(top.intent) !== undefined && !asked && (asksForAccount(text) || (unsureOfAction && serviceAsked()));
  if ((top.intent === 'install_software' && asksForAccess(text) && !installAsked) || (vague && serviceAsked()) || accountActedOn) {
    [top, ...rest] = ahead({ intent: 'create_ticket', score: top.score }, top, rest);
  }
  // So is an app wanted for a technician to use ("mi serve Anydesk, il tecnico della pressa deve collegarsi").
  const wantsFromVague = top.intent === 'kb_question' || top.intent === 'help' || top.intent === 'create_ticket' || SOCIAL.has(top.intent);
  if (app && (wantsFromVague || unaskedPerson()) && wantsApp(text, app.phrase, app.id !== null)) {
    [top, ...rest] = ahead({ intent: 'install_software', score: top.score }, top, rest);
  }
  // An install asked in so many words is asked, for an app the catalog lacks too, which the models know nothing of.
  if (installAsked && app && !acting(top.intent) && !settled(top.intent) && !asksAboutAssistant) {
    [top, ...rest] = ahead({ intent: 'install_software', score: top.score }, top, rest);
  }
  const list = listAsked(text);
  if (list && !settled(top.intent) && !asked && !installAsked) {
    [top, ...rest] = ahead({ intent: list === 'tickets' ? 'list_tickets' : 'list_devices', score: top.score }, top, rest);
  }
  // A person asked to call or to come is a technician asked for, whatever the models made of the problem told beside.
  if (top.intent !== 'escalate' && !settled(top.intent) && !asked && !installAsked && personAsked) {
    [top, ...rest] = ahead({ intent: 'escalate', score: top.score }, top, rest);
  }
  // A ticket asked for in so many words is opened, even for someone to come ("crea una incidencia para que alguien venga a
  // instalar el router"): the person is what the ticket is for.
  const ticketAsked = asksForTicket(text);
  if (ticketAsked && top.intent !== 'create_ticket' && (top.intent === 'escalate' || !settled(top.intent)) && !asked && !installAsked) {
    [top, ...rest] = ahead({ intent: 'create_ticket', score: top.score }, top, rest);
  }
  // An install the models are unsure of, of no app of the catalog, neither asked nor wanted in so many words, is no install:
  // "sai se domani c'è sciopero dei treni?" names no app, whatever unknown word ("sciopero") could be one.
  if (top.intent === 'install_software' && top.score < CLEAR_REQUEST && !installAsked && !app?.id && !(app && wantsApp(text, app.phrase, false))) {
    [top, ...rest] = ahead({ intent: 'kb_question', score: top.score }, top, rest);
  }
  // The kind of computer the message names, read once: for the rule below and for the slots.
  const device = extractDeviceHint(text);
  // Nor is an action the models are unsure of, in a message that names neither an action nor a computer: "Weißt du, ob
  // heute Abend das Spiel läuft?" has no machine to act on.
  const unsureAction = actionForIntent(top.intent) !== undefined && top.score < CLEAR_REQUEST && !asked && mentionedActions(text).length === 0 && !device && hostnamesIn(text).length === 0;
  if (unsureAction) [top, ...rest] = ahead({ intent: 'kb_question', score: top.score }, top, rest);
  // A ticket the models are unsure of, asked for neither in so many words nor as a service a person gives, is a question
  // ("is it gonna rain in Galway tomorrow, we've an outdoor class").
  // So is a list the models are unsure of, asked for in no words of a list, and a cancellation they are unsure of that
  // asks a question ("Weißt du, wann die Kantine heute zumacht?").
  const unsureList = (top.intent === 'list_tickets' || top.intent === 'list_devices') && top.score < CLEAR_REQUEST && !list;
  const unsureCancel = top.intent === 'cancel' && top.score < CLEAR_REQUEST && asksAQuestion(text) && !asksAboutAssistant && !able;
  if ((top.intent === 'create_ticket' && top.score < CLEAR_REQUEST && !ticketAsked && !serviceAsked()) || unsureList || unsureCancel) {
    [top, ...rest] = ahead({ intent: 'kb_question', score: top.score }, top, rest);
  }
  // How something is done, asked in so many words, is a question for the articles, however the models read its words,
  // and so is how to get something ("¿cómo se graba la pantalla? … para los monitores nuevos"); how to get equipment or
  // access stays a request a person handles ("comment on fait pour en commander un autre ?").
  // So is an action the models are unsure of and no words ask for: "the S: drive no longer appears on my computer, could
  // you point me to the instructions for reconnecting it?".
  const vagueRequest =
    (top.intent === 'create_ticket' && !ticketAsked && !serviceAsked()) ||
    (top.intent === 'install_software' && !installAsked) ||
    (actionForIntent(top.intent) !== undefined && !asked && top.score < CLEAR_REQUEST);
  // So is whether something is allowed: "Darf ich private Software installieren, zB Spotify?".
  if ((TOOLS[top.intent] === null || vagueRequest || unaskedPerson()) && !asksAboutAssistant && (asksHowTo(text) || asksWhetherAllowed(text))) {
    [top, ...rest] = ahead({ intent: 'kb_question', score: top.score }, top, rest);
  }
  // Written to thank, it asks nothing, whatever the models read into what it tells besides.
  const asksNoTool = TOOLS[top.intent] === null || top.intent === 'kb_question' || unaskedPerson();
  if (asksNoTool && !asked && !installAsked && !ticketAsked && writesToThank(text)) {
    [top, ...rest] = ahead({ intent: 'thanks', score: top.score }, top, rest);
  }
  // A question about something of IT is no greeting, thanks or goodbye, whatever its few known words made the models read.
  const greetsOnly = top.intent === 'greeting' || top.intent === 'thanks' || top.intent === 'goodbye';
  // So is a greeting read in words that greet no one: "el raton va a tirones".
  const greetsInNoWord = top.intent === 'greeting' && !GREETING_WORD.test(foldText(text));
  const asksOfIt = greetsOnly && !asksAboutAssistant && (asksAQuestion(text) || greetsInNoWord) && (await speaksOfIt(text, language ?? best.lang, classifier.notTypos));
  const told = TOOLS[top.intent] === null && !asksAboutAssistant && (asksOfIt || (await reportsProblem(text, language ?? best.lang, classifier))) ? 'kb_question' : top.intent;
  const read =
    refersToATicket(told, text) && ticketNamed
      ? 'ticket_status'
      : actionForIntent(told) && (tellsOfBehaviourOnItsOwn(text) || asksWhatItWouldDo(text)) && !asked
        ? 'kb_question'
        : told;
  // A question about the weather or the match is no question for the articles, whatever the models make of its form;
  // one about nothing but a ticket it names ("¿alguna novedad de la INC-00412?") asks how that ticket stands.
  const offTopic = (read === 'kb_question' || (read === 'help' && !asksAboutAssistant && asksOfSomethingElse(text))) && !app?.id && !(await speaksOfIt(text, language ?? best.lang, classifier.notTypos));
  const intent: Intent = offTopic ? (ticketNamed ? 'ticket_status' : 'small_talk') : read;
  const slots: Understanding['slots'] = {};
  const action = actionForIntent(intent);
  if (action) slots.action = action;
  if (device) slots.device = device;
  const ticketNumber = extractTicketNumber(text, intent !== 'ticket_status');
  if (ticketNumber !== undefined) slots.ticketNumber = ticketNumber;
  if (intent === 'install_software' && app) slots.app = app;
  // An action asked in so many words is sure, however the models scored its words: "please restart my laptop" is acted on
  // at once, whatever else the models learnt that sentence's words from.
  const askedInSoManyWords = action !== undefined && action === asked;
  return {
    language,
    intent,
    confidence: askedInSoManyWords ? Math.max(top.score, ASKED_CONFIDENCE) : top.score,
    alternatives: rest
      .filter((s) => s.intent !== intent)
      .slice(0, MAX_ALTERNATIVES)
      .map((s) => ({ intent: s.intent, confidence: s.score })),
    tool: toolForIntent(intent),
    slots,
  };
}
