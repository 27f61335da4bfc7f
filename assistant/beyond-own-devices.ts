import { foldText } from './fold-text.js';
import { isCommonFirstName } from './first-names.js';
import { sentencesOf } from './sentences.js';

// Requests no user may make of the assistant, whatever the engine: overriding its rules, or acting on machines other
// than their own. Written for the five languages; matched on lower-cased, accent-free text.
const OVERRIDES = [
  /\bignor\w*\s+(?:\w+\s+){0,3}(?:instruction|instructions|rules|regles|consignes|anweisungen|regeln|instrucciones|reglas|istruzioni|regole)\b/,
  /\b(?:system prompt|prompt systeme|systemprompt|jailbreak|developer mode)\b/,
];
const EVERY_MACHINE = [
  /\b(?:every|all|each)\s+(?:\w+\s+)?(?:computers?|devices?|pcs|machines|laptops|users?|employees?)\b/,
  /\b(?:tous|toutes)\s+les\s+(?:\w+\s+)?(?:ordinateurs|appareils|postes|pc|machines|utilisateurs)\b/,
  /\balle[nrs]?\s+(?:\w+\s+)?(?:computer|rechner|gerate|pcs|laptops|benutzer|mitarbeiter)\b/,
  /\b(?:todos|todas)\s+los\s+(?:\w+\s+)?(?:ordenadores|equipos|dispositivos|computadores|pcs|usuarios)\b/,
  /\btutt[ie]\s+(?:i|gli|le)\s+(?:\w+\s+)?(?:computer|pc|dispositivi|portatili|utenti)\b/,
];

// The user's own machine, by a possessive of the first person: "meinen Computer", "il mio Dell", "my laptop".
// Or by a possessive pronoun standing for it: "j'ai oublié le mien", "I forgot mine", "meiner ist noch an".
const MINE = /\b(?:mine|le mien|la mienne|meiner|meins|el mio|la mia|il mio)\b/;
const MY_MACHINE = /\b(?:my|mon|ma|mein|meinen|meinem|mi|il mio|la mia)\s+(?:\w+\s+)?(?:laptop|computer|pc|desktop|mac|macbook|imac|ordinateur|ordi|portable|poste|rechner|ordenador|portatil|equipo|portatile|dell|hp|lenovo|thinkpad|surface)\b/;

/**
 * True when a message tries to override the assistant's rules or to act beyond the user's own devices. Every machine
 * named in a sentence that tells why is no request for every machine when another sentence asks for the user's own:
 * "der Hausmeister sagt, alle Rechner müssen aus sein. Könnt ihr meinen Computer herunterfahren?".
 */
export function asksBeyondOwnDevices(text: string): boolean {
  const plain = text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
  if (OVERRIDES.some((pattern) => pattern.test(plain))) return true;
  const sentences = sentencesOf(plain);
  const every = (sentence: string) => EVERY_MACHINE.some((pattern) => pattern.test(sentence));
  if (!sentences.some(every)) return false;
  return !sentences.some((sentence) => !every(sentence) && (MY_MACHINE.test(sentence) || MINE.test(sentence)));
}

/** Whose things a request may name: the user's own names (first and full) and their devices' names. */
export type Ownership = { names: readonly string[]; deviceNames: readonly string[] };

export function ownershipOf(profile: { userName: string; devices: readonly { name: string }[] }): Ownership {
  return { names: [profile.userName], deviceNames: profile.devices.map((d) => d.name) };
}

// What an action or an install can be done to, in the five languages.
export const THINGS =
  'laptop|notebook|computer|pc|desktop|workstation|mac|macbook|imac|machine|device|account|password|session|mdp|' +
  'ordinateur|ordi|portable|poste|compte|rechner|konto|passwort|kennwort|arbeitsplatz|geraet|gerat|' +
  'ordenador|portatil|equipo|cuenta|contrasena|computadora|portatile|dispositivo|utenza|sesion|sessione|sitzung|' +
  // Makers and lines people name their computer by: "son HP", "Sarah's ThinkPad".
  'thinkpad|surface|elitebook|latitude|hp|dell|lenovo|' +
  // The one someone else has: "c'est celui de Nadia", "quello di Marco".
  'celui|celle|quello|quella';
const THING_WORDS = new Set(THINGS.split('|'));
// People one acts for without being them.
const OTHERS =
  'colleague|colleagues|coworker|co-worker|teammate|boss|(?<!(?:password|task|file|download|device|package|credential|account|window|display|print|vpn|boot) )manager|supervisor|wife|husband|daughter|kid|kids|mom|mum|' +
  'dad|friend|intern|trainee|secretary|receptionist|new hire|new guy|new girl|new starter|new joiner|team lead|' +
  'collegue|collegues|stagiaire|alternant|chefs?|cheffe|patron|patronne|directeur|directrice|secretaire|voisin|voisine|' +
  'femme|mari|fils|fille|copain|copine|nouvel arrivant|nouvelle recrue|responsable|assistante|' +
  'kollegen?|kollegin|chefin|vorgesetzten?|vorgesetzte|praktikant(?:en|in)?|azubis?|sekretarin|assistentin|nachbarin|' +
  'sohn|tochter|freundin|teamleiter(?:in)?|abteilungsleiter(?:in)?|' +
  'companer[oa]s?|colega|colegas|jef[ea]|becari[oa]|secretari[oa]|gerente|director[a]?|vecin[oa]|esposa|' +
  'marido|hij[oa]|amig[oa]|responsable|' +
  'collega|colleghi|stagista|capo|segretari[ao]|direttore|direttrice|vicin[oa]|moglie|marito|figli[oa]|' +
  'amic[oa]|nuovo assunto|nuova assunta|responsabile|' +
  'teachers?|professeure?|lehrer(?:in)?|profesor(?:a|es)?|insegnante|docente|maestr[oa]|' +
  'receptionniste|rezeptionist(?:in)?|recepcionista|receptionist[ae]|the temp|interimaire|aushilfe|sustitut[oa]|sostitut[oa]|' +
  // Whom it is for, by a pronoun ("tu peux l'éteindre pour lui ?"), or someone new named as such ("El nuevo, Pablo, …").
  'for him|for her|pour lui|pour elle|fur ihn|para ella|per lui|' +
  'volunteers?|benevole|ehrenamtliche[nr]?|voluntari[oa]s?|volontari[oa]|azubine|profe|auxiliar|vendeuse|vendeur|verkauferin|dependient[ae]|commess[ao]|' +
  'apprentices?|work experience (?:lad|girl|kid|student)|apprentie?s?|lehrlinge?|aprendiz(?:a|es)?|apprendist[ai]|tirocinante|' +
  'accountant|bookkeeper|comptable|buchhalter(?:in)?|contable|contabile|' +
  'salesm[ae]n|saleswoman|verkaufer|vendedor(?:a|es)?|venditore|venditrice|geometra|' +
  'el nuevo(?=\\s*,)|la nueva(?=\\s*,)|chica nueva|chico nuevo|chaval(?:a)? nuev[oa]|chaval(?:a)? de practicas|le nouveau(?=\\s*,)|la nouvelle(?=\\s*,)|petit nouveau|petite nouvelle|' +
  'der neue(?=\\s*,)|die neue(?=\\s*,)|il nuovo(?=\\s*,)|la nuova(?=\\s*,)|nuovo arrivato|nuova arrivata|ragazz[ao] nuov[ao]';
// Words after "'s", "de", "di", "von", "of" that say which of one's own things, not whose.
const NOT_A_PERSON = new Set(
  (
    'what where who how that there here let he she it its one everyone nobody today yesterday tomorrow ' +
    'my your our mine the this la le les l el los las lo il gli un une una uno ein eine der die das des dem den del della dello ' +
    'mon ma mes mi mis mio mia miei mein meine meinem meiner meinen mon notre nuestro nostro unser su sua suo ' +
    'bureau travail maison casa lavoro ufficio trabajo oficina sobremesa mesa escritorio buero arbeit zuhause home work office ' +
    'windows window mac apple lenovo dell hp microsoft google zoom slack teams outlook office365 ' +
    'correo posta messagerie mail email e-mail courriel wifi vpn red rete reseau netzwerk ' +
    'usuario utente utilisateur benutzer user administrador administrateur amministratore admin dominio domaine domain ' +
    'sistema systeme system sesion session sessione test prueba prova essai reserve backup secours'
  ).split(' '),
);

const POSSESSIVE_EN = new RegExp(`\\b([a-z][\\w-]*)'s\\s+(?:(?!my\\b|your\\b)[\\w-]+\\s+){0,2}(?:${THINGS})\\b`, 'g');
// Typed in a hurry, without the apostrophe: "gareths pc", "callums imac"; only a common first name counts ("this pc").
const POSSESSIVE_BARE = new RegExp(`\\b([a-z]{3,})s\\s+(?:${THINGS})\\b`, 'g');
// The machine given to someone else: "il portatile HP che gli abbiamo dato", "the laptop we gave her".
const GIVEN_TO_OTHER = new RegExp(
  `\\b(?:${THINGS})\\b[^.?!]{0,24}\\b(?:we gave (?:him|her|them)|(?:gli|le) (?:abbiamo|hanno) dat[oa]|que le (?:dimos|han dado|hemos dado)|qu'on lui a donne|que nous lui avons donne|(?:den|das|die) wir (?:ihm|ihr) gegeben)`,
);
// The user's own, set against another's: "She ran it on her own machine and I now need it on mine", "sur le mien".
const ON_MINE = /\b(?:on|onto) mine\b|\bsur (?:le mien|la mienne)\b|\bauf (?:meinem|meinen)\b(?! \w+ (?:von|vom))|\ben (?:el mio|la mia)\b|\b(?:sul|nel) mio\b|\bsulla mia\b/;
const PRONOUN_EN = new RegExp(`\\b(?:her|his|their)\\s+(?:[\\w-]+\\s+)?(?:${THINGS})\\b`);
// Colloquial German and Spanish put an article before a first name: "der Rechner von der Moni", "el pc de la Marta".
// The thing is looked behind, so that "la sesión del Surface de Ramón" reads both "Surface" and "Ramón", and so is the
// system it runs: "la contraseña de Windows de Manolo".
const OF_PERSON = new RegExp(`(?<=\\b(?:${THINGS})\\s+(?:[\\w-]+\\s+)?(?:(?:de|di|von|of)\\s+(?:windows|mac|macos)\\s+)?)(?:(?:de|di|del|della|dello|von|vom|of)\\b|d'|dell')\\s*(?:(?:der|dem|den|la|el)\\s+)?([a-z][\\w-]*)`, 'g');
// Someone named by title after "of", whatever the case they are typed in: "den pc von frau kaya", "le poste de mme durand".
const OF_TITLED = new RegExp(
  `(?<=\\b(?:${THINGS})\\s+(?:[\\w-]+\\s+)?)(?:de|di|del|della|von|vom|of)\\s+(?:(?:der|dem|den|la|el|il|the)\\s+)?(?:frau|herrn?|mrs?|ms|miss|dr|dra|mme|madame|monsieur|mademoiselle|senora?|sra?|dona?|signora?|sig|sigra|dott|dottor|dottore|dottoressa|doctora?|avv|avvocato|ing|prof)\\.?\\s+([a-z][\\w-]*)`,
  'g',
);
// Someone new, or a trade, after "of" and an article, in lower case: "sul portatile del nuovo magazziniere", "el pc de la
// nueva", "auf dem Laptop von der neuen Azubine", "sul pc dell'enologo", "l'ordinateur du comptable". A trade is told by
// the endings of the words for people in Romance languages; the machines', places' and floors' words that share them are no one.
// The machine someone else left open, said of them with no possessive, as Italian and Spanish do: "Matteo è andato in
// pausa e ha lasciato il computer sbloccato, me lo blocchi?", "se ha dejado el portátil encendido". Left in a state a
// person leaves it in: an update "ha lasciato il pc bloccato" leaves the user's own.
const LEFT_BY_OTHER = new RegExp(
  `\\b(?:ha lasciato|si e dimenticat[oa]|ha dejado|se ha dejado|se dejo|se olvido|a laisse|a oublie)\\s+(?:(?:il|la|lo|l'|el|le)\\s*)?(?:\\w+\\s+)?(?:${THINGS})\\s+(?:\\w+\\s+)?(?:sbloccat[oa]|apert[oa]|acces[oa]|conness[oa]|loggat[oa]|desbloquead[oa]|abiert[oa]|encendid[oa]|conectad[oa]|deverrouille|ouvert|allume|connecte)\\b`,
);
// Or someone of the user's family, whose machine it is: "sul pc di mio fratello", "le portable de ma sœur".
const OF_FAMILY = new RegExp(
  `\\b(?:${THINGS})\\s+(?:[\\w-]+\\s+)?(?:of|de|di|von)\\s+(?:my|mon|ma|mi|mio|mia|meinem|meiner)\\s+(?:brother|sister|mother|father|frere|soeur|bruder|schwester|mutter|vater|herman[oa]|madre|padre|fratello|sorella|cousin|cousine|cugin[oa])\\b`,
);
const OF_NEW_PERSON = new RegExp(
  `\\b(?:${THINGS})\\s+(?:[\\w-]+\\s+)?(?:(?:of|de|di|del|della|dello|von|vom|du|des)\\b|d'|dell')\\s*(?:(?:the|der|dem|den|la|el|il|lo|le|l')\\s*)?(?:new|nouvel|nouvelle|nouveau|neue[nmrs]?|nuev[oa]|nuov[oa])\\b`,
);
const OF_TRADE = new RegExp(
  `\\b(?:${THINGS})\\s+(?:[\\w-]+\\s+)?(?:del|della|dello|dell'|du|de la|de l'|des)\\s*([a-z]+(?:iere|iera|ista|tore|trice|ologo|ologa|ero|era|dor|dora|eur|euse|rice|ier|iere|ien|ienne|logue))\\b`,
  'g',
);
const NOT_TRADES = new Set(
  'mostrador comedor corredor obrador mirador probador recibidor vestidor congelador atelier chantier grenier entrepot premier premiere dernier derniere primero primera tercero tercera cantiere quartiere dossier cahier clavier fichier papier servidor ruteador proveedor serveur routeur lecteur moniteur processeur navigateur fournisseur utilisateur ordinateur administrateur amministratore utilizzatore monitor server router computer scanner proiettore trasformatore alimentatore caricatore adattatore connettore visore lettore contatore cartero'.split(' '),
);
// "it's Gary's", "it belongs to Gary": the machine said to be someone's.
// So in the other languages: "das ist der von Jana", "que es el de Lucía", "c'est celui de Nadia" (read as "of" after "celui").
const SAID_TO_BE = /\b(?:it's|its|it is|that's|thats|that is)\s+([a-z][\w-]*)'s\b|\bbelongs to\s+([a-z][\w-]*)|\b(?:das ist|ist)\s+(?:der|die|das)\s+von\s+(?:der\s+|dem\s+)?([a-z][\w-]*)|\bes\s+(?:el|la)\s+de\s+(?:la\s+|el\s+)?([a-z][\w-]*)/g;
// "log Jamie out", "sign him off", "il logout di Giuseppe", "disconnettere Luca dal pc": whoever stands between the verb
// and its particle, after the verb before where from, or after the noun, is signed out.
const LOGGED_OUT = /\b(?:log|sign|kick)\s+([a-z][\w-]*)\s+(?:out|off)\b|\bfar(?:e)? uscire\s+([a-z][\w-]*)\s+(?:dal|dalla|dallo|da)\b|\b(?:disconnettere|disconnetti|disconnettete|scollegare|scollega|deconnecter|deconnectez|deconnecte|desconectar|desconecta|desconectad)\s+([a-z][\w-]*)\s+(?:dal|dalla|dallo|da|du|de|del|de la)\b|\b(?:logout|log out|disconnessione|deconnexion|desconexion|abmeldung)\s+(?:of|di|de|du|von)\s+([a-z][\w-]*)/g;
// Spanish "se" before "lo"/"la" is done to him or her: "se le olvidó la contraseña … ¿Se la podéis restablecer?"; and
// "la" or "lo" taken out of a session is the person: "¿la podéis sacar?".
const DONE_TO_THEM_ES = /\bse (?:lo|la|los|las) (?:(?:puedes|podes|podeis|puede|pueden|podrias|podriais)\s+)?(?:reinici|apag|bloque|restablec|resete|instal|pon|desbloque|cambi|cierr|desconect)\w*|\b(?:la|lo) (?:puedes|podes|podeis|pueden|podrias|podriais) (?:sacar|desconectar|echar)\b/;
// Spanish marks whom it is done to with "a": "¿Le podéis poner Chrome a Carmen?", "instala el KeePass a Marta".
const DONE_TO = /\b(?:pon|poner|instala|instalar|reinicia|reiniciar|apaga|apagar|bloquea|bloquear|resetea|resetear|restablece|restablecer|cierra|cerrar|desconecta|desconectar)(le|les)?\b.*?\ba\s+([a-z][\w-]*)/g;
// A name after a word of role, where "for" or "of" says whose: "for our new volunteer Aisha", "il computer del geometra
// Rossi", "pour la stagiaire Inès". German capitalises its nouns, so its words do not count here.
const ROLE_NAMED = new RegExp(
  `\\b(?:(?:for|pour|para|per)\\b|(?:${THINGS})\\s+(?:[\\w-]+\\s+)?(?:(?:of|de|di|del|della|dello|du)\\b|dell'))\\s*(?:(?:our|my|the|notre|nos|ma|mon|la|le|l'|nuestr[oa]|mi|el|il|lo|nostr[oa])\\b\\s*)?(?:(?:new|nouvel|nouvelle|nouveau|nuev[oa]|nuov[oa])\\s+)?([a-z]+),?\\s+([a-z][\\w-]*)`,
  'g',
);
// Things named by their brand or model: "the new printer Brother", "le pilote HP".
const NOT_ROLES = new Set('printer printers imprimante drucker impresora stampante driver pilote treiber controlador version versione model modele modelo modello app software'.split(' '));
// German genitive, read on the text as typed: a capitalised name with its s before the thing ("Peters Rechner"), not a
// noun ending in s before an article ("im Bestattungshaus einen Rechner").
const GENITIVE_DE = /\b(\p{Lu}\p{Ll}+)s\s+(?:(?!(?:ein|eine|einen|einem|einer|eines|den|dem|der|die|das|des)\s)\p{L}+\s+)?(?:Laptop|Rechner|Computer|PC|Mac|MacBook|Konto|Passwort|Kennwort|Arbeitsplatz|Gerät)\b/gu;
// German "at someone's": "installier bitte 7zip beim Timo"; a first name, not any capitalised noun ("beim Kunden").
const AT_PERSON_DE = /\b(?:beim|bei der|bei)\s+(\p{Lu}\p{Ll}+)\b/gu;
// Adjectives end in -es before a neuter noun too: "Lokales Kennwort", "neues Passwort" name nobody.
const ADJECTIVE_DE = new Set(
  // Articles and pronouns end in -s too: "Das lokale Kennwort", "Dieses Passwort", "Unseres Rechners".
  (
    'da de die diese jene jede welche manche unsere eure meine deine seine ihre keine eine ' +
    'lokale neue alte eigene private dienstliche personliche aktuelle ganze zweite erste andere gesamte komplette kaputte defekte gesperrte vergessene falsche richtige sichere temporare gleiche selbe'
  ).split(' '),
);
// An action asked with a colleague in it is taken for the colleague's, unless the message says the machine is the
// user's own ("sign me out, my manager needs the Mac"): refusing costs a ticket, acting on the wrong machine costs more.
const FOR_OTHER = new RegExp(`\\b(?:${OTHERS})\\b`, 'g');
// The role the user has: "I'm the office manager", "je suis la comptable", "soy la encargada".
const SELF_BEFORE = /\b(?:i'm|i am|im|je suis|ich bin|soy|sono)\s+(?:(?:the|a|an|le|la|l'|der|die|ein|eine|el|un|una|il|lo)\s*)?(?:[a-z]+\s+)?$/;
// The one who approved or asked is named after "by": "validé par mon responsable", "approved by my manager". German
// "von" also says whose ("der Laptop von meiner Kollegin"), so it does not count.
const AGENT_BEFORE = /\b(?:by|par|por|da|dal|dalla|dallo)\s+(?:[a-z]+\s+)?$/;
// Those the user shares the machine with use it too: "I share the office computer with the volunteers", "el ordenador del
// local, que compartimos con los voluntarios".
const SHARED_WITH_BEFORE =
  /\b(?:share|shares|shared|sharing|partage|partageons|partagent|partager|teile|teilen|geteilt|teilt|comparto|compartimos|compartido|compartida|compartir|condivido|condividiamo|condiviso|condivisa|condividere)\b(?:\s+[\w']+){0,6}\s+(?:with|avec|mit|con|coi|insieme a)\s+(?:[a-z']+\s+){0,2}$/;
// A piece of work done for someone makes them whom the work is for, not whose machine it is: "j'ai lancé l'export des
// factures pour le comptable … pouvez-vous redémarrer l'ordinateur ?", "the report for the accountant".
const WORK_FOR_BEFORE = new RegExp(
  '\\b(?:export|exports|report|reports|invoices?|files?|documents?|slides|presentation|quote|payroll|accounts|figures|spreadsheet|' +
    "rapport|factures?|fichiers?|devis|bilan|paie|tableau|bericht|rechnungen|rechnung|dateien|unterlagen|angebot|abrechnung|tabelle|prasentation|" +
    'exportacion|informe|facturas|archivos|documentos|presupuesto|nominas|hoja|fatture|documenti|preventivo|relazione|presentazione|buste paga)' +
    "\\s+(?:[\\w'-]+\\s+){0,4}(?:for|pour|fur|para|per)\\s+(?:(?:the|our|le|la|l'|notre|der|die|den|dem|unsere[nmr]?|el|nuestr[oa]|il|lo|nostr[oa])\\s*)?$",
);

// "install Slack for Julia in accounting", "pour Claire à la compta": a name after "for" is whom it is for, unless it is
// a day, a month, a holiday or a product ("for Monday", "pour Noël", "for Excel"). A name is typed capitalised, and not
// in capitals ("per SSH"). German capitalises every noun ("für Screenshots"), so after its "für" only a common first name
// counts ("für Kai installieren").
const GERMAN_WORDS = /\b(?:ich|und|nicht|bitte|der|die|das|ist|mit|auf|fur|mein|meinen|meine|kannst|konnt|konnen)\b/g;
const FOR_NAMED = /\b(?:for|pour|para|per|fur)\s+([a-z][\w-]*)/g;
// Where one travels is no one to act for: "dans le train pour Paris", "the flight for Berlin", "treno per Roma".
const TRAVEL_BEFORE =
  /\b(?:train|trains|tgv|eurostar|ice|frecciarossa|flight|plane|bus|coach|ferry|vol|avion|car|navette|zug|flug|flieger|tren|vuelo|autobus|treno|volo|aereo|pullman|left|leaving|heading|flying|driving|parti|partie|partis|pars|part|partito|partita|partiti|parto|salgo|sali|sale|salgo|vado|torno|rientro)\s+$/;
const NOT_A_NAME = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september ' +
    'october november december lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril mai juin ' +
    'juillet aout septembre octobre novembre decembre montag dienstag mittwoch donnerstag freitag samstag sonntag januar ' +
    'februar marz juni juli oktober dezember lunes martes miercoles jueves viernes sabado domingo enero febrero marzo abril ' +
    'mayo junio julio agosto septiembre octubre noviembre diciembre lunedi martedi mercoledi giovedi venerdi sabato ' +
    'domenica gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre christmas easter noel weihnachten ' +
    'ostern navidad natale pasqua excel word powerpoint onenote visio access project chrome firefox edge safari adobe ' +
    'acrobat photoshop sap salesforce jira confluence github gitlab python java linux android ios iphone ipad webex ' +
    'citrix vlc dropbox onedrive sharepoint notepad favore favor'
  ).split(' '),
);

// The one who wants or said it, named as such, is the reason, not whose machine it is: "der Chef will die Entwürfe in 3D",
// "the boss said so", "la directrice a dit", "il capo vuole".
const WANTS_AFTER = /^\s+(?:\w+\s+)?(?:wants|wanted|would like|said|says|asked|insists|will|wollte|mochte|hatte gern|hatte gerne|sagt|sagte|hat gesagt|meint|veut|voulait|voudrait|a dit|dit|demande|quiere|queria|querria|ha dicho|dice|pide|vuole|voleva|vorrebbe|ha detto|chiede)\b/;

// Or, with the verb first, as German puts it after a time: "ab Januar will unsere Chefin die Buchhaltung selber machen".
const WANTS_BEFORE = /\b(?:will|wollte|mochte|sagt|sagte|meint|meinte|veut|voulait|quiere|queria|dice|vuole|voleva)\s+(?:(?:unser|unsere|der|die|mein|meine|notre|le|la|nuestr[oa]|el|il|nostr[oa]|mio|mia)\s+)?$/;

function namesSomeoneToActFor(plain: string): boolean {
  return [...plain.matchAll(FOR_OTHER)].some(
    (m) =>
      !AGENT_BEFORE.test(plain.slice(Math.max(0, m.index - 24), m.index)) &&
      !WANTS_BEFORE.test(plain.slice(Math.max(0, m.index - 30), m.index)) &&
      !SHARED_WITH_BEFORE.test(plain.slice(Math.max(0, m.index - 80), m.index)) &&
      !SELF_BEFORE.test(plain.slice(Math.max(0, m.index - 30), m.index)) &&
      !WORK_FOR_BEFORE.test(plain.slice(Math.max(0, m.index - 80), m.index)) &&
      !WANTS_AFTER.test(plain.slice(m.index + m[0].length, m.index + m[0].length + 30)),
  );
}
// A hostname such as TOM-LAPTOP, as typed in capitals or lower case.
const HOSTNAME = /\b[a-z0-9]+(?:-[a-z0-9]+)*-(?:laptop|desktop|pc|mac|macbook|ws|nb|notebook)\b|\b(?:laptop|desktop|pc|mac|ws|nb)-[a-z0-9]+\b/g;
// "Windows-PC", "Apple-Laptop": a kind of computer written with a hyphen, not a hostname.
const KIND_PREFIX = /^(?:windows|win10|win11|mac|apple|lenovo|dell|hp|surface|office|arbeits|buro|firmen|home|work)-/;
// Someone else's by a third person's possessive: "son ordinateur", "seinen Laptop", "il suo pc". German "ihr" is read
// in lower case only, since "Ihr" is also the formal "your".
const THIRD_PERSON = new RegExp(
  `\\b(?:son|sa|ses|leur|leurs|sein|seine|seinen|seinem|seiner|(?:il|la|i|le|dal|dalla|del|della|sul|sulla|nel|nella|al|alla)\\s+su(?:o|a|oi|e))\\s+(?:[\\w-]+\\s+)?(?:${THINGS})\\b`,
);
// Or whom it is done for, by "ihm" or "ihr" after the one asked: "Könnt ihr ihr draw.io installieren?".
const DONE_FOR_HIM_HER_DE = /\b(?:kannst du|konnt ihr|konnen sie|konntest du|konntet ihr|konnten sie|wurdest du|wurdet ihr|wurden sie)\s+(?:(?:bitte|mal|noch)\s+)?(?:ihm|ihr)\b/;
const THIRD_PERSON_IHR = new RegExp(`(?<![\\p{L}])ihr(?:e|en|em|er)?\\s+(?!(?:mein|dein|unser|euer)\\p{L}*\\s)(?:\\p{L}+\\s+)?(?:Laptop|Rechner|Computer|PC|Mac|MacBook|iMac|Dell|HP|Lenovo|ThinkPad|Surface|Konto|Passwort|Kennwort|Arbeitsplatz|Gerät)\\b`, 'u');
// A title before a capitalised name names a person: "Frau Keller", "M. Dupont", "la signora Russo". The title may be
// in lower case, the name may not.
const TITLES = ['Mr', 'Mrs', 'Ms', 'Dr', 'Herr', 'Herrn', 'Frau', 'M\\.', 'Mme', 'Mlle', 'Monsieur', 'Madame', 'Sr', 'Sra', 'Señor', 'Señora', 'Don', 'Doña', 'Dra', 'Doctor', 'Doctora', 'Profesor', 'Profesora', 'Prof', 'Sig', 'Sig\\.ra', 'Signor', 'Signora', 'Dott', 'Dott\\.ssa', 'Dottor', 'Dottore', 'Dottoressa', 'Avv', 'Avvocato', 'Ing', 'Ingegnere', 'Arch', 'Architetto', 'Professore', 'Professoressa'];
const TITLE = `(?:${TITLES.map((title) => `[${title[0]}${title[0]!.toLowerCase()}]${title.slice(1)}`).join('|')})`;
// Whom it is for, by title: "È per la signora Russo", "for Dr Patel".
const FOR_TITLED = new RegExp(`\\b(?:[Ff]or|[Pp]er|[Pp]our|[Pp]ara|[Ff]ür|[Ff]ur)\\s+(?:(?:the|la|le|el|il|die|den|der|dem)\\s+)?${TITLE}\\.?\\s+\\p{Lu}\\p{Ll}+`, 'u');
const TITLED_NAME = new RegExp(`(?<![\\p{L}.])${TITLE}\\.?\\s+\\p{Lu}\\p{Ll}+`, 'u');
// The user introducing themselves by title: "hier spricht Frau Schäfer", "this is Dr Patel", "soy la doctora Ruiz".
const SELF_INTRODUCED = new RegExp(
  `(?:hier spricht|hier ist|ich bin|this is|it's|i am|i'm|je suis|c'est|ici|soy|le habla|habla|sono|qui e|qui è|parla)\\s+(?:(?:la|el|le|il)\\s+)?${TITLE}\\.?\\s+\\p{Lu}\\p{Ll}+`,
  'giu',
);
// The user signing the message, after a closing: "Cordiali saluti, Avv. Roberto Galli", "Mit freundlichen Grüßen\nDr. Weber".
const SIGNATURE = new RegExp(
  `(?<![\\p{L}])(?:cordiali saluti|distinti saluti|un cordiale saluto|cordialmente|saluti|grazie|atentamente|un saludo|saludos cordiales|saludos|gracias|bien cordialement|cordialement|bien à vous|salutations distinguées|merci|mit freundlichen grüßen|mit freundlichen grüssen|freundliche grüße|viele grüße|beste grüße|liebe grüße|mfg|danke|best regards|kind regards|regards|best wishes|yours sincerely|sincerely|many thanks|thanks|thank you)[\\s,.!]+(?:${TITLE}\\.?\\s+)?\\p{Lu}[\\p{L}'-]*(?:\\s+\\p{Lu}[\\p{L}'-]*){0,3}[\\s.]*$`,
  'iu',
);
// The machine said to be the user's: "PC-WORKSHOP-3, thats mine", "el HP de secretaría, es el mío".
const SAID_MINE = /\b(?:it's mine|its mine|it is mine|that's mine|thats mine|that is mine|c'est le mien|c'est la mienne|ist meiner|ist meins|es el mio|es la mia|e il mio|e la mia)\b/;
// Done to or for the user, by a pronoun on the verb: "vous pouvez me l'installer ?", "instálamelo", "me lo blocchi?".
const DONE_FOR_ME =
  `\\b(?:me|m')\\s*(?:l'|le |la |les )?(?:redemarr|etei|eteign|verrouill|deconnect|reinitialis|install|ferm|mett)\\w*|` +
  `\\b(?:reinicia|apaga|bloquea|saca|cierra|desconecta|instala|restablece|resetea|pon|reiniciar|apagar|bloquear|sacar|cerrar|desconectar|instalar|restablecer|resetear|poner)me\\b|\\bme\\s+(?:lo |la |los |las )?(?:(?:puedes|podes|podeis|puede|pueden|podrias|podriais|podria|podrian)\\s+)?(?:reinici|apag|bloque|saq|sac|cierr|desconect|instal|restablez|restablec|resete|pon)\\w*|` +
  `\\b(?:riavvia|spegni|blocca|sblocca|disconnetti|reimposta|resetta|installa|fam)mi\\b|\\b(?:mi|me lo|me la)\\s+(?:(?:puoi|potete|potresti|potreste|puo|riesci|riuscite)\\s+)?(?:riavvi|speng|spegn|blocc|disconnett|reimpost|resett|install|fai|fa|serv)\\w*`;
const DONE_FOR_ME_MARK = new RegExp(DONE_FOR_ME);
// Marks the device or account as the user's own: "my laptop", "ma session", "mein Notebook", "sign me out".
const OWN_MARK = new RegExp(
  `\\b(?:my|mon|ma|mes|mein|meine|meinen|meinem|meiner|mi|mis|mio|mia|miei|mie)\\s+(?:[\\w-]+\\s+)?(?:${THINGS}|sitzung|sesion|sessione|screen|ecran|bildschirm|pantalla|schermo)\\b|` +
    // Or after it, as Italian and Spanish may: "computer mio", "el portátil mío".
    `\\b(?:${THINGS})\\s+(?:mio|mia)\\b|` +
    // "mir", "mich" as the one it is done for, not where someone sits ("er sitzt neben mir") nor whom someone told ("hat
    // er mir geschrieben").
    `\\b(?:sign|log)\\s+me\\b|(?<!\\b(?:neben|bei|mit|hinter|vor|gegenuber|wie|er|hat|hatte) )\\b(?:mich|mir)\\b|-moi\\b|\\b(?:for me|pour moi|para mi|per me)\\b|` +
    // The user as the one it is done to, a colleague only the reason: "sácame de la sesión, se lo dejo a un compañero",
    // "disconnettimi, lo deve usare un collega", "bin am falschen Rechner angemeldet, der Kollege braucht ihn".
    `${DONE_FOR_ME}|` +
    `\\b(?:ich bin|bin ich|bin (?:am|an|auf|im|noch))\\b|` +
    // The task is now the user's, whoever did it before: "prima lo faceva la maestra, adesso tocca a me".
    `\\b(?:tocca a me|it's (?:up to|down to) me|now it's my job|c'est a moi de|c'est mon tour|jetzt bin ich dran|jetzt ist es meine aufgabe|ahora me toca|me toca a mi)\\b|` +
    // Said to be the user's: "el HP de secretaría, es el mío"; or asked for by the user: "could I get KeePassXC on here?".
    `${SAID_MINE.source}|${ON_MINE.source}|` +
    `\\b(?:could|can|may) i (?:get|have)\\b|\\b(?:would|is) it (?:be )?possible to (?:have|get)\\b|\\bware es moglich\\b|\\best-(?:il|ce) possible d'avoir\\b|\\bseria posible tener\\b|\\bsarebbe possibile avere\\b|\\b(?:c'est moi qui|it's me who|i'm the one who|i am the one who|soy yo (?:quien|el que|la que)|sono io (?:che|a))\\b|\\b(?:i need|i'd need|j'ai besoin|il me faut|il me faudrait|ich brauche|ich brauchte|necesito|necesitaria|ho bisogno|mi serve|mi servirebbe)\\b|\\bon here\\b|\\b(?:je peux|je pourrais|est-ce que je peux) (?:l' ?|les |en )?avoir\\b|\\b(?:puis-je|pourrais-je) (?:l' ?|les |en )?avoir\\b|\\b(?:kann|konnte|darf) ich\\b(?:\\s+\\w+){0,3}\\s+(?:bekommen|haben|kriegen)\\b|\\b(?:puedo|podria) tener(?:lo|la)?\\b|\\b(?:posso|potrei) aver(?:e|lo|la)\\b`,
);

// The user asks to be signed out: it is their own session, whoever takes the machine next ("déconnecte-moi du poste
// caisse, Julien prend la relève avec sa session", "meld mich ab, die Frau Wagner braucht den Rechner").
const SIGNS_ME_OUT = new RegExp(
  [
    String.raw`\b(?:log|sign|kick)\s+me\s+(?:out|off)\b`,
    String.raw`\b(?:deconnecte[sz]?|deco)[- ]moi\b|\b(?:me|m')\s*deconnect\w*|\bfermer? ma session\b`,
    String.raw`\b(?:meld|melde|melden sie)\s+mich\b.*\bab\b|\bmich\b.{0,30}\babmelden\b`,
    String.raw`\b(?:desconectame|sacame|cierrame la sesion)\b|\bme\s+(?:desconect|saq|sac)\w*|\bme\s+(?:cierras|cerrais|cierra|cierre) la sesion\b|\bme (?:puedes|podeis|puede|podrias|podriais) (?:cerrar la sesion|desconectar|sacar)\b`,
    String.raw`\b(?:disconnettimi|scollegami|sloggami|disconnettermi|scollegarmi|sloggarmi)\b|\bmi\s+(?:disconnett|scolleg)\w*|\bfammi (?:il |fare il )?(?:logout|log out|uscire)\b`,
  ].join('|'),
);

// Words typed in capitals among others in capitals ("VERROUILLEZ MON ORDI TOUT DE SUITE") say nothing by their capitals:
// "SUITE" is no name.
const SHOUTED_RUN = /(?:\p{Lu}{2,}[^\p{L}]+){2,}\p{Lu}{2,}/gu;

function isShouted(text: string, at: number): boolean {
  return [...text.matchAll(SHOUTED_RUN)].some((m) => at >= m.index && at < m.index + m[0].length);
}

/** Whether the word, found in the folded text, starts with a capital where the user typed it, and is not shouted. */
function isCapitalisedIn(text: string, word: string): boolean {
  const folded = foldText(text);
  const at = folded.search(new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));
  return at >= 0 && /\p{Lu}/u.test(text[at] ?? '') && !isShouted(text, at);
}

/** Whether the word, found in the folded text, is typed as a name: a capital, then small letters ("Julia", not "SSH"). */
function isTypedAsAName(text: string, word: string): boolean {
  const at = foldText(text).search(new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));
  return at >= 0 && /^\p{Lu}\p{Ll}+$/u.test(text.slice(at, at + word.length));
}

// "LAPTOP-7F3K2" or "pc-0231" is a hostname; "Laptop-Passwort" or "PC-Problem" is a compound word.
// So is "Empfangs-PC" or "Büro-Laptop" typed as a compound (a capital, then small letters): hostnames are typed in one case.
function looksLikeHostname(found: string, text: string): boolean {
  if (/\d/.test(found)) return true;
  const typed = text.match(new RegExp(`\\b${found}\\b`, 'i'))?.[0];
  if (!/^(?:laptop|desktop|pc|mac|ws|nb)-/.test(found)) return typed === undefined || !/^\p{Lu}\p{Ll}+-/u.test(typed);
  return typed !== undefined && typed === typed.toUpperCase();
}

/**
 * Whether someone is named by title ("Frau Keller", "la signora Bianchi") as other than the user. Named only in a story
 * the request does not share, they may be who did the work before: "Das hat bisher Herr Kowalski gemacht. … Bitte
 * installieren Sie mir das auch"; in the request's own sentence, "me lo bloccate?" is said for them.
 */
function namesTitledOther(text: string): boolean {
  const unsigned = text.replace(SIGNATURE, '');
  // Whom it is for, by title, is someone else wherever it is said: "Mi può installare Acrobat? È per la signora Russo".
  if (FOR_TITLED.test(unsigned)) return true;
  // A title's own dot ends no sentence: "La Dra. Morales se ha ido".
  const sentences = unsigned.replace(SELF_INTRODUCED, ' ').split(/(?<=[.!?;])(?<!\b(?:Dr|Dra|Sr|Sra|Mr|Mrs|Ms|M|Prof|Sig|Sig\.ra|Dott|Dott\.ssa|Avv|Ing|Arch)\.)\s+|\n+/i);
  const titled = (sentence: string) => TITLED_NAME.test(sentence);
  if (!sentences.some(titled)) return false;
  return !sentences.some((sentence) => !titled(sentence) && OWN_MARK.test(foldText(sentence)));
}

/** The hostnames a message names ("PC-STOCKROOM-1", "weingut-nb-02"), lower-cased and accent-free. */
export function hostnamesIn(text: string): string[] {
  return [...foldText(text).matchAll(HOSTNAME)].map((m) => m[0]).filter((found) => !KIND_PREFIX.test(found) && looksLikeHostname(found, text));
}

/**
 * True when an action or install request names a device or account that is not the user's: "restart Anna's desktop",
 * "le PC de Marco", "Peters Rechner sperren", a colleague's, or a hostname that is not one of the user's devices. Read
 * with the user's own names and device names, so "MacBook Air di Anna" said by Anna is her own.
 */
export function namesSomeoneElsesDevice(text: string, own: Ownership): boolean {
  const ownWords = new Set(own.names.flatMap((name) => foldText(name).split(/\s+/)).filter(Boolean));
  const ownDevices = own.deviceNames.map(foldText);
  // The user's own device names are theirs whatever words they hold.
  const plain = ownDevices.reduce((remaining, device) => remaining.split(device).join(' '), foldText(text));
  if (SIGNS_ME_OUT.test(plain)) return false;
  const isOther = (word: string) => word.length > 1 && !ownWords.has(word) && !NOT_A_PERSON.has(word) && !THING_WORDS.has(word);
  const possessors = [
    ...[...plain.matchAll(POSSESSIVE_EN)].map((m) => m[1]!),
    // "of" and its kin also say which one ("ordinateur de bureau", "pc di casa"): only a name counts, capitalised or common.
    ...[...plain.matchAll(POSSESSIVE_BARE)].map((m) => m[1]!).filter(isCommonFirstName),
    ...[...plain.matchAll(OF_PERSON)].filter((m) => isCapitalisedIn(text, m[1]!) || isCommonFirstName(m[1]!)).map((m) => m[1]!),
    ...[...plain.matchAll(OF_TITLED)].map((m) => m[1]!),
    ...[...text.matchAll(GENITIVE_DE)].map((m) => foldText(m[1]!)).filter((word) => !ADJECTIVE_DE.has(word)),
    ...[...text.matchAll(AT_PERSON_DE)].map((m) => foldText(m[1]!)).filter(isCommonFirstName),
  ];
  const beneficiaries = [...plain.matchAll(FOR_NAMED)]
    .filter((m) => !TRAVEL_BEFORE.test(plain.slice(Math.max(0, m.index - 16), m.index)))
    // German "per" is "by": "per Video", "per Teamviewer", and its nouns are all capitalised.
    .filter((m) => !(m[0].startsWith('per ') && (plain.match(GERMAN_WORDS) ?? []).length >= 2))
    .filter((m) => !m[0].startsWith('fur ') || isCommonFirstName(m[1]!))
    .map((m) => m[1]!)
    .filter((word) => !NOT_A_NAME.has(word) && isTypedAsAName(text, word));
  const saidToBe = [...plain.matchAll(SAID_TO_BE)].map((m) => (m[1] ?? m[2] ?? m[3] ?? m[4])!).filter((word) => isTypedAsAName(text, word));
  const signedOut = [...plain.matchAll(LOGGED_OUT)].map((m) => (m[1] ?? m[2] ?? m[3] ?? m[4])!).filter((word) => /^(?:him|her|them)$/.test(word) || isTypedAsAName(text, word));
  const doneTo = [...plain.matchAll(DONE_TO)].filter((m) => !NOT_A_NAME.has(m[2]!) && isTypedAsAName(text, m[2]!));
  // Said twice, by the pronoun on the verb and by "a": "cerrarle la sesión a Javi" is done to Javi, whatever else.
  if (doneTo.some((m) => m[1] && isOther(m[2]!))) return true;
  const named = [...plain.matchAll(ROLE_NAMED)]
    .filter((m) => !THING_WORDS.has(m[1]!) && !NOT_ROLES.has(m[1]!))
    .map((m) => m[2]!)
    .filter((word) => !NOT_A_NAME.has(word) && isTypedAsAName(text, word));
  const trades = [...plain.matchAll(OF_TRADE)].map((m) => m[1]!).filter((word) => !NOT_TRADES.has(word));
  if (possessors.some(isOther) || signedOut.some(isOther) || saidToBe.some(isOther) || GIVEN_TO_OTHER.test(plain) || OF_FAMILY.test(plain) || LEFT_BY_OTHER.test(plain)) return true;
  // Their machine told of in the story, an install done for the user asked in another sentence, is where they showed
  // the app: "Une collègue m'a montré draw io sur son ordi perso. Vous pouvez me l'installer ?". An action done "for me"
  // is done to theirs: "Il a oublié de fermer sa session. Vous pouvez me la fermer ?".
  const theirs = (sentence: string) => PRONOUN_EN.test(sentence) || THIRD_PERSON.test(sentence);
  const forMeBeside = sentencesOf(plain).some((sentence) => !theirs(sentence) && DONE_FOR_ME_MARK.test(sentence) && /\binstal/.test(sentence));
  if (theirs(plain) && !ON_MINE.test(plain) && !forMeBeside) return true;
  // A trade, a role or someone new is read from words alone: the user named as the one it is done to outweighs them
  // ("vous pouvez me déconnecter ? … l'ordi de l'atelier").
  // So is whom it is for ("the invoices for Harbour Print … restart it for me please").
  const weak = trades.some(isOther) || doneTo.some((m) => isOther(m[2]!)) || DONE_TO_THEM_ES.test(plain) || named.some(isOther) || beneficiaries.some(isOther) || OF_NEW_PERSON.test(plain);
  if (weak && !OWN_MARK.test(plain)) return true;
  if (THIRD_PERSON_IHR.test(text) || DONE_FOR_HIM_HER_DE.test(plain)) return true;
  if (namesTitledOther(text)) return true;
  if (namesSomeoneToActFor(plain) && !OWN_MARK.test(plain)) return true;
  // A machine the user says is theirs ("PC-WORKSHOP-3, thats mine") is theirs, whatever it is called. Only said so: "for
  // me" or "-moi" does not make TOM-LAPTOP Luc's.
  if (SAID_MINE.test(plain)) return false;
  return [...plain.matchAll(HOSTNAME)].some((m) => !ownDevices.includes(m[0]) && !KIND_PREFIX.test(m[0]) && looksLikeHostname(m[0], text));
}
