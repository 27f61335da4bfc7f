import { foldText } from '../../fold-text.js';
import { sentencesOf } from '../../sentences.js';

// "Kann ich eine Dockingstation bestellen?", "I need a replacement laptop, mine fell", "il me faudrait un deuxième
// écran": equipment is ordered by a person, however much the words of breakage around it read as a problem to look up.
// Matched on lower-cased, accent-free text.
const EQUIPMENT =
  '(?:laptops?|notebooks?|computers?|pcs?|monitors?|screens?|chargers?|headsets?|keyboards?|mouse|mice|docking ?stations?|docks?|webcams?|phones?|tablets?|printers?|batter(?:y|ies)|batteries?|akkus?|baterias?|batteria|' +
  'ordis?|ordinateurs?|portables?|ecrans?|chargeurs?|casques?|claviers?|souris|stations? d accueil|telephones?|tablettes?|imprimantes?|' +
  'rechner|bildschirme?|monitore|ladegerate?|ladekabel|netzteile?|tastaturen?|maus|mause|dockingstations?|handys?|diensthandys?|drucker|' +
  'ordenador(?:es)?|portatil(?:es)?|pantallas?|monitores|cargador(?:es)?|auriculares|cascos|teclados?|raton(?:es)?|moviles?|impresoras?|' +
  'portatili|portatile|schermi|schermo|caricator[ei]|alimentator[ei]|cuffie|tastier[ae]|cellular[ei]|telefon[oi]|stampant[ei])';
// New, another, or standing in for a broken one: "a new laptop", "einen zweiten Bildschirm", "un portátil de repuesto".
// Several are ordered too: "Ci servono due tablet", "we need three headsets".
const NEW_BEFORE =
  '(?:\\d+|two|three|four|five|deux|trois|quatre|cinq|zwei|drei|vier|funf|dos|tres|cuatro|cinco|due|tre|quattro|cinque|new|replacement|second|spare|another|extra|additional|loaner|nouvel(?:le)?|nouveau|deuxieme|second|autre|supplementaire|neue[nmrs]?|zweite[nmrs]?|zusatzliche[nmrs]?|weitere[nmrs]?|ersatz|leih|nuev[oa]s?|segund[oa]|otr[oa]|adicional|nuov[oa]|second[oa]|altr[oa]|aggiuntiv[oa])';
const NEW_AFTER =
  '(?:de remplacement|de rechange|de pret|neuve?s?|de repuesto|de sustitucion|de prestamo|nuev[oa]s?|sostitutiv[oa]|di ricambio|in prestito|nuov[oa])';
// One the user or someone already has is no order, nor one where something is set up: "wie ich mein Postfach auf meinem
// neuen Diensthandy einrichte", "configurare l'app sul nuovo telefono".
const POSSESSED =
  '(?<!\\b(?:my|our|his|her|their|mon|ma|mes|notre|nos|son|sa|ses|mein|meine|meinem|meinen|meiner|unser|unsere|unserem|unseren|unserer|sein|seine|seinem|seinen|ihrem|ihren|mi|mis|nuestro|nuestra|su|sus|mio|mia|nostro|nostra|suo|sua|' +
  '(?:on|onto|sur|auf|en|sul|sulla|sui|nel|nella|im|am)(?:\\s+(?:the|le|la|les|l|dem|den|der|el|los|las|il|lo|i))?)\\s+(?:\\w+\\s+)?)';
const WANTED = new RegExp(
  [
    `${POSSESSED}\\b${NEW_BEFORE}\\s+(?:\\w+\\s+)?${EQUIPMENT}\\b`,
    `${POSSESSED}\\b(?:ersatz|leih|zweit|dienst)\\w*${EQUIPMENT}\\b`,
    `\\b${EQUIPMENT}\\s+(?:\\w+\\s+)?${NEW_AFTER}\\b`,
    // One wanted as such: "je souhaiterais une souris ergonomique", "I need a headset", not a part of one ("a printer driver").
    // German "an dem Rechner" is where, not which.
    `\\b(?:a|an(?!\\s+(?:dem|der|den|das|meinem|meiner|unserem|unserer)\\b)|une|un|einen|eine|ein|una|uno)\\s+(?:\\w+\\s+)?${EQUIPMENT}\\b(?!\\s+(?:driver|drivers|pilote|treiber|controlador|setting|settings|cable|kabel|problem|issue|error|shortcut|shortcuts|raccourci|tastenkombination|kurzbefehl|atajo|scorciatoia|layout))`,
  ].join('|'),
);
// Ordering is asking for it whatever the equipment's state: "could you order a webcam for room 3?", "vorrei richiedere
// un mouse ergonomico"; the equipment named first, the verb comes within a few words ("el ordenador de los pedidos tarda
// … para encargar ramos" orders flowers).
const ORDERED = new RegExp(`\\b(?:order (?:me |us )?(?:a|an|some|new|another|two|three|four|five|\\d+)|request an?|commander|commande|bestellen|bestellt|anfordern|beantragen|pedir|pidan|encargar|solicitar|solicito|solicitamos|la compra de|ordinare|ordinate|richiedere|richiedo)\\b.*\\b${EQUIPMENT}\\b|\\b${EQUIPMENT}\\b(?:\\W+\\w+){0,5}?\\W+(?<!\\b(?:an|the|my|this|that|your|a) )(?:order|buy|purchase|commander|acheter|bestellen|kaufen|anschaffen|pedir|comprar|tramitar (?:el |la )?(?:pedido|compra)|encargar|ordinare|comprare|acquistare)\\b`);
// Words asking for something to be given: "I need", "could I get", "il me faudrait", "wir bräuchten", "mi serve".
const ASKING_FOR =
  /\b(?:need|needs|want|(?:can|could|may) i (?:get|have)|i d like|would like|request|please|besoin|faudrait|faut|voudrais|aimerais|souhaiterais|souhaite|je (?:vous )?demande|nous (?:vous )?demandons|brauche|brauchen|brauchte|brauchten|benotige|benotigen|hatte gern|hatten gern|bitte|necesito|necesitamos|necesitaria|quisiera|quiero|solicito|solicitamos|haria falta|hace falta|serve|servirebbe|servono|vorrei|avrei bisogno|chiedo)\b/;
// Said to need replacing: "Muss wohl ausgetauscht werden", "il faut le changer je pense", "needs replacing".
const TO_REPLACE = new RegExp(
  [
    String.raw`\b(?:muss|musste|sollte|mussen)\b.*\b(?:ausgetauscht|ersetzt|getauscht)(?: oder \w+)? werden\b|\b(?:brauche|brauchte|bruchte|brauchen) (?:\w+ )?ersatz\b`,
    String.raw`\bil (?:faut|faudrait) (?:le |la |les |l )?(?:changer|remplacer)\b(?! quoi)`,
    String.raw`\bneeds? (?:to be )?replac(?:ed|ing)\b|\bneeds? a replacement\b`,
    String.raw`\bhay que (?:cambiarl[oa]|cambiar|reemplazarl[oa]|reemplazar|sustituirl[oa])\b|\bhabria que (?:cambiarl[oa]|cambiar)\b`,
    String.raw`\b(?:va|vada|andrebbe|bisogna|bisognerebbe) (?:cambiat[oa]|sostituit[oa]|cambiarl[oa]|sostituirl[oa]|cambiare|sostituire)\b`,
  ].join('|'),
);
const MENTIONED = new RegExp(`\\b${EQUIPMENT}\\b`);
// A new one asked for, the equipment named before: "El ordenador de la caja ya no arrancó. Necesitamos uno nuevo, ¿podéis
// pedirlo?", "der Monitor ist hin, wir brauchen einen neuen".
const NEW_ONE = /\b(?:a new one|another one|a replacement|un nouveau|une nouvelle|en (?:acheter|commander) (?:un|une) (?:autre|nouveau|nouvelle)|einen neuen|ein neues|eine neue|uno nuevo|una nueva|otro nuevo|otra nueva|uno nuovo|una nuova|un altro)\s*(?:[.!?,;]|$|(?:asap|quickly|soon|vite|rapidement|bitte|schnell|cuanto antes|lo antes posible|ya|presto|al piu presto|subito)\b)/;

// How it is done, or help with the one they have, is a question for the articles.
const NOT_ORDERING = /^(?:how|where|why|comment|pourquoi|wie|warum|como|por que|come|perche)\b|\b(?:help|aide|hilfe|ayuda|aiuto)\b/;

const fold = (text: string) => foldText(text).replace(/['-]/g, ' ');

/** Whether a message asks for equipment to be provided: new, another, a replacement, or ordered, or says it must be replaced or a new one is needed. */
export function asksForEquipment(text: string): boolean {
  const plain = fold(text).trim();
  if (NOT_ORDERING.test(plain)) return false;
  // Ordered or wanted sentence by sentence: "tenemos un PC en la báscula… quiero saber por qué" asks for no PC, and "My
  // laptop restarts … an order for a customer" orders no laptop. What must be replaced may be named before.
  const sentences = sentencesOf(plain);
  const replaced = (TO_REPLACE.test(plain) || sentences.some((sentence) => NEW_ONE.test(sentence) && ASKING_FOR.test(sentence))) && MENTIONED.test(plain);
  return sentences.some((sentence) => ORDERED.test(sentence) || (WANTED.test(sentence) && ASKING_FOR.test(sentence))) || replaced;
}
