import { foldText } from '../../fold-text.js';
import { requestClauses } from './request-clauses.js';
import { asksHowTo } from './speaks-of-it.js';

// "necesito el adobe reader que no puedo abrir los pdf", "quiero el bitwarden", "Mir fehlt der Acrobat Reader", "mi
// servirebbe python 3", "ich möchte gerne das Programm …": wanting an app of the catalog is asking for it, whatever
// problem follows. Matched on lower-cased, accent-free text, right before the app's name.
const WANTS = new RegExp(
  String.raw`\b(?:i need|i'd need|i want|i'd like|could i get|can i get|can i have|could i have|need|besoin d(?:e|u)?|il me faut|il me faudrait|je voudrais|j'aimerais|(?:je )?(?:souhaiterais|souhaite|voudrais|aimerais) (?:disposer|beneficier) d(?:e|u|es)?|ich brauche|brauche|ich brauch|brauch|ich brauchte|brauchte|brauche ich|brauchte ich|brauchten wir|ich benotige|benotige ich|benotige|wir benotigen|ich hatte gern|hatte gern|ich mochte|mir fehlt|es fehlt|necesito|necesitaria|quiero|quisiera|me hace falta|me haria falta|mi serve|mi servirebbe|mi servono|vorrei|ho bisogno di|avrei bisogno di)\s+(?:(?:gerne|gern|bitte|auch|noch|really|also|aussi|bien|tambien|anche|pure|davvero)\s+){0,2}(?:(?:the|a|an|le|la|les|l'|du|de|den|die|das|der|el|los|las|un|una|il|lo|gli|i|dell'|del|della)\s*)?$`,
);
// Help with the app or how it is done is a question for the articles: "I need help with Excel", "how do I get Teams";
// "wie bei meiner alten Firma" is only "as".
const NOT_WANTING = /\b(?:help|aide|hilfe|ayuda|aiuto|how|comment)\b/;

// An app the catalog lacks could be any word, so it is wanted only as something to have on a computer: "je voudrais
// Genapi sur mon nouveau poste", "I'd like Spotify on my work PC", "bräuchte ich DATEV jetzt auch auf meinem Rechner",
// "Canva de escritorio".
const COMPUTER = String.raw`(?:laptop|notebook|computer|pc|desktop|workstation|mac|macbook|imac|machine|ordinateur|ordi|portable|poste|rechner|arbeitsplatz|ordenador|portatil|equipo|portatile|fisso|thinkpad|surface)`;
const ON_COMPUTER = new RegExp(
  String.raw`^\s*(?:(?:\w+\s+){0,2}?(?:on|onto|sur|auf|en|sul|sulla|nel|in)\s+(?:[\w'-]+\s+){0,3}?${COMPUTER}|(?:de |para |per |pour |fur )?(?:escritorio|desktop))\b`,
);
// A name written as products are, with a capital inside it ("SketchUp", "WinRAR", "QuickBooks"), is an app's.
const PRODUCT_NAME = /\p{Ll}\p{Lu}/u;

// A kind of software before a name makes it an app: "vorrei il gestionale Danea Easyfatt", "I'd like the tool Miro".
const SOFTWARE = String.raw`(?:software|program|programme|app|application|tool|logiciel|appli|programm|anwendung|programa|aplicacion|herramienta|gestionale|programma|applicazione)`;
const SOFTWARE_BEFORE = new RegExp(String.raw`\b${SOFTWARE}\s+$`);
const SOFTWARE_FIRST = new RegExp(String.raw`^${SOFTWARE}\s+\S`);

/** Whether the message wants the app named by `phrase` (as it stands in the text), of the catalog or not. */
export function wantsApp(text: string, phrase: string, inCatalog: boolean): boolean {
  const plain = foldText(text);
  const name = foldText(phrase);
  if (!name || NOT_WANTING.test(plain) || asksHowTo(text)) return false;
  // Wherever it is named: told of first ("Sie hat das bisher mit DATEV gemacht"), wanted after ("bräuchte ich DATEV").
  for (let at = plain.indexOf(name); at > 0; at = plain.indexOf(name, at + name.length)) {
    const before = plain.slice(Math.max(0, at - 60), at);
    const kind = SOFTWARE_BEFORE.exec(before);
    if (!WANTS.test(kind ? before.slice(0, kind.index) : before)) continue;
    if (inCatalog || kind !== null || SOFTWARE_FIRST.test(name) || PRODUCT_NAME.test(phrase) || ON_COMPUTER.test(plain.slice(at + name.length))) return true;
  }
  return false;
}

// "installe moi photoshop", "¿Se puede instalar SketchUp?", "Bitte WinSCP installieren", "can I get WinRAR
// installed?": an install asked in so many words, by an imperative, a request form or asking whether it may be done,
// before the verb (German after its object). Matched on lower-cased, accent-free text, clause by clause.
const INSTALL_ASKED = new RegExp(
  [
    String.raw`^(?:please |pls |kindly )?install\b|\b(?:can|could|would|will) (?:you|u|someone|somebody|i|we)(?: please| pls| just)? (?:install|get (?:\w+ ){1,3}installed|have (?:\w+ ){1,3}installed)\b|\b(?:please|pls|need you to) install\b|\bis it (?:possible|ok|okay|allowed) to (?:install|get (?:\w+ ){1,3}installed)\b|\b(?:i(?:'d| would) like|need|want) (?:\w+ ){1,3}installed\b`,
    String.raw`^installe[rz]?\b|\b(?:peux|pouvez|pourrais|pourriez)(?:[ -](?:tu|vous))?(?: me| m'| nous)? installer\b|\b(?:tu|vous) (?:peux|pouvez|pourrais|pourriez)(?: me| m'| nous)? installer\b|\b(?:on peut|peut[ -]on|est[ -]ce qu'on peut|c'est possible d'|est[ -]il possible d'|merci d')installer\b`,
    String.raw`^installier(?:e|en sie|t)?\b|\b(?:kannst|konnen|konnt|konntest|konnten|wurdest|wurden) (?:du|sie|ihr)\b.*\b(?:installieren|draufmachen|drauf machen|draufspielen|aufspielen|draufpacken)\b|\bbitte\b.*\b(?:installieren|draufmachen|drauf machen|draufspielen|aufspielen)\b|\b(?:kann|konnte) man\b.*\binstallieren\b`,
    String.raw`^(?:instala|instale|instalad|instalame|instaleme|instalenme|instaladme|instalanos)\b|\b(?:puedes|puede|podeis|pueden|podrias|podria)(?: usted)?(?: me| nos)? instalar(?:me|nos)?\b|\bme (?:instalas|instala|instalais|instalan)\b|\b(?:se puede|es posible|seria posible|podria) instalar\b`,
    String.raw`^(?:installa|installate|installami|installatemi|installaci)\b|\b(?:puoi|puo|potete|potresti|potrebbe|potreste)(?: lei)?(?: mi| ci)? installar(?:e|mi|ci)\b|\bmi (?:installi|installa|installate)\b|\b(?:si puo|e possibile|sarebbe possibile) installare\b`,
  ].join('|'),
);

// "Put" asks for an install too when the app goes to the user ("potete mettermi l'adobe illustrator?", "ponme el
// Qvet") or onto a computer ("pon el Qvet en el ordenador de Marta", "mettez Chrome sur le PC de la boutique"); put
// anywhere else ("put me through to IT") it does not.
const PUT_FOR_ME = /^(?:ponme|ponedme|pongame|mettimi|mettetemi|mets[ -]moi|mettez[ -]moi)\b|\b(?:puedes|puede|podeis|podrias)(?: usted)? ponerme\b|\b(?:puoi|potete|potresti|potreste|puo) mettermi\b|\bme (?:pones|poneis)\b|\bmi (?:metti|mettete)\b/;
const PUT = /^(?:put|pon|poned|ponga|metti|mettete|mets|mettez)\b|\b(?:can|could) (?:you|u) put\b|\b(?:puedes|puede|podeis|podrias)(?: usted)? poner\b|\b(?:puoi|potete|potresti|potreste|puo) mettere\b|\b(?:peux|pouvez|pourriez)(?:[ -](?:tu|vous))? mettre\b/;
const ONTO_COMPUTER = new RegExp(String.raw`\b(?:on|onto|sur|en|sul|sulla|nel)\s+(?:[\w'-]+\s+){0,3}?${COMPUTER}\b`);

// Asked of the user by someone else, for the user's computer: "el informático me pide que instale Postman", "the
// supplier asked me to install AnyDesk", "il fornitore vuole che installi TeamViewer".
const ASKED_TO_INSTALL = /\b(?:asked|asks|wants|told|tells) me to install\b|\bque (?:instale|instalemos)\b|\bche (?:installi|installiamo)\b|\b(?:demande|demandent|veut) (?:de |d'|que j'|qu'on )?install\w*|\bsoll ich\b.*\binstallieren\b/;

/** Whether a message asks in so many words for something to be installed, whatever app it names. */
export function asksToInstall(text: string): boolean {
  const onto = ONTO_COMPUTER.test(foldText(text));
  return requestClauses(text).some((clause) => INSTALL_ASKED.test(clause) || ASKED_TO_INSTALL.test(clause) || PUT_FOR_ME.test(clause) || (onto && PUT.test(clause)));
}
