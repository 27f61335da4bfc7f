import type { DeviceAction } from './extract-slots.js';
import { MAX_CLASSIFIED_LENGTH } from './prepare-text.js';
import { foldText } from '../../fold-text.js';
import { ruledOutAction, withoutRuledOut } from './negated-action.js';
import { requestClauses } from './request-clauses.js';

// "Sign Priya out of her computer please", "est-ce que tu peux fermer la session de Karim ?", "Kannst du den Rechner von
// unserem Azubi runterfahren?": a device action asked in so many words, whoever's computer it is and whatever story
// comes with it. Asked, not told: a request form ("can you", "please", an imperative) before the verb. Matched on
// lower-cased, accent-free text.
const ASK_EN = String.raw`(?:(?:can|could|would|will) (?:you|u|someone|somebody)(?: please| pls| just| quickly| remotely)?|please|pls|plz|need you to|i need you to)`;
const ASK_FR = String.raw`(?:(?:peux|pouvez|pourrais|pourriez)(?:[ -](?:tu|vous))?|(?:tu|vous) (?:peux|pouvez|pourrais|pourriez)|merci de|svp|stp|(?:de )?bien vouloir)(?: (?:me|nous|lui|leur|m'|l'|la|le))?`;
const ASK_DE = String.raw`(?:(?:kannst|konnen|konnt|konntest|konnten|wurdest|wurden) (?:du|sie|ihr)|bitte)(?: (?:mal|bitte|kurz|schnell|mir|uns))*`;
const ASK_ES = String.raw`(?:(?:puedes|puede|podeis|pueden|podrias|podria|podriais|podrian)(?: usted)?|por favor|porfa)(?: (?:me|le|nos|les|lo|la))?`;
const ASK_IT = String.raw`(?:(?:puoi|puo|potete|potresti|potrebbe|potreste)(?: lei)?|per favore|per piacere|(?<!\bnon )(?:vi|le|ti) (?:chiedo|chiederei|prego|pregherei|domando|domanderei)(?: gentilmente| cortesemente| per favore)? di)(?: (?:mi|gli|le|ci|lo|la))?`;

type Verbs = Record<DeviceAction, string>;
// Infinitives after a request form, with how many words may stand between them (German puts its object first and the
// verb last, which the verbs' own patterns allow for), and imperatives, which ask by themselves.
// Spanish and Italian join the object to the infinitive: "¿podrías reiniciarme el portátil?", "puoi spegnermi la macchina?".
const AFTER_ASK: { ask: string; between: number; verbs: Verbs; clitics?: string }[] = [
  { ask: ASK_EN, between: 1, verbs: { restart: 'restart|reboot', shutdown: 'shut down|shut off|turn off|power off|switch off|shutdown|shut \\w+ down|turn \\w+ off|power \\w+ off|(?:shut|turn|power|switch) (?:\\w+ ){0,2}(?:computer|pc|laptop|desktop|mac|macbook|imac|machine|workstation|notebook|surface|thinkpad) (?:down|off)', lock: 'lock', logout: 'log out|log off|sign out|logout|log (?:\\w+ ){1,2}(?:out|off)|sign (?:\\w+ ){1,2}out', reset_password: 'reset (?:the |my |her |his |their )?(?:\\w+ )?password' } },
  { ask: ASK_FR, between: 1, verbs: { restart: 'redemarrer|relancer|rebooter', shutdown: 'eteindre|arreter', lock: 'verrouiller|bloquer', logout: 'deconnecter|fermer (?:la|ma|sa) session', reset_password: 'reinitialiser (?:le|mon|son) (?:mot de passe|mdp)|reset (?:le|mon|son) mdp' } },
  { ask: ASK_DE, between: 0, verbs: { restart: '\\w+ (?:\\w+ ){0,8}neu ?starten|neustarten|rebooten', shutdown: '\\w+ (?:\\w+ ){0,8}(?:herunterfahren|runterfahren|ausschalten|ausmachen)', lock: '\\w+ (?:\\w+ ){0,8}sperren', logout: '\\w+ (?:\\w+ ){0,8}(?:abmelden|ausloggen)|logg?e? (?:\\w+ ){1,3}aus', reset_password: '\\w+ (?:\\w+ ){0,8}passwort (?:\\w+ )*zurucksetzen' } },
  { ask: ASK_ES, between: 1, clitics: '(?:me|le|lo|la|nos|selo|sela)?', verbs: { restart: 'reiniciar', shutdown: 'apagar', lock: 'bloquear', logout: 'cerrar (?:la|mi|su) sesion|desconectar|hacer (?:el |un )?logout', reset_password: '(?:restablecer|resetear|cambiar)(?:me|le|nos|les)? (?:la|mi|su) contrasena' } },
  // Italian drops the infinitive's last vowel before the pronoun: "riavviarlo", "spegnermi".
  { ask: ASK_IT, between: 1, clitics: '(?:e|mi|gli|lo|la|ci|le|melo|mela)?', verbs: { restart: 'riavviar', shutdown: 'spegner', lock: 'bloccar', logout: 'disconnetter|scollegar|chiudere (?:la|mia|sua) sessione|fare (?:il )?logout|far(?:e)? uscire (?:\\w+ )?(?:dal|dalla|dallo|da|dall\' ?)(?:\\w+ )?(?:account|sessione|pc|computer|portatile|mac|macbook|imac|surface|windows|teams|outlook)', reset_password: '(?:reimpostar|resettar)(?:e|mi|gli|le|ci) (?:la )?password' } },
];
const IMPERATIVE: Verbs = {
  restart: String.raw`^(?:please |pls )?(?:restart|reboot)\b|^(?:redemarre[zr]?|relance[zr]?)\b|^starte?\b.*\bneu\b|^(?:reinicia|reinicie|reiniciad)(?:lo|la|me|melo|mela)?\b|^(?:riavv?ia|riavviate)(?:lo|la|mi|melo|mela)?\b`,
  shutdown: String.raw`^(?:please |pls )?(?:shut down|turn off|power off)\b|^(?:please |pls )?shutdown (?:the|my|it|this|that)\b|^(?:eteins|eteignez)\b|^(?:fahr|fahre|fahren sie)\b.*\b(?:herunter|runter)\b|^(?:schalte?|schalten sie)\b.*\baus\b|^(?:apaga|apague|apagad)(?:lo|la|me|melo|mela)?\b|^(?:spegni|spegnete)(?:lo|la|mi|melo|mela)?\b`,
  lock: String.raw`^(?:please |pls )?lock\b|^(?:verrouille|verrouillez)\b|^(?:sperr|sperre|sperren sie)\b|^(?:bloquea|bloquee|bloquead)(?:lo|la|me|melo|mela)?\b|^(?:blocca|bloccate)(?:lo|la|mi|melo|mela)?\b`,
  logout: String.raw`^(?:please |pls )?(?:log|sign) (?:\w+ ){1,2}(?:out|off)\b|^(?:deconnecte|deconnectez|fermez la session|ferme la session)\b|^(?:meld|melde|melden sie)\b.*\bab\b|^(?:log|logg|logge|loggen sie) (?:\w+ ){1,3}aus\b|^(?:cierra|cierre|cerrad) (?:la|su) sesion\b|^(?:disconnetti|disconnettete|scollega|scollegate|chiudete la sessione|chiudi la sessione)\b`,
  reset_password: String.raw`^(?:please |pls )?reset (?:the |my |her |his |their )?(?:\w+ )?password\b|^(?:reinitialise|reinitialisez) (?:le|son|mon) (?:mot de passe|mdp)\b|^(?:setz|setze|setzen sie)\b.*\bpasswort\b.*\bzuruck\b|^(?:restablece|restablezca|restableced) (?:la|su) contrasena\b|^(?:reimposta|reimpostate|resetta|resettate) (?:la )?(?:password|pass|pwd|psw)\b`,
};

const AFTER: [DeviceAction, RegExp][] = (Object.keys(IMPERATIVE) as DeviceAction[]).map((action) => [
  action,
  new RegExp(AFTER_ASK.map(({ ask, between, verbs, clitics = '' }) => `\\b${ask}\\s+(?:\\w+\\s+){0,${between}}(?:${verbs[action]})${clitics}\\b`).join('|')),
]);
// Typed in a hurry, the infinitive and the machine alone ask too: "reiniciar PC-TALLER-2", "riavviare il pc", "redemarrer
// le poste svp". A longer clause is a statement ("reiniciar el pc no sirve de nada"), and so is one naming a fault
// ("restart loop again").
const INFINITIVE_FIRST: Verbs = {
  restart: 'restart|reboot|redemarrer|rebooter|reiniciar|riavviare',
  shutdown: 'shut down|shutdown|eteindre|apagar|spegnere',
  lock: 'lock|verrouiller|bloquear|bloccare',
  logout: 'log out|logout|sign out|deconnecter|desconectar|disconnettere',
  reset_password: 'reset password',
};
const NOT_ASKED_AFTER = String.raw`(?!.*\b(?:loop|loops|problem|problems|issue|issues|error|errors|failed|fails|again|bucle|boucle|erreur|erreurs|problema|problemas|errore|errori|fallo)\b)`;
const BARE_FIRST = (action: DeviceAction) => String.raw`^(?:${INFINITIVE_FIRST[action]})${NOT_ASKED_AFTER}(?: [\w-]+){1,3}$`;
// German asks with the bare infinitive after the machine, in a few words: "SURFACE SPERREN BITTE", "Laptop neu starten".
const INFINITIVE_DE: Verbs = {
  restart: 'neu ?starten|neustarten|rebooten',
  shutdown: 'herunterfahren|runterfahren|herunterfahrn|runterfahrn|ausschalten|ausmachen',
  lock: 'sperren',
  logout: 'abmelden|ausloggen',
  reset_password: 'passwort zurucksetzen|kennwort zurucksetzen',
};
// A question, a negation or the verb made a noun is no command: "wie kann ich sperren", "nicht neu starten", "hängt beim
// Ausschalten".
const BARE_INFINITIVE = (action: DeviceAction) => String.raw`^(?!(?:wie|warum|wann|wo|was|wer|kann|konnen|soll|muss|darf|ich|wir|du)\b)(?!.*\b(?:nicht|kein|keine)\b)(?:[\w-]+ ){1,3}(?<!\b(?:beim|zum|vom|das|dem|am|im|ans) )(?:${INFINITIVE_DE[action]})(?: (?:bitte|mal|jetzt|sofort|danke|pls))*$`;
// Asked as what has to be done: "Der Rechner vom Sepp muss neu gestartet werden", "RECHNER SOFORT AUS", "il faut redémarrer le poste de
// l'accueil", "hay que apagar el portátil de Marta", "bisogna riavviare il pc". Not what has to be done each time,
// which tells a fault ("il faut redémarrer à chaque fois").
const NEEDED: Verbs = {
  restart: String.raw`\b(?:muss|musste|sollte|soll)\b.*\bneu ?gestartet werden\b|\b(?:il faut|il faudrait|faut) (?:\w+ ){0,1}redemarrer\b|\b(?:hay que|habria que) (?:\w+ ){0,1}reiniciar\b|\b(?:bisogna|bisognerebbe|serve) (?:\w+ ){0,1}riavviare\b`,
  shutdown: String.raw`\b(?:muss|musste|sollte|soll)\b.*\b(?:heruntergefahren|runtergefahren|ausgeschaltet) werden\b|\b(?:muss|sollte)\s+(?:\w+\s+){0,2}aus$|^(?:(?:der|den|mein|meinen) )?(?:rechner|pc|computer|laptop|notebook|mac)(?: (?:sofort|schnell|bitte|mal|jetzt|gleich|direkt))* aus$|\b(?:il faut|il faudrait|faut) (?:\w+ ){0,1}eteindre\b|\b(?:hay que|habria que) (?:\w+ ){0,1}apagar\b|\b(?:bisogna|bisognerebbe|serve) (?:\w+ ){0,1}spegnere\b`,
  lock: String.raw`\b(?:muss|musste|sollte|soll)\b.*\bgesperrt werden\b|\b(?:il faut|il faudrait|faut) (?:\w+ ){0,1}verrouiller\b|\b(?:hay que|habria que) (?:\w+ ){0,1}bloquear\b|\b(?:bisogna|bisognerebbe|serve) (?:\w+ ){0,1}bloccare\b`,
  logout: String.raw`\b(?:muss|musste|sollte|soll)\b.*\babgemeldet werden\b|\b(?:il faut|il faudrait|faut) (?:\w+ ){0,1}deconnecter\b|\b(?:hay que|habria que) (?:\w+ ){0,1}cerrar (?:la|su) sesion\b|\b(?:bisogna|bisognerebbe|serve) (?:\w+ ){0,1}disconnettere\b`,
  reset_password: String.raw`\b(?:muss|musste|sollte|soll)\b.*\bpasswort\b.*\bzuruckgesetzt werden\b|\b(?:passwort|kennwort)\b.*\b(?:muss|musste|sollte|soll)\b(?: \w+){0,3} zuruckgesetzt werden\b|\b(?:il faut|il faudrait|faut) (?:\w+ ){0,1}reinitialiser (?:le|son|mon) mot de passe\b|\b(?:hay que|habria que) (?:\w+ ){0,1}(?:restablecer|resetear) (?:la|su) contrasena\b|\b(?:bisogna|bisognerebbe) (?:\w+ ){0,1}(?:reimpostare|resettare) (?:la )?password\b`,
};
const EACH_TIME = /\b(?:chaque fois|a chaque|toujours|tout le temps|jedes mal|immer|standig|cada vez|siempre|ogni volta|sempre|every time|always)\b/;
// Asked as what the assistant does, in the second person, singular or plural: "¿me reinicias el portátil?", "¿Me lo
// reiniciáis?", "Mi scolleghi dal Mac?", "ce lo riavviate?". Not "se me reinicia solo", which tells a fault.
const TO_ME_ES = String.raw`(?<!\bse )\b(?:me|nos)(?: lo| la)?`;
const TO_ME_IT = String.raw`\b(?:mi|ci|me lo|me la|ce lo|ce la)`;
const ASKED_AS_DONE: Verbs = {
  restart: String.raw`${TO_ME_ES} reinici(?:as|ais)\b|${TO_ME_IT} riavvi(?:i|ate)\b`,
  shutdown: String.raw`${TO_ME_ES} apag(?:as|ais)\b|${TO_ME_IT} speg?n(?:i|ete)\b`,
  lock: String.raw`${TO_ME_ES} bloque(?:as|ais)\b|${TO_ME_IT} blocc?(?:hi|ate)\b`,
  logout: String.raw`${TO_ME_ES} (?:desconect(?:as|ais)|cerr[ai]is la sesion|cierras la sesion|sac(?:as|ais) de la sesion)\b|${TO_ME_IT} (?:scolleg(?:hi|ate)|disconnett(?:i|ete)|chiud(?:i|ete) la sessione)\b`,
  reset_password: String.raw`${TO_ME_ES} (?:resete(?:as|ais)|restablec(?:es|eis)) la contrasena\b|${TO_ME_IT} (?:resett(?:i|ate)|reimpost(?:i|ate)) la password\b`,
};
// The action's noun and a courtesy word, and little else: "un redémarrage de mon poste svp", "einen Neustart bitte".
const COURTESY = String.raw`(?:svp|stp|please|pls|plz|bitte|por favor|porfa|per favore|merci|thanks|danke|gracias|grazie)`;
const NOUNS: Verbs = {
  restart: 'redemarrage|reboot|restart|neustart|reinicio|riavvio',
  shutdown: 'shutdown|arret|extinction|apagado|spegnimento',
  lock: 'verrouillage|sperrung|bloqueo|blocco',
  logout: 'deconnexion|logout|log out|abmeldung|cierre de sesion|disconnessione',
  reset_password: 'password reset|reinitialisation du mot de passe|passwort reset|reseteo de contrasena|reset della password',
};
// Or with a verb that only says "do it": "Mach einfach einen Neustart", "fais-moi un redémarrage", "do a quick reboot".
const DO_VERB = String.raw`(?:do|fais|faites|mach|macht|machen sie|haz|haced|haga|fai|fate|faccia)(?:-moi|-nous|mi|me)?`;
// Or formally, as proceeding with it: "Je vous saurais gré de bien vouloir procéder au redémarrage de l'iMac", "einen
// Neustart durchführen"; not asked how ("comment procéder au redémarrage ?").
const PROCEED = String.raw`(?:proceder|procedere|proceed with|perform|carry out|effectuer|realizar|efectuar|effettuare|eseguire)`;
const ASKED_AS_NOUN = (action: DeviceAction) =>
  String.raw`^(?:(?:a|an|un|une|einen|ein|uno)\s+)?(?:${NOUNS[action]})\b(?:\s+\S+){0,5}\s+${COURTESY}$|^${DO_VERB}\s+(?:\w+\s+){0,2}(?:a|an|un|une|einen|nen|ein|uno)\s+(?:\w+\s+)?(?:${NOUNS[action]})\b|` +
  String.raw`^(?!.*\b(?:how|comment|wie|como|come)\b).*\b${PROCEED}\s+(?:(?:a|au|a la|a l'|al|alla|allo|all'|the|an|un|une|el|la|lo|il|uno|una)\s*)?(?:\w+\s+)?(?:${NOUNS[action]})\b|` +
  String.raw`^(?!.*\b(?:wie|warum)\b).*\b(?:einen|ein|den) (?:\w+ )?(?:${NOUNS[action]}) (?:\w+ ){0,3}(?:durchfuhren|vornehmen)\b`;
const FIRST: [DeviceAction, RegExp][] = (Object.keys(IMPERATIVE) as DeviceAction[]).map((action) => [
  action,
  new RegExp(`${IMPERATIVE[action]}|${ASKED_AS_DONE[action]}|${ASKED_AS_NOUN(action)}|${BARE_INFINITIVE(action)}|${BARE_FIRST(action)}`),
]);
const NEEDS: [DeviceAction, RegExp][] = (Object.keys(NEEDED) as DeviceAction[]).map((action) => [action, new RegExp(NEEDED[action])]);

// Accounts, phones and cards are locked or turned off too, by a person: "bitte danach ihr Konto sperren", "can you turn
// off his account" name no computer.
const NOT_A_COMPUTER = /\b(?:accounts?|comptes?|\w*konto|\w*kontos|\w*zugang|\w*zugange|cuentas?|conto|account|utenza|sim|phones?|handys?|telephones?|telefonos?|moviles?|cellulare|cards?|cartes?|karten?|tarjetas?|badges?)\b/;

/**
 * The device action a message asks for in so many words, in one of its clauses: "can you restart Nadia's PC",
 * "sperr bitte den Rechner", "éteignez le poste de Karim". Undefined when it names none, or more than one.
 */
export function requestedAction(text: string): DeviceAction | undefined {
  const found = new Set<DeviceAction>();
  // "Bitte NICHT herunterfahren": the courtesy word is there, the request is not; nor is it in "Ich will nicht, dass Sie
  // irgendwas neu starten", across the comma.
  for (const clause of requestClauses(withoutRuledOut(text)).filter((clause) => !ruledOutAction(clause))) {
    const patterns = EACH_TIME.test(clause) ? [...FIRST, ...AFTER] : [...FIRST, ...AFTER, ...NEEDS];
    for (const [action, pattern] of patterns) {
      if (pattern.test(clause) && !((action === 'lock' || action === 'shutdown') && NOT_A_COMPUTER.test(clause))) found.add(action);
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}

// The actions' words in any form, asked or told: "Windows me pide reiniciar", "eine Neustart-Meldung", "shutdown".
const MENTIONED: [DeviceAction, RegExp][] = [
  ['restart', /\b(?:restart\w*|reboot\w*|redemarr\w*|relanc\w*|neu ?(?:ge)?start\w*|neustart\w*|reinici\w*|riavvi\w*)/],
  ['shutdown', /\b(?:shut ?down|shutting down|turn(?:ed|ing)? off|power(?:ed|ing)? off|etein\w*|eteign\w*|herunter(?:ge)?fahr\w*|runter(?:ge)?fahr\w*|aus(?:ge)?schalt\w*|apag\w*|spegn\w*)/],
  ['lock', /\b(?:lock(?:ed|ing)?|verrouill\w*|(?:ge)?sperr\w*|bloque\w*|blocc\w*)\b/],
  ['logout', /\b(?:log(?:ged|ging)? (?:me |him |her )?(?:out|off)|sign(?:ed|ing)? out|logout|deconnect\w*|abmeld\w*|abgemeldet|cerrar sesion|disconnett\w*)/],
];

/** The one device action a message speaks of, in any form: what "can you do it?" points back at. */
export function mentionedAction(text: string): DeviceAction | undefined {
  const found = mentionedActions(text);
  return found.length === 1 ? found[0] : undefined;
}

/** Every device action the message names, in any form. */
export function mentionedActions(text: string): DeviceAction[] {
  const plain = foldText(text.slice(0, MAX_CLASSIFIED_LENGTH));
  return MENTIONED.filter(([, pattern]) => pattern.test(plain)).map(([action]) => action);
}
