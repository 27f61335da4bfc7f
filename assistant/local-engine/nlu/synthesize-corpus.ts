import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from '../../../i18n/languages.js';
import type { ModelIntent } from './intents.js';

// The hand-written corpus teaches how each request is phrased. What it cannot list by hand is added here, the
// same way for every language:
// - the breadth of IT problems: any problem is a question for the knowledge base, so sentences pairing a
//   subject of the knowledge-base lexicon (printer, VPN, mailbox…) with a problem (broken, slow…) teach
//   the classifier the whole field's vocabulary;
// - the words of requests used otherwise: to describe a problem or ask how ("my laptop keeps restarting", "how
//   do I install the printer driver"), aimed at what is not one of the user's computers ("restart teams"),
//   turned down ("don't shut down my pc"), or in a thank-you that says what works again or what was done
//   ("thanks, the vpn works again", "thanks for restarting my laptop");
// - wrapping: users greet, apologize and thank around their request ("hi, sorry to bother you, …, thanks"),
//   give the problem or the reason behind a request, tell the story before asking, and string greetings, thanks
//   and goodbyes together; those words must not decide the intent.

const LEXICON_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'kb-index', 'lexicon');

export type Example = { utterance: string; intent: ModelIntent };

type Concept = { id: string; terms: Partial<Record<Language, string[]>> };

// Lexicon concepts that are themselves requests the assistant carries out (restart, lock, install, tickets…):
// sentences about them are written by hand, with the contrast between asking and asking how.
const NOT_SUBJECTS = new Set([
  'restart', 'shutdown', 'screen_lock', 'logout', 'password_reset', 'reset', 'install', 'uninstall', 'reinstall',
  'software_center', 'app_store', 'switch_user', 'sleep', 'factory_reset', 'remote_wipe',
]);
// Problem concepts that say nothing about a fault on their own.
const NOT_PROBLEMS = new Set(['help', 'retry', 'forgot']);
// Support-process concepts that describe a problem or a how-to rather than a request to the helpdesk.
const SUPPORT_SUBJECTS = new Set([
  'onboarding', 'offboarding', 'equipment_return', 'outage', 'known_issue', 'maintenance', 'office_move', 'desk_setup',
  'access_request', 'name_change', 'byod', 'it_policy', 'training', 'how_to_guide', 'multiple_users_affected',
]);

// Words that open a question about a problem, per language ('' leaves the pair bare, as users often do).
const OPENERS: Record<Language, string[]> = {
  en: ['', '', 'my', 'the', 'our', 'help', 'why is my', 'how do I fix', 'what to do', 'since this morning', 'again', 'any idea why', 'hi,', 'question:', 'urgent:'],
  fr: ['', '', 'mon', 'ma', 'le', 'la', 'aide', 'pourquoi', 'comment réparer', 'je fais quoi', 'depuis ce matin', 'encore', 'une idée ?', 'bonjour,', 'urgent :'],
  de: ['', '', 'mein', 'meine', 'der', 'die', 'hilfe', 'warum', 'wie behebe ich', 'was tun', 'seit heute morgen', 'schon wieder', 'jemand eine idee', 'hallo,', 'dringend:'],
  es: ['', '', 'mi', 'el', 'la', 'ayuda', 'por qué', 'cómo arreglo', 'qué hago', 'desde esta mañana', 'otra vez', 'alguna idea', 'hola,', 'urgente:'],
  it: ['', '', 'il mio', 'la mia', 'il', 'la', 'aiuto', 'perché', 'come risolvo', 'cosa faccio', 'da stamattina', 'di nuovo', 'qualche idea', 'ciao,', 'urgente:'],
};

// Politeness around a request, per language.
const PREFIXES: Record<Language, string[]> = {
  en: ['hi', 'hello', 'hey', 'good morning', 'hi, hope you are well', 'hello there', 'quick question', 'hi team', 'ok so', 'sorry,', 'good afternoon'],
  fr: ['bonjour', 'salut', "bonjour, j'espère que vous allez bien", 'coucou', 'hello', 'petite question', 'bonsoir', 'alors', 'pardon,', 'rebonjour'],
  de: ['hallo', 'hi', 'guten morgen', 'hallo zusammen', 'guten tag', 'servus', 'kurze frage', 'also', 'entschuldigung,', 'hey'],
  es: ['hola', 'buenas', 'buenos días', 'hola, qué tal', 'hey', 'una pregunta', 'oye', 'a ver', 'perdón,', 'hola equipo'],
  it: ['ciao', 'buongiorno', 'salve', 'ciao, come va', 'ehi', 'una domanda', 'allora', 'senti', 'scusa,', 'buonasera'],
};
const SUFFIXES: Record<Language, string[]> = {
  en: ['thanks', 'thank you', 'pls', 'please', 'thx', 'asap', 'cheers', 'thanks in advance', '!!', '?'],
  fr: ['merci', 'svp', 'stp', 'merci d\'avance', 'merci beaucoup', 'rapidement svp', '!!', '?'],
  de: ['danke', 'bitte', 'danke euch', 'vielen dank', 'danke im voraus', 'pls', '!!', '?'],
  es: ['gracias', 'por favor', 'porfa', 'gracias de antemano', 'mil gracias', 'plis', '!!', '?'],
  it: ['grazie', 'per favore', 'grazie mille', 'grazie in anticipo', 'pls', 'per piacere', '!!', '?'],
};

// Content intents: a greeting or a thank-you around them does not change what the user wants.
const WRAPPED_INTENTS: ModelIntent[] = [
  'kb_question', 'device_restart', 'device_lock', 'device_shutdown', 'device_logout', 'device_reset_password',
  'install_software', 'list_devices', 'ticket_status', 'list_tickets', 'create_ticket', 'escalate',
];

// Greetings, thanks, goodbyes and questions about the assistant come one after the other in one message ("thanks,
// you've been a great help, have a nice weekend!"): long as that message is, it asks for nothing.
const CHAINED_INTENTS: ModelIntent[] = ['greeting', 'thanks', 'goodbye', 'help'];

// The words of the device actions (restart, shut down, lock, log out, reset a password) also describe problems
// and how-to questions: "my laptop keeps restarting", "how do I lock my screen", "I already rebooted". Those are
// questions for the knowledge base; requests are written by hand in the corpus. Each pattern takes a subject.
const ACTION_PROBLEMS: Record<Language, string[]> = {
  en: [
    'is there a way to lock {s} with a shortcut', 'can I restart {s} myself', 'what is the quickest way to shut down {s}', "my colleague's {s} keeps restarting", 'the laptop of the new hire logs him out all the time', 'since the restart {s} is slower', 'after I rebooted {s} the sound is gone',
    '{s} is really slow to shut down', '{s} takes forever to reboot', '{s} hangs when shutting down',
    '{s} keeps restarting', '{s} restarts by itself', '{s} rebooted on its own last night', "{s} won't restart", '{s} is stuck on restarting',
    'how do I restart {s}', 'how to reboot {s} properly', 'I already restarted {s}, same problem', "restarting {s} didn't help",
    '{s} keeps shutting down', '{s} turns off by itself', '{s} switched off suddenly', "{s} won't shut down", 'how do I shut down {s}',
    'I turned {s} off and on again, still broken', '{s} locks itself all the time', '{s} locks way too quickly', 'how do I lock {s}',
    '{s} got locked after the update', '{s} logs me out all the time', 'I keep getting signed out of {s}', 'how do I log out of {s}',
    'how do I reset the password of {s}', '{s} says my password is wrong', '{s} asks for a password I never set',
  ],
  fr: [
    'y a un raccourci pour verrouiller {s}', 'je peux redémarrer {s} moi-même ?', "c'est quoi le plus rapide pour éteindre {s}", 'le pc de mon collègue redémarre tout le temps', 'le portable du nouveau le déconnecte sans arrêt', 'depuis le redémarrage {s} est plus lent', "après avoir redémarré {s} j'ai plus de son",
    "{s} est très long à s'éteindre", '{s} met une éternité à redémarrer', "{s} bloque pendant l'arrêt",
    '{s} redémarre sans arrêt', '{s} redémarre tout seul', "{s} a redémarré tout seul cette nuit", '{s} ne veut pas redémarrer', '{s} reste bloqué au redémarrage',
    'comment redémarrer {s}', 'comment bien relancer {s}', "j'ai déjà redémarré {s}, même problème", "redémarrer {s} n'a rien changé",
    "{s} s'éteint sans arrêt", "{s} s'éteint tout seul", "{s} s'est coupé d'un coup", "{s} ne veut pas s'éteindre", 'comment éteindre {s}',
    "j'ai éteint et rallumé {s}, toujours en panne", '{s} se verrouille tout le temps', '{s} se verrouille beaucoup trop vite', 'comment verrouiller {s}',
    "{s} s'est bloqué après la mise à jour", '{s} me déconnecte tout le temps', 'je suis sans cesse déconnecté de {s}', 'comment se déconnecter de {s}',
    'comment réinitialiser le mot de passe de {s}', '{s} dit que mon mot de passe est faux', '{s} demande un mot de passe que je ne connais pas',
  ],
  de: [
    'gibt es ein tastenkürzel um {s} zu sperren', 'kann ich {s} selbst neu starten', 'wie fahre ich {s} am schnellsten herunter', 'der pc von meinem kollegen startet ständig neu', 'der laptop vom neuen kollegen meldet ihn dauernd ab', 'seit dem neustart ist {s} langsamer', 'nach dem neustart von {s} ist der ton weg',
    '{s} fährt total langsam herunter', '{s} braucht beim neustart eine ewigkeit', '{s} hängt beim herunterfahren',
    '{s} startet ständig neu', '{s} startet von selbst neu', '{s} hat heute nacht von allein neu gestartet', '{s} startet nicht neu', '{s} hängt beim neustart',
    'wie starte ich {s} neu', 'wie startet man {s} richtig neu', 'hab {s} schon neu gestartet, gleiches problem', 'neustart von {s} hat nichts gebracht',
    '{s} geht ständig aus', '{s} schaltet sich von selbst aus', '{s} ist plötzlich ausgegangen', '{s} fährt nicht herunter', 'wie fahre ich {s} herunter',
    '{s} aus- und wieder eingeschaltet, immer noch kaputt', '{s} sperrt sich ständig', '{s} sperrt sich viel zu schnell', 'wie sperre ich {s}',
    '{s} ist nach dem update gesperrt', '{s} meldet mich ständig ab', 'ich werde dauernd von {s} abgemeldet', 'wie melde ich mich von {s} ab',
    'wie setze ich das passwort von {s} zurück', '{s} sagt mein passwort ist falsch', '{s} will ein passwort das ich nicht kenne',
  ],
  es: [
    'hay algún atajo para bloquear {s}', 'puedo reiniciar {s} yo mismo', 'cuál es la forma más rápida de apagar {s}', 'el pc de mi compañero se reinicia todo el rato', 'al nuevo el portátil le cierra la sesión todo el rato', 'desde el reinicio {s} va más lento', 'después de reiniciar {s} no hay sonido',
    '{s} tarda muchísimo en reiniciarse', '{s} va lentísimo al apagar', '{s} se cuelga al apagarse',
    '{s} se reinicia todo el rato', '{s} se reinicia solo', '{s} se reinició solo anoche', '{s} no se reinicia', '{s} se queda reiniciando',
    'cómo reinicio {s}', 'cómo se reinicia bien {s}', 'ya reinicié {s}, mismo problema', 'reiniciar {s} no sirvió de nada',
    '{s} se apaga todo el rato', '{s} se apaga solo', '{s} se apagó de golpe', '{s} no se apaga', 'cómo apago {s}',
    'apagué y encendí {s} y sigue fallando', '{s} se bloquea todo el rato', '{s} se bloquea demasiado rápido', 'cómo bloqueo {s}',
    '{s} se bloqueó después de la actualización', '{s} me cierra la sesión todo el rato', 'me desconecta todo el rato de {s}', 'cómo cierro sesión en {s}',
    'cómo restablezco la contraseña de {s}', '{s} dice que mi contraseña es incorrecta', '{s} pide una contraseña que no conozco',
  ],
  it: [
    'c\'è una scorciatoia per bloccare {s}', 'posso riavviare {s} da solo', 'qual è il modo più veloce per spegnere {s}', 'il pc del mio collega si riavvia di continuo', 'il portatile del nuovo collega lo disconnette sempre', 'dal riavvio {s} è più lento', 'dopo aver riavviato {s} non ho più audio',
    '{s} è lentissimo a spegnersi', '{s} impiega tanto a riavviarsi', '{s} si blocca durante lo spegnimento',
    '{s} si riavvia di continuo', '{s} si riavvia da solo', '{s} si è riavviato da solo stanotte', '{s} non si riavvia', '{s} resta bloccato al riavvio',
    'come riavvio {s}', 'come si riavvia bene {s}', 'ho già riavviato {s}, stesso problema', 'riavviare {s} non è servito',
    '{s} si spegne di continuo', '{s} si spegne da solo', "{s} si è spento all'improvviso", '{s} non si spegne', 'come spengo {s}',
    'ho spento e riacceso {s}, ancora rotto', '{s} si blocca in continuazione', '{s} si blocca troppo in fretta', 'come blocco {s}',
    "{s} si è bloccato dopo l'aggiornamento", '{s} mi disconnette sempre', 'vengo disconnesso di continuo da {s}', 'come esco da {s}',
    'come reimposto la password di {s}', '{s} dice che la password è sbagliata', '{s} chiede una password che non conosco',
  ],
};
const ACTION_SUBJECTS: Record<Language, string[]> = {
  en: ['my laptop', 'the laptop', 'my pc', 'my computer', 'my mac', 'the macbook', 'my desktop', 'teams', 'outlook', 'the vpn', 'my phone', 'windows', 'the screen', 'my workstation'],
  fr: ['mon portable', 'le pc', 'mon ordi', 'mon ordinateur', 'mon mac', 'le macbook', 'le pc fixe', 'teams', 'outlook', 'le vpn', 'mon téléphone', 'windows', "l'écran", 'mon poste'],
  de: ['mein laptop', 'der laptop', 'mein pc', 'mein rechner', 'mein mac', 'das macbook', 'der desktop pc', 'teams', 'outlook', 'das vpn', 'mein handy', 'windows', 'der bildschirm', 'mein arbeitsplatz'],
  es: ['mi portátil', 'el portátil', 'mi pc', 'mi ordenador', 'mi mac', 'el macbook', 'el pc de sobremesa', 'teams', 'outlook', 'la vpn', 'mi móvil', 'windows', 'la pantalla', 'mi equipo'],
  it: ['il mio portatile', 'il portatile', 'il mio pc', 'il mio computer', 'il mio mac', 'il macbook', 'il pc fisso', 'teams', 'outlook', 'la vpn', 'il mio telefono', 'windows', 'lo schermo', 'la mia postazione'],
};

// Symptoms users give as the reason for a device action ("restart it, it's frozen"): the request decides.
const SYMPTOMS: Record<Language, string[]> = {
  en: ["it's frozen", 'nothing responds', "it's stuck on the login screen", 'the screen is black', "it's super slow", 'apps keep crashing', "it's been hanging since this morning", "the mouse doesn't move", "it won't let me log in", 'the fan is going crazy', 'updates are pending', 'it keeps asking to restart for the updates', "it doesn't respond at all", "I don't need it before monday", 'not the other one'],
  fr: ['il est figé', 'plus rien ne répond', "il est bloqué sur l'écran de connexion", "l'écran est noir", 'il rame à mort', 'les applis plantent sans arrêt', 'il est bloqué depuis ce matin', 'la souris ne bouge plus', 'il ne me laisse pas me connecter', 'le ventilo tourne à fond', 'des mises à jour sont en attente', 'il demande sans arrêt un redémarrage pour les mises à jour', 'il ne répond plus du tout', "je n'en ai pas besoin avant lundi", "pas l'autre"],
  de: ['er ist eingefroren', 'nichts reagiert mehr', 'er hängt am anmeldebildschirm', 'der bildschirm ist schwarz', 'er ist extrem langsam', 'die programme stürzen dauernd ab', 'er hängt seit heute morgen', 'die maus bewegt sich nicht', 'ich komme nicht rein', 'der lüfter dreht durch', 'updates stehen an', 'er will ständig für updates neu starten', 'er reagiert gar nicht mehr', 'ich brauche ihn nicht vor montag', 'nicht den anderen'],
  es: ['está congelado', 'no responde nada', 'se quedó en la pantalla de inicio de sesión', 'la pantalla está en negro', 'va lentísimo', 'las aplicaciones se cierran solas', 'está colgado desde esta mañana', 'el ratón no se mueve', 'no me deja entrar', 'el ventilador va a tope', 'hay actualizaciones pendientes', 'no para de pedir reiniciar por las actualizaciones', 'no responde nada de nada', 'no lo necesito hasta el lunes', 'no el otro'],
  it: ['è bloccato', 'non risponde più niente', 'è fermo sulla schermata di accesso', 'lo schermo è nero', 'è lentissimo', 'le app si chiudono di continuo', 'è piantato da stamattina', 'il mouse non si muove', 'non mi fa entrare', 'la ventola va a palla', 'ci sono aggiornamenti in sospeso', 'continua a chiedere di riavviare per gli aggiornamenti', 'non risponde proprio', 'non mi serve fino a lunedì', "non l'altro"],
};
// Users often tell the story first and ask last, naming the computer once and then only by a pronoun ("my laptop
// has been acting weird all morning, could you reboot it from your side?"): the story has the words of a problem,
// the request decides. {d} is one of the user's computers, masculine where the language needs it to agree.
type Narrated = { intent: ModelIntent; stories: string[]; requests: string[] };
const NARRATED_DEVICES: Record<Language, string[]> = {
  en: ['my laptop', 'my pc', 'my mac', 'the computer at my desk', 'my macbook', 'my work laptop', 'my windows pc'],
  fr: ['mon portable', 'mon pc', 'mon mac', "l'ordi de mon bureau", 'mon macbook', 'mon pc du boulot', 'mon pc windows'],
  de: ['mein laptop', 'mein pc', 'mein mac', 'der rechner an meinem platz', 'mein arbeitslaptop', 'mein windows pc'],
  es: ['mi portátil', 'mi pc', 'mi mac', 'el ordenador de mi mesa', 'mi macbook', 'mi portátil del trabajo', 'mi pc windows'],
  it: ['il mio portatile', 'il mio pc', 'il mio mac', 'il computer della mia scrivania', 'il mio macbook', 'il portatile del lavoro', 'il mio pc windows'],
};
const NARRATED: Record<Language, Narrated[]> = {
  en: [
    { intent: 'device_restart', stories: ['{d} has been acting weird all morning', '{d} froze in the middle of a call', 'since lunch {d} is crawling and apps hang', '{d} is stuck on a blue screen', 'nothing responds on {d} anymore'], requests: ['could you reboot it from your side?', 'can you restart it remotely', 'please restart it', 'restart it pls', 'can you give it a reboot'] },
    { intent: 'device_shutdown', stories: ['I left {d} running at the office all weekend', '{d} is still on and I am already home', 'I forgot to switch off {d} before the holidays'], requests: ['can you turn it off remotely', 'please shut it down', 'could you power it off for me'] },
    { intent: 'device_lock', stories: ['I left {d} open on my desk', 'I walked away from {d} without locking it', '{d} is unlocked in the meeting room'], requests: ['can you lock it remotely', 'please lock it', 'lock it now pls'] },
    { intent: 'device_logout', stories: ['I am still signed in on {d} in room 4', 'my session is still open on {d}', 'I switched desks and {d} still has my session'], requests: ['can you log me out of it', 'please sign me out there', 'could you close my session on it'] },
    { intent: 'device_reset_password', stories: ["I can't get into {d} anymore", 'I changed the password of {d} on friday and forgot it', '{d} keeps saying my password is wrong'], requests: ['can you reset the password', 'please reset my password on it', 'I need a new password for it'] },
  ],
  fr: [
    { intent: 'device_restart', stories: ["{d} fait n'importe quoi depuis ce matin", '{d} a planté en pleine visio', 'depuis midi {d} rame et les applis se figent', '{d} est bloqué sur un écran bleu', 'plus rien ne répond sur {d}'], requests: ['tu peux le redémarrer de ton côté ?', 'vous pouvez le redémarrer à distance', 'redémarre-le stp', 'relance-le svp', 'tu peux le rebooter'] },
    { intent: 'device_shutdown', stories: ["j'ai laissé {d} allumé au bureau tout le week-end", '{d} est encore allumé et je suis déjà chez moi', "j'ai oublié d'éteindre {d} avant les vacances"], requests: ['tu peux l\'éteindre à distance', 'éteins-le stp', 'vous pouvez le couper pour moi'] },
    { intent: 'device_lock', stories: ["j'ai laissé {d} ouvert sur mon bureau", "je suis parti sans verrouiller {d}", '{d} est déverrouillé dans la salle de réunion'], requests: ['tu peux le verrouiller à distance', 'verrouille-le stp', 'vous pouvez le bloquer tout de suite'] },
    { intent: 'device_logout', stories: ['je suis encore connecté sur {d} en salle 4', 'ma session est encore ouverte sur {d}', "j'ai changé de bureau et {d} a encore ma session"], requests: ['tu peux me déconnecter', 'déconnecte-moi stp', 'vous pouvez fermer ma session dessus'] },
    { intent: 'device_reset_password', stories: ["je n'arrive plus à entrer sur {d}", "j'ai changé le mot de passe de {d} vendredi et je l'ai oublié", '{d} me dit que mon mot de passe est faux'], requests: ['tu peux réinitialiser le mot de passe', 'vous pouvez me remettre un mot de passe', "il me faut un nouveau mot de passe dessus"] },
  ],
  de: [
    { intent: 'device_restart', stories: ['{d} spinnt seit heute früh', '{d} ist mitten im call eingefroren', 'seit mittag ist {d} lahm und alles hängt', '{d} hängt am bluescreen', 'auf {d} reagiert nichts mehr'], requests: ['kannst du ihn aus der ferne neu starten?', 'bitte starte ihn neu', 'kannst du ihn rebooten', 'starte ihn bitte neu', 'mach bitte einen neustart'] },
    { intent: 'device_shutdown', stories: ['ich habe {d} übers wochenende im büro laufen lassen', '{d} ist noch an und ich bin schon zuhause', 'ich habe vergessen {d} vor dem urlaub auszuschalten'], requests: ['kannst du ihn aus der ferne ausschalten', 'fahr ihn bitte herunter', 'kannst du ihn für mich abschalten'] },
    { intent: 'device_lock', stories: ['{d} steht offen auf meinem tisch', 'ich bin weg ohne {d} zu sperren', '{d} ist im besprechungsraum entsperrt'], requests: ['kannst du ihn aus der ferne sperren', 'sperr ihn bitte', 'bitte sofort sperren'] },
    { intent: 'device_logout', stories: ['ich bin noch an {d} in raum 4 angemeldet', 'meine sitzung ist noch auf {d} offen', 'ich habe den platz gewechselt und {d} hat noch meine sitzung'], requests: ['kannst du mich dort abmelden', 'melde mich bitte ab', 'kannst du meine sitzung schließen'] },
    { intent: 'device_reset_password', stories: ['ich komme nicht mehr auf {d}', 'ich habe das passwort von {d} am freitag geändert und vergessen', '{d} sagt ständig mein passwort ist falsch'], requests: ['kannst du das passwort zurücksetzen', 'bitte setz mein passwort zurück', 'ich brauche ein neues passwort dafür'] },
  ],
  es: [
    { intent: 'device_restart', stories: ['{d} está rarísimo toda la mañana', '{d} se congeló en medio de una llamada', 'desde el mediodía {d} va lentísimo y todo se cuelga', '{d} se quedó en pantalla azul', 'ya no responde nada en {d}'], requests: ['me lo puedes reiniciar desde ahí?', 'puedes reiniciarlo en remoto', 'reinícialo por favor', 'reinicialo porfa', 'le puedes hacer un reboot'] },
    { intent: 'device_shutdown', stories: ['dejé {d} encendido en la oficina todo el finde', '{d} sigue encendido y ya estoy en casa', 'se me olvidó apagar {d} antes de las vacaciones'], requests: ['puedes apagarlo en remoto', 'apágalo por favor', 'me lo puedes apagar'] },
    { intent: 'device_lock', stories: ['dejé {d} abierto en mi mesa', 'me fui sin bloquear {d}', '{d} está desbloqueado en la sala de reuniones'], requests: ['puedes bloquearlo a distancia', 'bloquéalo por favor', 'bloquéalo ya porfa'] },
    { intent: 'device_logout', stories: ['sigo con la sesión iniciada en {d} de la sala 4', 'mi sesión sigue abierta en {d}', 'me cambié de mesa y {d} sigue con mi sesión'], requests: ['me puedes cerrar la sesión', 'ciérrame la sesión ahí por favor', 'puedes cerrar mi sesión en él'] },
    { intent: 'device_reset_password', stories: ['ya no puedo entrar en {d}', 'cambié la contraseña de {d} el viernes y se me olvidó', '{d} me dice que la contraseña es incorrecta'], requests: ['me puedes restablecer la contraseña', 'resetéame la contraseña por favor', 'necesito una contraseña nueva para entrar'] },
  ],
  it: [
    { intent: 'device_restart', stories: ['{d} fa cose strane da stamattina', '{d} si è bloccato in mezzo a una call', 'da mezzogiorno {d} è lentissimo e si pianta tutto', '{d} è fermo sulla schermata blu', 'non risponde più niente su {d}'], requests: ['puoi riavviarlo da remoto?', 'me lo riavvii da lì?', 'riavvialo per favore', 'riavvialo pls', 'puoi fargli un reboot'] },
    { intent: 'device_shutdown', stories: ['ho lasciato {d} acceso in ufficio tutto il weekend', '{d} è ancora acceso e io sono già a casa', 'mi sono dimenticato di spegnere {d} prima delle ferie'], requests: ['puoi spegnerlo da remoto', 'spegnilo per favore', 'me lo spegni tu'] },
    { intent: 'device_lock', stories: ['ho lasciato {d} aperto sulla scrivania', 'sono andato via senza bloccare {d}', '{d} è sbloccato in sala riunioni'], requests: ['puoi bloccarlo da remoto', 'bloccalo per favore', 'bloccalo subito pls'] },
    { intent: 'device_logout', stories: ["sono ancora collegato su {d} in sala 4", 'la mia sessione è ancora aperta su {d}', 'ho cambiato scrivania e {d} ha ancora la mia sessione'], requests: ['puoi disconnettermi', 'fammi uscire da lì per favore', 'puoi chiudere la mia sessione'] },
    { intent: 'device_reset_password', stories: ['non riesco più a entrare su {d}', 'ho cambiato la password di {d} venerdì e non me la ricordo', '{d} dice che la password è sbagliata'], requests: ['puoi reimpostare la password', 'resettami la password per favore', 'mi serve una password nuova per entrare'] },
  ],
};

// A request turned down or called off keeps the words of the request ("don't shut down my computer", "j'ai changé
// d'avis, ne redémarre pas", "stopp, meinen pc nicht sperren"): only the negation tells it apart, so the corpus
// pairs every action with it. Such a message asks for nothing. {d} is one of the user's computers, as the object
// of the verb.
type Negated = { openers: string[]; negations: string[]; cancels: string[] };
const NEGATED_DEVICES: Record<Language, string[]> = {
  en: ['my laptop', 'my pc', 'my mac', 'my computer', 'the windows laptop', 'it'],
  fr: ['mon portable', 'mon pc', 'mon mac', 'mon ordi', 'le pc windows'],
  de: ['meinen laptop', 'meinen pc', 'meinen mac', 'meinen rechner', 'den windows laptop', 'ihn'],
  es: ['mi portátil', 'mi pc', 'mi mac', 'mi ordenador', 'el portátil windows'],
  it: ['il mio portatile', 'il mio pc', 'il mio mac', 'il mio computer', 'il portatile windows'],
};
const NEGATED: Record<Language, Negated> = {
  en: {
    openers: ['', '', 'please', 'stop,', 'wait,', 'no,', 'I changed my mind,', 'actually', 'never mind,'],
    negations: ["don't restart {d}", "don't reboot {d} yet", "don't shut down {d}", "don't turn off {d}", "don't lock {d}", "don't log me out of {d}", "don't reset the password of {d}", "don't install anything on {d}", 'do not restart {d}', 'no need to restart {d} anymore', 'leave {d} on', 'no need to lock {d}'],
    cancels: ['cancel the restart', 'cancel the shutdown', 'cancel the install', 'forget the reboot', 'abort the password reset', 'stop the restart', "don't install it", "don't do the reboot"],
  },
  fr: {
    openers: ['', '', 'stp', 'stop,', 'attends,', 'non,', "j'ai changé d'avis,", 'en fait', 'laisse tomber,'],
    negations: ['ne redémarre pas {d}', 'redémarre pas {d}', "n'éteins pas {d}", 'éteins pas {d}', 'ne verrouille pas {d}', 'ne me déconnecte pas de {d}', 'ne réinitialise pas le mot de passe de {d}', "n'installe rien sur {d}", 'ne pas redémarrer {d}', 'plus besoin de redémarrer {d}', 'laisse {d} allumé', 'pas besoin de verrouiller {d}'],
    cancels: ['annule le redémarrage', "annule l'arrêt", "annule l'installation", 'oublie le redémarrage', 'annule la réinitialisation du mot de passe', 'arrête le redémarrage', "ne l'installe pas", 'ne le redémarre pas'],
  },
  de: {
    openers: ['', '', 'bitte', 'stopp,', 'warte,', 'nein,', 'hab es mir anders überlegt,', 'doch lieber', 'vergiss es,'],
    negations: ['{d} nicht neu starten', 'starte {d} nicht neu', '{d} nicht herunterfahren', 'schalte {d} nicht aus', '{d} nicht sperren', 'sperr {d} nicht', 'melde mich nicht von {d} ab', 'das passwort von {d} nicht zurücksetzen', 'nichts auf {d} installieren', '{d} muss nicht mehr neu gestartet werden', 'lass {d} an', '{d} noch nicht neu starten'],
    cancels: ['brich den neustart ab', 'herunterfahren abbrechen', 'installation abbrechen', 'vergiss den neustart', 'passwort reset abbrechen', 'neustart stoppen', 'nicht installieren', 'kein neustart'],
  },
  es: {
    openers: ['', '', 'por favor', 'para,', 'espera,', 'no,', 'cambié de idea,', 'mejor', 'olvídalo,'],
    negations: ['no reinicies {d}', 'no reinicies {d} todavía', 'no apagues {d}', 'no bloquees {d}', 'no me cierres la sesión de {d}', 'no restablezcas la contraseña de {d}', 'no instales nada en {d}', 'ya no hace falta reiniciar {d}', 'deja {d} encendido', 'no hace falta bloquear {d}', 'no toques {d}', 'no hagas nada con {d}'],
    cancels: ['cancela el reinicio', 'cancela el apagado', 'cancela la instalación', 'olvida el reinicio', 'cancela el cambio de contraseña', 'para el reinicio', 'no lo instales', 'no lo reinicies'],
  },
  it: {
    openers: ['', '', 'per favore', 'fermo,', 'aspetta,', 'no,', 'ho cambiato idea,', 'meglio', 'lascia perdere,'],
    negations: ['non riavviare {d}', 'non riavviare ancora {d}', 'non spegnere {d}', 'non bloccare {d}', 'non disconnettermi da {d}', 'non reimpostare la password di {d}', 'non installare niente su {d}', 'non serve più riavviare {d}', 'lascia acceso {d}', 'non serve bloccare {d}', 'non toccare {d}', 'non fare niente su {d}'],
    cancels: ['annulla il riavvio', 'annulla lo spegnimento', "annulla l'installazione", 'lascia perdere il riavvio', 'annulla il reset della password', 'ferma il riavvio', 'non installarlo', 'non riavviarlo'],
  },
};

// The device actions act on the user's computers only. The same requests aimed at an app, an account, a phone or
// the equipment of a room ask for what the knowledge base explains ("reset my email password", "restart teams",
// "lock my phone, I lost it"). Each request below is written once and aimed both ways, so that what it is aimed at
// decides, not the verb.
type TargetedRequests = { intent: ModelIntent; requests: string[]; computers: string[]; others: string[] };
const TARGETED: Record<Language, TargetedRequests[]> = {
  en: [
    { intent: 'device_restart', requests: ['restart {t}', 'please restart {t} for me', 'can you reboot {t}'], computers: ['my laptop', 'my pc', 'my mac', 'the windows desktop', 'my work computer'], others: ['teams', 'outlook', 'the vpn', 'the browser', 'the printer', 'the router', 'the projector', 'my phone', 'my ipad'] },
    { intent: 'device_shutdown', requests: ['shut down {t}', 'turn off {t} please', 'can you power off {t}'], computers: ['my laptop', 'my pc', 'my imac', 'the office computer'], others: ['teams', 'zoom', 'the printer', 'the projector in room 3', 'the meeting room screen', 'my phone'] },
    { intent: 'device_logout', requests: ['log me out of {t}', 'sign me out of {t} everywhere', 'can you log me off {t}'], computers: ['my laptop', 'my pc', 'the windows machine', 'my mac'], others: ['teams', 'outlook', 'sap', 'onedrive', 'the wifi', 'my phone'] },
    { intent: 'device_reset_password', requests: ['reset my {t} password', 'can you reset my {t} password', 'I need a new {t} password'], computers: ['laptop', 'pc', 'mac', 'windows', 'computer', 'macbook'], others: ['email', 'vpn', 'wifi', 'outlook', 'sap', 'voicemail', 'teams', 'mfa', 'phone'] },
    { intent: 'device_lock', requests: ['lock {t}, I lost it', 'can you lock {t} remotely', 'please lock {t} now'], computers: ['my laptop', 'my macbook', 'my pc', 'my notebook'], others: ['my phone', 'my work phone', 'my ipad', 'my tablet', 'my account', 'my sim card'] },
  ],
  fr: [
    { intent: 'device_restart', requests: ['redémarre {t}', 'redémarre-moi {t} stp', 'tu peux relancer {t}'], computers: ['mon portable', 'mon pc', 'mon mac', 'le pc windows du bureau', 'mon ordi du travail'], others: ['teams', 'outlook', 'le vpn', 'le navigateur', "l'imprimante", 'la box', 'le projecteur', 'mon téléphone', 'mon ipad'] },
    { intent: 'device_shutdown', requests: ['éteins {t}', 'éteins {t} stp', 'tu peux arrêter {t}'], computers: ['mon portable', 'mon pc', 'mon imac', "l'ordinateur du bureau"], others: ['teams', 'zoom', "l'imprimante", 'le projecteur de la salle 3', "l'écran de la salle de réunion", 'mon téléphone'] },
    { intent: 'device_logout', requests: ['déconnecte-moi de {t}', 'déconnecte-moi de {t} partout', 'tu peux fermer ma session sur {t}'], computers: ['mon portable', 'mon pc', 'la machine windows', 'mon mac'], others: ['teams', 'outlook', 'sap', 'onedrive', 'le wifi', 'mon téléphone'] },
    { intent: 'device_reset_password', requests: ['réinitialise mon mot de passe {t}', 'tu peux réinitialiser mon mot de passe {t}', "il me faut un nouveau mot de passe {t}"], computers: ['du portable', 'du pc', 'du mac', 'windows', "de l'ordinateur", 'du macbook'], others: ['mail', 'vpn', 'wifi', 'outlook', 'sap', 'de messagerie vocale', 'teams', 'mfa', 'du téléphone'] },
    { intent: 'device_lock', requests: ["verrouille {t}, je l'ai perdu", 'tu peux verrouiller {t} à distance', 'verrouille {t} tout de suite stp'], computers: ['mon portable', 'mon macbook', 'mon pc', 'mon ordi'], others: ['mon téléphone', 'mon téléphone pro', 'mon ipad', 'ma tablette', 'mon compte', 'ma carte sim'] },
  ],
  de: [
    { intent: 'device_restart', requests: ['starte {t} neu', 'starte mir bitte {t} neu', 'kannst du {t} rebooten'], computers: ['meinen laptop', 'meinen pc', 'meinen mac', 'den windows rechner im büro', 'meinen arbeitsrechner'], others: ['teams', 'outlook', 'das vpn', 'den browser', 'den drucker', 'den router', 'den beamer', 'mein handy', 'mein ipad'] },
    { intent: 'device_shutdown', requests: ['fahr {t} herunter', 'schalte bitte {t} aus', 'kannst du {t} ausschalten'], computers: ['meinen laptop', 'meinen pc', 'meinen imac', 'den bürorechner'], others: ['teams', 'zoom', 'den drucker', 'den beamer in raum 3', 'den bildschirm im besprechungsraum', 'mein handy'] },
    { intent: 'device_logout', requests: ['melde mich von {t} ab', 'melde mich überall von {t} ab', 'kannst du mich von {t} abmelden'], computers: ['meinem laptop', 'meinem pc', 'dem windows rechner', 'meinem mac'], others: ['teams', 'outlook', 'sap', 'onedrive', 'dem wlan', 'meinem handy'] },
    { intent: 'device_reset_password', requests: ['setz mein {t} passwort zurück', 'kannst du mein {t} passwort zurücksetzen', 'ich brauche ein neues {t} passwort'], computers: ['laptop', 'pc', 'mac', 'windows', 'rechner', 'macbook'], others: ['mail', 'vpn', 'wlan', 'outlook', 'sap', 'mailbox', 'teams', 'mfa', 'handy'] },
    { intent: 'device_lock', requests: ['sperr {t}, hab es verloren', 'kannst du {t} aus der ferne sperren', 'sperr bitte sofort {t}'], computers: ['meinen laptop', 'mein macbook', 'meinen pc', 'mein notebook'], others: ['mein handy', 'mein diensthandy', 'mein ipad', 'mein tablet', 'mein konto', 'meine sim karte'] },
  ],
  es: [
    { intent: 'device_restart', requests: ['reinicia {t}', 'reiníciame {t} por favor', 'puedes reiniciar {t}'], computers: ['mi portátil', 'mi pc', 'mi mac', 'el pc windows de la oficina', 'mi ordenador del trabajo'], others: ['teams', 'outlook', 'la vpn', 'el navegador', 'la impresora', 'el router', 'el proyector', 'mi móvil', 'mi ipad'] },
    { intent: 'device_shutdown', requests: ['apaga {t}', 'apágame {t} por favor', 'puedes apagar {t}'], computers: ['mi portátil', 'mi pc', 'mi imac', 'el ordenador de la oficina'], others: ['teams', 'zoom', 'la impresora', 'el proyector de la sala 3', 'la pantalla de la sala de reuniones', 'mi móvil'] },
    { intent: 'device_logout', requests: ['ciérrame la sesión de {t}', 'ciérrame la sesión de {t} en todos lados', 'puedes cerrar mi sesión en {t}'], computers: ['mi portátil', 'mi pc', 'la máquina windows', 'mi mac'], others: ['teams', 'outlook', 'sap', 'onedrive', 'la wifi', 'mi móvil'] },
    { intent: 'device_reset_password', requests: ['restablece mi contraseña {t}', 'puedes restablecer mi contraseña {t}', 'necesito una contraseña nueva {t}'], computers: ['del portátil', 'del pc', 'del mac', 'de windows', 'del ordenador', 'del macbook'], others: ['del correo', 'de la vpn', 'del wifi', 'de outlook', 'de sap', 'del buzón de voz', 'de teams', 'del mfa', 'del móvil'] },
    { intent: 'device_lock', requests: ['bloquea {t}, lo perdí', 'puedes bloquear {t} a distancia', 'bloquea {t} ya por favor'], computers: ['mi portátil', 'mi macbook', 'mi pc', 'mi ordenador'], others: ['mi móvil', 'mi móvil del trabajo', 'mi ipad', 'mi tablet', 'mi cuenta', 'mi tarjeta sim'] },
  ],
  it: [
    { intent: 'device_restart', requests: ['riavvia {t}', 'riavviami {t} per favore', 'puoi riavviare {t}'], computers: ['il mio portatile', 'il mio pc', 'il mio mac', "il pc windows dell'ufficio", 'il mio computer di lavoro'], others: ['teams', 'outlook', 'la vpn', 'il browser', 'la stampante', 'il router', 'il proiettore', 'il mio telefono', 'il mio ipad'] },
    { intent: 'device_shutdown', requests: ['spegni {t}', 'spegnimi {t} per favore', 'puoi spegnere {t}'], computers: ['il mio portatile', 'il mio pc', 'il mio imac', "il computer dell'ufficio"], others: ['teams', 'zoom', 'la stampante', 'il proiettore della sala 3', 'lo schermo della sala riunioni', 'il mio telefono'] },
    { intent: 'device_logout', requests: ['fammi uscire da {t}', 'disconnettimi da {t} ovunque', 'puoi chiudere la mia sessione su {t}'], computers: ['il mio portatile', 'il mio pc', 'la macchina windows', 'il mio mac'], others: ['teams', 'outlook', 'sap', 'onedrive', 'il wifi', 'il mio telefono'] },
    { intent: 'device_reset_password', requests: ['reimposta la mia password {t}', 'puoi reimpostare la mia password {t}', 'mi serve una nuova password {t}'], computers: ['del portatile', 'del pc', 'del mac', 'di windows', 'del computer', 'del macbook'], others: ['della posta', 'della vpn', 'del wifi', 'di outlook', 'di sap', 'della segreteria', 'di teams', 'della mfa', 'del telefono'] },
    { intent: 'device_lock', requests: ["blocca {t}, l'ho perso", 'puoi bloccare {t} da remoto', 'blocca subito {t} per favore'], computers: ['il mio portatile', 'il mio macbook', 'il mio pc', 'il mio computer'], others: ['il mio telefono', 'il cellulare aziendale', 'il mio ipad', 'il mio tablet', 'il mio account', 'la mia sim'] },
  ],
};

// "Install" also opens how-to questions and problems about what no catalog holds (drivers, updates, printers,
// certificates): those are for the knowledge base, while a request names the software it wants.
const INSTALL_QUESTIONS: Record<Language, string[]> = {
  en: ['how do I install {s}', 'is there a guide for installing {s}?', "{s} won't install", 'installing {s} fails with an error', 'where do I find the installer for {s}', 'how to set up {s}', 'the installation of {s} is stuck'],
  fr: ['comment installer {s}', "y a un tuto pour installer {s} ?", "{s} ne veut pas s'installer", "l'installation de {s} plante avec une erreur", "où trouver l'installeur de {s}", 'comment configurer {s}', "l'installation de {s} est bloquée"],
  de: ['wie installiere ich {s}', 'gibt es eine anleitung zum installieren von {s}?', '{s} lässt sich nicht installieren', 'die installation von {s} bricht mit fehler ab', 'wo finde ich das setup für {s}', 'wie richte ich {s} ein', 'die installation von {s} hängt'],
  es: ['cómo instalo {s}', '¿hay alguna guía para instalar {s}?', '{s} no se instala', 'la instalación de {s} falla con un error', 'dónde encuentro el instalador de {s}', 'cómo configuro {s}', 'la instalación de {s} se queda colgada'],
  it: ['come installo {s}', "c'è una guida per installare {s}?", '{s} non si installa', "l'installazione di {s} fallisce con un errore", "dove trovo l'installer di {s}", 'come configuro {s}', "l'installazione di {s} è bloccata"],
};
// The same with an app the catalog holds: an install that fails, or an installed app that does not start, asks why,
// however much its words ("install", the app's name) sound like a request for it.
const INSTALL_PROBLEMS: Record<Language, string[]> = {
  en: ["{s} won't install", 'the {s} install fails halfway', "why can't I install {s}?", "I installed {s} but it won't start", '{s} got installed but crashes on launch', 'the {s} installer shows an error'],
  fr: ["{s} ne s'installe pas", "l'installation de {s} échoue à la moitié", "pourquoi je peux pas installer {s} ?", "j'ai installé {s} mais il ne démarre pas", "{s} est installé mais plante au lancement", "l'installeur de {s} affiche une erreur"],
  de: ['{s} installiert sich nicht', 'die installation von {s} bricht auf halbem weg ab', 'warum kann ich {s} nicht installieren?', 'ich habe {s} installiert aber es startet nicht', '{s} ist installiert, stürzt aber beim start ab', 'das setup von {s} zeigt einen fehler'],
  es: ['{s} no se instala', 'la instalación de {s} falla a la mitad', '¿por qué no puedo instalar {s}?', 'instalé {s} pero no arranca', '{s} se instaló pero se cierra al abrirlo', 'el instalador de {s} da un error'],
  it: ['{s} non si installa', "l'installazione di {s} fallisce a metà", 'perché non riesco a installare {s}?', 'ho installato {s} ma non parte', '{s} è installato ma si chiude appena lo apro', "l'installer di {s} dà un errore"],
};
const INSTALL_SUBJECTS: Record<Language, string[]> = {
  en: ['the printer driver', 'the network printer', 'windows updates', 'the vpn client', 'a font', 'the company certificate', 'a language pack', 'the outlook add-in', 'the app on my phone', 'the scanner software', 'the docking station driver'],
  fr: ["le pilote de l'imprimante", "l'imprimante réseau", 'les mises à jour windows', 'le client vpn', 'une police', "le certificat de l'entreprise", 'un pack de langue', 'le complément outlook', "l'appli sur mon téléphone", 'le logiciel du scanner', 'le pilote de la station d\'accueil'],
  de: ['den druckertreiber', 'den netzwerkdrucker', 'windows updates', 'den vpn client', 'eine schriftart', 'das firmenzertifikat', 'ein sprachpaket', 'das outlook add-in', 'die app auf dem handy', 'die scanner software', 'den treiber der dockingstation'],
  es: ['el driver de la impresora', 'la impresora de red', 'las actualizaciones de windows', 'el cliente vpn', 'una fuente', 'el certificado de la empresa', 'un paquete de idioma', 'el complemento de outlook', 'la app en el móvil', 'el software del escáner', 'el driver de la base de conexión'],
  it: ['il driver della stampante', 'la stampante di rete', 'gli aggiornamenti di windows', 'il client vpn', 'un font', "il certificato aziendale", 'un pacchetto lingua', "il componente aggiuntivo di outlook", "l'app sul telefono", 'il software dello scanner', 'il driver della docking station'],
};

// A thank-you often says what works again, or what the user can do again ("thanks, the vpn works again", "that
// fixed my problem with outlook", "great, I can log in again"), and a confirmation may say it without thanking:
// the words of the subject must not turn it into a question for the knowledge base. {s} is a subject of the
// knowledge-base lexicon.
const THANKS_WORDS: Record<Language, string[]> = {
  en: ['thanks', 'thank you', 'thx', 'cheers', 'great, thanks', 'perfect, thank you', 'many thanks', 'awesome, thanks', 'thanks a lot', 'brilliant, thanks', 'you are a star', 'nice one', 'you rock', "you're the best"],
  fr: ['merci', 'merci beaucoup', 'super merci', 'parfait, merci', 'top merci', 'merci bien', 'génial, merci', 'merci mille fois', 'nickel merci', 'tu gères', 'impeccable', "t'es le meilleur", 't\'es au top'],
  de: ['danke', 'vielen dank', 'super danke', 'perfekt, danke', 'danke dir', 'besten dank', 'klasse, danke', 'tausend dank', 'spitze, danke', 'du bist super', 'klasse', 'du bist der beste', 'du rettest mir den tag'],
  es: ['gracias', 'muchas gracias', 'genial gracias', 'perfecto, gracias', 'mil gracias', 'gracias de verdad', 'estupendo, gracias', 'eres un crack', 'genial', 'de lujo, gracias', 'eres el mejor', 'me salvaste'],
  it: ['grazie', 'grazie mille', 'ottimo grazie', 'perfetto, grazie', 'grazie davvero', 'molte grazie', 'fantastico, grazie', 'grazie infinite', 'sei un mito', 'grande, grazie', 'ottimo', 'sei il migliore', 'mi hai salvato'],
};
const RESOLVED: Record<Language, string[]> = {
  en: [
    '{s} is back to normal', '{s} runs smoothly again', 'everything is ok with {s} now', '{s} shows up now', 'no more problems with {s}', '{s} is up and running',
    '{s} works again', '{s} is working now', '{s} is fine now', '{s} is back', '{s} is fixed', 'that fixed {s}', 'that fixed my problem with {s}',
    'it worked, {s} is ok now', '{s} connects again', 'I can use {s} again', 'the problem with {s} is solved', 'thanks for the help with {s}',
    'I can log in again', 'I can print again', 'it works now', 'that did the trick', 'that worked', 'the restart fixed it', 'all sorted now',
  ],
  fr: [
    '{s} est revenu à la normale', '{s} tourne de nouveau bien', 'tout est ok avec {s} maintenant', '{s} s\'affiche maintenant', 'plus de souci avec {s}', '{s} est de nouveau opérationnel',
    '{s} remarche', '{s} fonctionne maintenant', '{s} va bien maintenant', '{s} est revenu', '{s} est réparé', 'ça a réglé {s}', 'ça a réglé mon problème de {s}',
    "ça a marché, {s} est ok maintenant", '{s} se connecte de nouveau', "je peux de nouveau utiliser {s}", 'le problème de {s} est résolu', "merci pour l'aide avec {s}",
    'je peux me reconnecter', 'je peux de nouveau imprimer', 'ça marche maintenant', "c'était ça", 'ça a marché', 'le redémarrage a réglé le souci', 'tout est réglé',
  ],
  de: [
    '{s} ist wieder normal', '{s} läuft wieder rund', 'mit {s} ist jetzt alles ok', '{s} wird jetzt angezeigt', 'keine probleme mehr mit {s}', '{s} läuft wieder',
    '{s} geht wieder', '{s} funktioniert jetzt', '{s} ist jetzt ok', '{s} ist wieder da', '{s} ist repariert', 'das hat {s} gelöst', 'das hat mein problem mit {s} gelöst',
    'hat geklappt, {s} ist jetzt ok', '{s} verbindet sich wieder', 'ich kann {s} wieder benutzen', 'das problem mit {s} ist gelöst', 'danke für die hilfe mit {s}',
    'ich kann mich wieder anmelden', 'ich kann wieder drucken', 'geht jetzt', 'das war es', 'hat geklappt', 'der neustart hat es behoben', 'alles erledigt',
  ],
  es: [
    '{s} ha vuelto a la normalidad', '{s} vuelve a ir fino', 'todo bien con {s} ahora', '{s} ya aparece', 'ya no hay problemas con {s}', '{s} vuelve a estar operativo',
    '{s} ya funciona', '{s} funciona otra vez', '{s} ya va bien', '{s} ha vuelto', '{s} está arreglado', 'eso arregló {s}', 'eso arregló mi problema con {s}',
    'funcionó, {s} ya está bien', '{s} vuelve a conectar', 'ya puedo usar {s} otra vez', 'el problema con {s} está resuelto', 'gracias por la ayuda con {s}',
    'ya puedo entrar otra vez', 'ya puedo imprimir', 'ya funciona', 'era eso', 'funcionó', 'el reinicio lo arregló', 'todo resuelto',
  ],
  it: [
    '{s} è tornato alla normalità', '{s} va di nuovo liscio', 'ora è tutto ok con {s}', '{s} ora si vede', 'niente più problemi con {s}', '{s} è di nuovo operativo',
    '{s} funziona di nuovo', '{s} ora funziona', '{s} ora va bene', '{s} è tornato', '{s} è sistemato', 'questo ha risolto {s}', 'ha risolto il mio problema con {s}',
    'ha funzionato, {s} ora è ok', '{s} si collega di nuovo', 'posso di nuovo usare {s}', 'il problema con {s} è risolto', "grazie per l'aiuto con {s}",
    'riesco di nuovo ad accedere', 'riesco di nuovo a stampare', 'ora funziona', 'era quello', 'ha funzionato', 'il riavvio ha risolto', 'tutto sistemato',
  ],
};
// Users thank for what was just done, naming the action and the computer or the app ("thanks for restarting my
// laptop so fast", "merci d'avoir installé zoom"): the words of the request, in a thank-you, ask for nothing. {d} is
// one of the user's computers, {a} an app.
const THANKED_ACTIONS: Record<Language, string[]> = {
  en: ['thanks for restarting {d}', 'thank you for rebooting {d} so quickly', 'thanks for locking {d}', 'thanks for shutting down {d}', 'thanks for logging me out of {d}', 'thanks for resetting the password of {d}', 'thanks for installing {a}', '{d} restarted fine, thanks', '{d} is back up after the reboot, thank you', '{a} is installed now, thanks', 'got {a} on {d} now, thanks a lot'],
  fr: ["merci d'avoir redémarré {d}", "merci d'avoir relancé {d} si vite", "merci d'avoir verrouillé {d}", "merci d'avoir éteint {d}", "merci de m'avoir déconnecté de {d}", "merci d'avoir réinitialisé le mot de passe de {d}", "merci d'avoir installé {a}", '{d} a bien redémarré, merci', '{d} remarche après le redémarrage, merci', "{a} est installé, merci", "j'ai {a} sur {d} maintenant, merci beaucoup"],
  de: ['danke fürs neustarten von {d}', 'danke, dass du {d} so schnell neu gestartet hast', 'danke fürs sperren von {d}', 'danke fürs herunterfahren von {d}', 'danke fürs abmelden von {d}', 'danke fürs zurücksetzen des passworts von {d}', 'danke fürs installieren von {a}', '{d} ist gut neu gestartet, danke', '{d} läuft nach dem neustart wieder, danke', '{a} ist jetzt installiert, danke', 'hab {a} jetzt auf {d}, vielen dank'],
  es: ['gracias por reiniciar {d}', 'gracias por reiniciar {d} tan rápido', 'gracias por bloquear {d}', 'gracias por apagar {d}', 'gracias por cerrarme la sesión en {d}', 'gracias por restablecer la contraseña de {d}', 'gracias por instalar {a}', '{d} se reinició bien, gracias', '{d} ya va después del reinicio, gracias', '{a} ya está instalado, gracias', 'ya tengo {a} en {d}, muchas gracias'],
  it: ['grazie per aver riavviato {d}', 'grazie per aver riavviato {d} così in fretta', 'grazie per aver bloccato {d}', 'grazie per aver spento {d}', 'grazie per avermi disconnesso da {d}', 'grazie per aver reimpostato la password di {d}', 'grazie per aver installato {a}', '{d} si è riavviato bene, grazie', '{d} va di nuovo dopo il riavvio, grazie', '{a} ora è installato, grazie', 'ora ho {a} su {d}, grazie mille'],
};
const THANKED_APPS = ['zoom', 'slack', 'vlc', 'firefox', 'chrome', 'teams', '7zip', 'notepad++', 'the app', 'it'];

// Some confirmations come without a thank-you.
const UNTHANKED_SHARE = 0.35;

// Reasons users give for wanting an app ("I can't open the invoices", "for the training videos"): some read like
// problems, but the request decides.
const INSTALL_REASONS: Record<Language, string[]> = {
  en: ["I can't open the pdf invoices", 'the whole team uses it', 'for the training videos', 'for a client project', 'I have a call with a customer tomorrow', 'to edit some photos', 'my manager asked me to use it', "I can't open the zip files I got", 'I need it for the course next week', 'the old one stopped working', "I don't have it yet"],
  fr: ["j'arrive pas à ouvrir les factures pdf", "toute l'équipe l'utilise", 'pour les vidéos de formation', 'pour un projet client', "j'ai un appel client demain", 'pour retoucher des photos', "mon chef m'a demandé de l'utiliser", "j'arrive pas à ouvrir les zip reçus", "j'en ai besoin pour la formation la semaine prochaine", "l'ancien ne marche plus", "je ne l'ai pas encore"],
  de: ['ich kann die pdf rechnungen nicht öffnen', 'das ganze team nutzt es', 'für die schulungsvideos', 'für ein kundenprojekt', 'ich habe morgen einen call mit einem kunden', 'um fotos zu bearbeiten', 'mein chef will, dass ich es nutze', 'ich kann die zip dateien nicht öffnen', 'ich brauche es für den kurs nächste woche', 'das alte geht nicht mehr', 'ich habe es noch nicht'],
  es: ['no puedo abrir las facturas en pdf', 'todo el equipo lo usa', 'para los vídeos de la formación', 'para un proyecto de un cliente', 'mañana tengo una llamada con un cliente', 'para editar unas fotos', 'mi jefe me pidió que lo use', 'no puedo abrir los zip que me mandaron', 'lo necesito para el curso de la semana que viene', 'el antiguo ya no funciona', 'todavía no lo tengo'],
  it: ['non riesco ad aprire le fatture pdf', 'tutto il team lo usa', 'per i video del corso', 'per un progetto di un cliente', 'domani ho una call con un cliente', 'per ritoccare delle foto', 'il mio capo mi ha chiesto di usarlo', 'non riesco ad aprire gli zip che ho ricevuto', 'mi serve per il corso della settimana prossima', 'il vecchio non funziona più', "non ce l'ho ancora"],
};
const INSTALL_LINKS: Record<Language, string[]> = { en: ['so', 'because', ''], fr: ['parce que', 'car', ''], de: ['weil', 'denn', ''], es: ['porque', 'que', ''], it: ['perché', 'che', ''] };

// Why someone wants their computer locked, shut down or signed out now: they are leaving it, for a while or for the day.
// People arriving and leaving: the accounts, computers and access they need, or that must end, are set up by a person,
// whatever the words about computers and accounts around them. {w} is when.
type StaffChanges = { when: string[]; arrivals: string[]; needs: string[]; installs: string[]; departures: string[]; endings: string[] };
const STAFF_CHANGES: Record<Language, StaffChanges> = {
  en: {
    when: ['on Monday', 'next week', 'on the 1st', 'tomorrow', 'in two weeks'],
    arrivals: ['a new colleague starts {w}', 'our new intern starts {w}', 'we have a new hire starting {w}', 'Maria Lopez joins the sales team {w}', 'a new developer joins us {w}', 'Ben Carter from finance starts {w}'],
    needs: ['needs an email account and a laptop', 'will need a login, a laptop and a badge', 'please set up an account and a computer', 'can you prepare a mailbox and a laptop', 'needs access to the shared drive and a phone'],
    installs: ['can you install {a} on her laptop', 'please put {a} on his computer', 'could you get {a} installed for him'],
    departures: ["our intern's last day is {w}", 'Tom from accounting leaves {w}', 'a colleague in marketing leaves us {w}', "the temp's contract ends {w}"],
    endings: ['please disable the account after that', 'can you deactivate the login from then on', 'please block the mailbox afterwards', 'remove the access after that day'],
  },
  fr: {
    when: ['lundi', 'la semaine prochaine', 'le 1er', 'demain', 'dans deux semaines'],
    arrivals: ['une nouvelle collègue arrive {w}', 'notre nouveau stagiaire commence {w}', 'on a une nouvelle recrue {w}', 'Camille Martin rejoint la compta {w}', 'un nouveau développeur arrive {w}', "Lucas Petit de l'équipe commerciale commence {w}"],
    needs: ['il faut un compte mail et un portable', 'il lui faut un identifiant, un pc et un badge', 'merci de préparer un compte et un ordinateur', 'vous pouvez créer sa boîte mail et préparer un portable', 'il faudra un accès au partage et un téléphone'],
    installs: ['vous pouvez installer {a} sur son portable', "merci d'installer {a} sur son poste", 'tu peux lui mettre {a}'],
    departures: ['notre stagiaire part {w}', 'Julien de la compta quitte la société {w}', "le contrat de l'intérimaire se termine {w}", 'une collègue du marketing nous quitte {w}'],
    endings: ['merci de désactiver son compte après', 'vous pouvez bloquer ses accès à partir de là', 'merci de fermer sa boîte mail ensuite', 'il faut supprimer ses accès après'],
  },
  de: {
    when: ['am Montag', 'nächste Woche', 'am 1.', 'morgen', 'in zwei Wochen'],
    arrivals: ['eine neue Kollegin fängt {w} an', 'unser neuer Praktikant beginnt {w}', 'ein neuer Mitarbeiter startet {w}', 'Lena Schulz kommt {w} ins Controlling', '{w} fängt ein neuer Entwickler bei uns an', 'Herr Weber aus dem Vertrieb beginnt {w}'],
    needs: ['er braucht ein E-Mail-Konto und einen Laptop', 'bitte ein Konto und einen Rechner einrichten', 'es braucht einen Login, ein Notebook und einen Badge', 'können Sie ein Postfach und einen Laptop vorbereiten', 'sie braucht Zugriff aufs Laufwerk und ein Telefon'],
    installs: ['könnt ihr {a} auf ihrem Laptop installieren', 'bitte {a} auf seinem Rechner installieren', 'kannst du ihm {a} draufmachen'],
    departures: ['unsere Praktikantin hört {w} auf', 'Herr Braun aus der Buchhaltung geht {w}', '{w} ist der letzte Tag von unserem Werkstudenten', 'der Vertrag der Aushilfe endet {w}'],
    endings: ['bitte danach das Konto deaktivieren', 'können Sie ab dann den Zugang sperren', 'bitte das Postfach danach schließen', 'die Zugänge bitte anschließend entfernen'],
  },
  es: {
    when: ['el lunes', 'la semana que viene', 'el día 1', 'mañana', 'dentro de dos semanas'],
    arrivals: ['una compañera nueva empieza {w}', 'nuestro becario nuevo empieza {w}', '{w} entra un nuevo empleado', 'Lucía Gómez se incorpora a contabilidad {w}', 'un desarrollador nuevo llega {w}', 'Javier Ruiz de ventas empieza {w}'],
    needs: ['necesita una cuenta de correo y un portátil', 'preparad un usuario, un pc y una tarjeta, por favor', 'por favor cread una cuenta y un ordenador', '¿podéis preparar el buzón y un portátil?', 'le hace falta acceso a la carpeta compartida y un teléfono'],
    installs: ['¿podéis instalarle {a} en el portátil?', 'instalad {a} en su ordenador, por favor', '¿le puedes poner {a}?'],
    departures: ['nuestra becaria se va {w}', 'Carlos de contabilidad deja la empresa {w}', '{w} es el último día del técnico temporal', 'el contrato del sustituto termina {w}'],
    endings: ['por favor desactivad su cuenta después', 'pueden bloquear sus accesos a partir de entonces', 'hay que dar de baja su correo después', 'quitad sus permisos después de ese día'],
  },
  it: {
    when: ['lunedì', 'la settimana prossima', 'il primo del mese', 'domani', 'tra due settimane'],
    arrivals: ['una nuova collega inizia {w}', 'il nostro nuovo stagista comincia {w}', '{w} arriva un nuovo dipendente', 'Giulia Conti entra in amministrazione {w}', 'un nuovo sviluppatore prende servizio {w}', "Paolo Greco dell'ufficio vendite inizia {w}"],
    needs: ['serve un account email e un portatile', 'bisogna preparare utenza, pc e badge', 'per favore create un account e un computer', 'potete preparare la casella di posta e un portatile?', "le serve l'accesso alla cartella condivisa e un telefono"],
    installs: ['potete installare {a} sul suo portatile?', 'per favore installate {a} sul suo pc', 'gli mettete {a}?'],
    departures: ['la nostra stagista finisce {w}', "Marco dell'amministrazione lascia l'azienda {w}", "{w} è l'ultimo giorno del collaboratore esterno", 'il contratto del sostituto scade {w}'],
    endings: ['per favore disattivate il suo account dopo', 'potete bloccare i suoi accessi da quel giorno', 'la casella va chiusa dopo', 'togliete i suoi permessi dopo quella data'],
  },
};

// What a person must provide, whatever the words of problems and computers around it: equipment (often with the
// breakage that calls for it, which alone would be a question for the articles), access to a system for someone, an
// account opened or closed. {o} is equipment, {r} why it is needed, {p} a person, {s} a system.
type ServiceRequests = { equipment: string[]; asks: string[]; reasons: string[]; systems: string[]; people: string[]; grants: string[]; accounts: string[] };
const SERVICE_REQUESTS: Record<Language, ServiceRequests> = {
  en: {
    equipment: ['a new laptop', 'a replacement laptop', 'a second monitor', 'a spare charger', 'a headset', 'an ergonomic mouse', 'a docking station', 'a webcam', 'a new keyboard', 'a loaner laptop', 'a bigger screen', 'a work phone'],
    asks: ['I need {o}', 'could I get {o}', 'can you order {o} for me', "I'd like to request {o}", 'please send me {o}', 'is it possible to have {o}', 'we need {o} for {p}', "I'd need {o} asap"],
    reasons: ["mine fell and won't turn on anymore", 'the old one is broken', "the battery doesn't last an hour", 'I dropped it this morning', 'mine has a cracked screen', 'my doctor said my wrist needs it'],
    systems: ['the booking system', 'the shared drive', 'the HR folder', 'the CRM', 'the accounting software', 'the sales SharePoint', 'the project mailbox'],
    people: ['Marco', 'Sarah', 'the new temp', 'Mr Patel', 'our intern', 'Jenny from reception'],
    grants: ['please give {p} access to {s}', '{p} needs access to {s}', 'can you grant me write access to {s}', 'I need edit rights on {s}', 'could you add {p} to {s}', 'can {p} get permissions on {s}', 'I need admin rights on my laptop for a client project'],
    accounts: ['please create an account for {p}', 'can you set up an email address for {p}', "{p} has left, please disable the account", 'please deactivate the login of {p}', 'we need a user account for {p}', "close {p}'s mailbox, they don't work here anymore"],
  },
  fr: {
    equipment: ['un nouveau portable', 'un portable de remplacement', 'un deuxième écran', 'un chargeur de rechange', 'un casque', 'une souris ergonomique', 'une station d’accueil', 'une webcam', 'un nouveau clavier', 'un pc de prêt', 'un écran plus grand', 'un téléphone pro'],
    asks: ["j'ai besoin d'{o}", 'est-ce que je pourrais avoir {o}', 'vous pouvez me commander {o}', 'je voudrais demander {o}', 'il me faudrait {o}', 'serait-il possible d’avoir {o}', 'il faut {o} pour {p}', 'tu peux me trouver {o} ?'],
    reasons: ["le mien est tombé et ne s'allume plus", "l'ancien est cassé", 'la batterie ne tient plus une heure', "je l'ai fait tomber ce matin", "l'écran du mien est fissuré", 'mon médecin me l’a conseillé pour mon poignet'],
    systems: ['le logiciel de réservation', 'le dossier partagé', 'le dossier RH', 'le CRM', 'le logiciel de compta', 'le SharePoint commercial', 'la boîte mail du projet'],
    people: ['Karim', 'Sophie', "l'intérimaire", 'M. Lefèvre', 'notre stagiaire', "Julie de l'accueil"],
    grants: ['merci de donner à {p} l’accès {s}', '{p} a besoin d’un accès {s}', 'vous pouvez me donner les droits en écriture sur {s}', "j'ai besoin des droits de modification sur {s}", 'tu peux ajouter {p} sur {s}', 'est-ce que {p} peut avoir les droits sur {s}', "il me faudrait les droits admin sur mon poste pour un projet client"],
    accounts: ['merci de créer un compte pour {p}', 'vous pouvez créer une adresse mail pour {p}', '{p} est parti, merci de désactiver son compte', 'il faut supprimer les accès de {p}', 'il nous faut un identifiant pour {p}', "fermez la boîte mail de {p}, il ne travaille plus ici"],
  },
  de: {
    equipment: ['einen neuen Laptop', 'ein Ersatzgerät', 'einen zweiten Monitor', 'ein Ersatznetzteil', 'ein Headset', 'eine ergonomische Maus', 'eine Dockingstation', 'eine Webcam', 'eine neue Tastatur', 'ein Leihgerät', 'einen größeren Bildschirm', 'ein Diensthandy'],
    asks: ['ich brauche {o}', 'könnte ich {o} bekommen', 'können Sie mir {o} bestellen', 'ich hätte gern {o}', 'bitte schickt mir {o}', 'wäre es möglich, {o} zu bekommen', 'wir brauchen {o} für {p}', 'ich bräuchte dringend {o}'],
    reasons: ['meiner ist runtergefallen und geht nicht mehr an', 'das alte ist kaputt', 'der Akku hält keine Stunde mehr', 'er ist mir heute früh runtergefallen', 'das Display von meinem hat einen Sprung', 'wegen meinem Handgelenk, sagt der Arzt'],
    systems: ['das Buchungssystem', 'das Netzlaufwerk', 'den Personalordner', 'das CRM', 'die Buchhaltungssoftware', 'das Vertriebs-SharePoint', 'das Projektpostfach'],
    people: ['Herrn Maier', 'Frau Schmidt', 'die neue Aushilfe', 'Jonas', 'unseren Azubi', 'Petra vom Empfang'],
    grants: ['bitte {p} Zugriff auf {s} geben', '{p} braucht Zugriff auf {s}', 'können Sie mir Schreibrechte auf {s} geben', 'ich brauche Bearbeitungsrechte für {s}', 'kannst du {p} für {s} freischalten', 'kann {p} Berechtigungen für {s} bekommen', 'ich bräuchte Adminrechte auf meinem Laptop für ein Kundenprojekt'],
    accounts: ['bitte ein Benutzerkonto für {p} anlegen', 'können Sie eine E-Mail-Adresse für {p} einrichten', '{p} ist ausgeschieden, bitte das Konto sperren', 'bitte den Zugang von {p} deaktivieren', 'wir brauchen einen Login für {p}', 'das Postfach von {p} bitte löschen, arbeitet nicht mehr hier'],
  },
  es: {
    equipment: ['un portátil nuevo', 'un portátil de sustitución', 'un segundo monitor', 'un cargador de repuesto', 'unos cascos', 'un ratón ergonómico', 'una base de acoplamiento', 'una webcam', 'un teclado nuevo', 'un portátil de préstamo', 'una pantalla más grande', 'un móvil de empresa'],
    asks: ['necesito {o}', '¿podría tener {o}?', '¿me podéis pedir {o}?', 'quería solicitar {o}', 'me haría falta {o}', '¿sería posible tener {o}?', 'hace falta {o} para {p}', '¿me conseguís {o}?'],
    reasons: ['el mío se cayó y ya no enciende', 'el antiguo está roto', 'la batería no dura ni una hora', 'se me cayó esta mañana', 'el mío tiene la pantalla rajada', 'me lo recomendó el médico por la muñeca'],
    systems: ['el programa de reservas', 'la carpeta compartida', 'la carpeta de RRHH', 'el CRM', 'el programa de contabilidad', 'el SharePoint de ventas', 'el buzón del proyecto'],
    people: ['Andrés', 'Lucía', 'el nuevo becario', 'don Ramón', 'la sustituta', 'Marta de recepción'],
    grants: ['por favor dadle a {p} acceso a {s}', '{p} necesita acceso a {s}', '¿me podéis dar permisos de escritura en {s}?', 'necesito permisos de edición en {s}', '¿puedes añadir a {p} en {s}?', '¿puede {p} tener permisos en {s}?', 'me harían falta permisos de administrador en mi portátil para un proyecto'],
    accounts: ['por favor cread una cuenta para {p}', '¿podéis crear un correo para {p}?', '{p} ya no está con nosotros, hay que dar de baja su cuenta', 'desactivad el usuario de {p}, por favor', 'necesitamos un usuario para {p}', 'cerrad el buzón de {p}, ya no trabaja aquí'],
  },
  it: {
    equipment: ['un portatile nuovo', 'un portatile sostitutivo', 'un secondo monitor', 'un caricatore di ricambio', 'delle cuffie', 'un mouse ergonomico', 'una docking station', 'una webcam', 'una tastiera nuova', 'un portatile in prestito', 'uno schermo più grande', 'un cellulare aziendale'],
    asks: ['mi serve {o}', 'potrei avere {o}?', 'mi potete ordinare {o}?', 'vorrei richiedere {o}', 'avrei bisogno di {o}', 'sarebbe possibile avere {o}?', 'serve {o} per {p}', 'mi procurate {o}?'],
    reasons: ['il mio è caduto e non si accende più', 'quello vecchio è rotto', 'la batteria non dura nemmeno un’ora', 'mi è caduto stamattina', 'il mio ha lo schermo crepato', 'me l’ha consigliato il medico per il polso'],
    systems: ['il gestionale delle prenotazioni', 'la cartella condivisa', 'la cartella HR', 'il CRM', 'il programma di contabilità', 'lo SharePoint vendite', 'la casella del progetto'],
    people: ['Marco', 'Giulia', 'il nuovo stagista', 'il dottor Russo', 'la sostituta', 'Chiara della reception'],
    grants: ['per favore date a {p} l’accesso a {s}', '{p} ha bisogno dell’accesso a {s}', 'mi potete dare i permessi di scrittura su {s}?', 'mi servono i diritti di modifica su {s}', 'puoi aggiungere {p} a {s}?', '{p} può avere i permessi su {s}?', 'mi servirebbero i diritti di amministratore sul portatile per un progetto'],
    accounts: ['per favore create un account per {p}', 'potete creare un indirizzo email per {p}?', '{p} se n’è andato, disattivate il suo account', 'bisogna togliere gli accessi a {p}', 'ci serve un’utenza per {p}', 'chiudete la casella di {p}, non lavora più qui'],
  },
};

// Actions and installs asked for someone else's computer, named by name, title, role or their own word for it: the
// request is the same, and whose computer it is is read by rules, so the person must not turn it into a question.
// {p} is a person, {a} an app; the intent follows each template.
type ForOthers = { people: string[]; requests: [ModelIntent, string][] };
const FOR_OTHERS: Record<Language, ForOthers> = {
  en: {
    people: ['Karen', 'Mr Dawson', 'my colleague', 'the new intern', 'our receptionist', 'Ahmed from sales', 'my boss'],
    requests: [
      ['device_restart', "can you restart {p}'s laptop"], ['device_restart', 'please reboot the pc of {p}, it is frozen'],
      ['device_shutdown', "shut down {p}'s computer please, it was left on all weekend"], ['device_shutdown', 'could you turn off the desktop of {p}'],
      ['device_lock', "please lock {p}'s pc, they walked off and left it open"], ['device_lock', "lock {p}'s laptop remotely"],
      ['device_logout', 'log {p} out of the front desk pc'], ['device_logout', "sign {p} out, I need that workstation"],
      ['device_reset_password', '{p} forgot the laptop password, can you reset it'], ['device_reset_password', "reset the computer password for {p}"],
      ['install_software', 'please install {a} for {p}'], ['install_software', "can you put {a} on {p}'s laptop"], ['install_software', '{p} needs {a} installed'],
    ],
  },
  fr: {
    people: ['Karim', 'Mme Durand', 'mon collègue', 'la stagiaire', "l'assistante", 'Thomas de la compta', 'mon chef'],
    requests: [
      ['device_restart', 'vous pouvez redémarrer le portable de {p}'], ['device_restart', 'redémarrez le pc de {p} svp, il est figé'],
      ['device_shutdown', "éteignez l'ordinateur de {p} svp, il est resté allumé tout le week-end"], ['device_shutdown', 'tu peux éteindre le poste de {p}'],
      ['device_lock', 'verrouillez le pc de {p}, il est parti sans le verrouiller'], ['device_lock', 'verrouille le portable de {p} à distance'],
      ['device_logout', "déconnectez {p} du poste de l'accueil"], ['device_logout', 'fermez la session de {p}, j’ai besoin du poste'],
      ['device_reset_password', '{p} a oublié le mot de passe de son portable, vous pouvez le réinitialiser'], ['device_reset_password', "réinitialisez le mot de passe de l'ordinateur de {p}"],
      ['install_software', 'merci d’installer {a} pour {p}'], ['install_software', 'tu peux mettre {a} sur le portable de {p}'], ['install_software', 'il faudrait installer {a} chez {p}'],
    ],
  },
  de: {
    people: ['Herrn Maier', 'Frau Keller', 'meinem Kollegen', 'der Praktikantin', 'unserem Azubi', 'Jonas aus dem Lager', 'meinem Chef'],
    requests: [
      ['device_restart', 'kannst du den Laptop von {p} neu starten'], ['device_restart', 'bitte den Rechner bei {p} neu starten, der hängt'],
      ['device_shutdown', 'bitte den PC von {p} herunterfahren, der lief das ganze Wochenende'], ['device_shutdown', 'können Sie bei {p} den Rechner ausschalten'],
      ['device_lock', 'sperr bitte den PC von {p}, der ist einfach gegangen'], ['device_lock', 'den Laptop von {p} aus der Ferne sperren'],
      ['device_logout', 'melde bitte {p} vom Empfangsrechner ab'], ['device_logout', 'bei {p} bitte abmelden, ich brauche den Arbeitsplatz'],
      ['device_reset_password', 'bei {p} bitte das Laptop-Passwort zurücksetzen, vergessen'], ['device_reset_password', 'setz bitte das Rechnerpasswort von {p} zurück'],
      ['install_software', 'bitte {a} bei {p} installieren'], ['install_software', 'kannst du {p} {a} auf den Laptop spielen'], ['install_software', '{a} für {p} installieren bitte'],
    ],
  },
  es: {
    people: ['Andrés', 'doña Pilar', 'mi compañero', 'la becaria', 'el de recepción', 'Laura de contabilidad', 'mi jefe'],
    requests: [
      ['device_restart', '¿puedes reiniciar el portátil de {p}?'], ['device_restart', 'reiniciad el pc de {p} por favor, está colgado'],
      ['device_shutdown', 'apagad el ordenador de {p}, se quedó encendido todo el finde'], ['device_shutdown', '¿podéis apagar el equipo de {p}?'],
      ['device_lock', 'bloquea el pc de {p}, se ha ido y lo ha dejado abierto'], ['device_lock', 'bloquead el portátil de {p} a distancia'],
      ['device_logout', 'cerrad la sesión de {p} en el pc de recepción'], ['device_logout', 'saca a {p} del equipo, necesito usarlo'],
      ['device_reset_password', 'a {p} se le olvidó la contraseña del portátil, ¿se la podéis restablecer?'], ['device_reset_password', 'restableced la contraseña del ordenador de {p}'],
      ['install_software', 'por favor instalad {a} a {p}'], ['install_software', '¿le puedes poner {a} en el portátil a {p}?'], ['install_software', 'hay que instalarle {a} a {p}'],
    ],
  },
  it: {
    people: ['Luca', 'la signora Russo', 'il mio collega', 'la stagista', 'il ragazzo della reception', 'Paola della contabilità', 'il mio capo'],
    requests: [
      ['device_restart', 'puoi riavviare il portatile di {p}?'], ['device_restart', 'riavviate il pc di {p} per favore, è bloccato'],
      ['device_shutdown', 'spegnete il computer di {p}, è rimasto acceso tutto il weekend'], ['device_shutdown', 'potete spegnere la postazione di {p}?'],
      ['device_lock', 'bloccate il pc di {p}, è uscito e l’ha lasciato aperto'], ['device_lock', 'blocca da remoto il portatile di {p}'],
      ['device_logout', 'fate uscire {p} dal pc della reception'], ['device_logout', 'chiudete la sessione di {p}, mi serve la postazione'],
      ['device_reset_password', '{p} ha dimenticato la password del portatile, potete reimpostarla?'], ['device_reset_password', 'reimpostate la password del computer di {p}'],
      ['install_software', 'per favore installate {a} a {p}'], ['install_software', 'puoi mettere {a} sul portatile di {p}?'], ['install_software', 'bisogna installare {a} per {p}'],
    ],
  },
};

const DEPARTURES: Record<Language, string[]> = {
  en: ["I'm off to a meeting", 'going for lunch', "I'm heading home", 'done for the day', 'leaving for the weekend', 'stepping out for a coffee', 'I have to run to the dentist', 'my train leaves in 10 minutes'],
  fr: ['je file en réunion', 'je vais déjeuner', 'je rentre chez moi', "j'ai fini pour aujourd'hui", 'je pars en week-end', 'je sors prendre un café', "je dois filer chez le médecin", 'mon train part dans 10 minutes'],
  de: ['ich bin gleich im Meeting', 'ich gehe zum Mittagessen', 'ich gehe nach Hause', 'Feierabend für heute', 'ich bin übers Wochenende weg', 'ich hole mir kurz einen Kaffee', 'ich muss zum Arzt', 'mein Zug fährt in 10 Minuten'],
  es: ['me voy a una reunión', 'salgo a almorzar', 'me voy a casa', 'ya terminé por hoy', 'me voy de fin de semana', 'salgo a por un café', 'tengo que ir al médico', 'mi tren sale en 10 minutos'],
  it: ['vado in riunione', 'vado a pranzo', 'torno a casa', 'per oggi ho finito', 'parto per il weekend', 'esco a prendere un caffè', 'devo correre dal medico', 'il mio treno parte tra 10 minuti'],
};
const DEPARTURE_INTENTS: ModelIntent[] = ['device_lock', 'device_shutdown', 'device_logout'];

const DEVICE_INTENTS: ModelIntent[] = ['device_restart', 'device_shutdown', 'device_lock', 'device_logout', 'device_reset_password'];

// How many synthetic sentences of each kind a language gets.
const LEXICON_SENTENCES = 80;
const ACTION_PROBLEM_SENTENCES = 80;
const TARGETED_SENTENCES = 100;
const INSTALL_QUESTION_SENTENCES = 30;
const INSTALL_PROBLEM_SENTENCES = 30;
const RESOLVED_THANKS_SENTENCES = 120;
const THANKED_ACTION_SENTENCES = 40;
const NEGATED_SENTENCES = 40;
const SOCIAL_CHAIN_SENTENCES = 60;
const WRAPPED_SHARE = 0.35;
const BARE_SUBJECT_SHARE = 0.15;
// A share of the lexicon questions name the user's computer or a common app as the subject ("pc slow", "my laptop
// won't charge"): named alone, those are words of requests and of the help intent.
const DEVICE_SUBJECT_SHARE = 0.25;
const COMBINED_SENTENCES = 50;
const DEVICE_WITH_SYMPTOM_SENTENCES = 40;
const NARRATED_SENTENCES = 60;
const STAFF_CHANGE_SENTENCES = 40;
const SERVICE_REQUEST_SENTENCES = 40;
const SERVICE_REASON_SHARE = 0.5;
const FOR_OTHERS_SENTENCES = 60;
const STAFF_INSTALL_SHARE = 0.3;
const INSTALL_WITH_REASON_SENTENCES = 40;
const DEVICE_WITH_DEPARTURE_SENTENCES = 40;

export type Random = () => number;

// Drawn with replacement, a few dozen sentences leave a good share of a list's templates and fillings unused, and
// which ones changes with the seed: the model then depends on the seed more than on the corpus. Each list is dealt
// instead, in an order shuffled anew once every item was drawn, so that all are used as evenly as the count
// allows. Decks belong to one generator of random numbers: a training draws the same sentences whatever came before.
const decks = new WeakMap<Random, WeakMap<readonly unknown[], unknown[]>>();

function pick<T>(list: readonly T[], random: Random): T {
  let byList = decks.get(random);
  if (!byList) decks.set(random, (byList = new WeakMap()));
  let deck = byList.get(list) as T[] | undefined;
  if (!deck?.length) {
    deck = [...list];
    for (let i = deck.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [deck[i], deck[j]] = [deck[j]!, deck[i]!];
    }
    byList.set(list, deck);
  }
  return deck.pop()!;
}

let lexicon: Concept[][] | undefined;

export function loadLexicon(): { subjects: Concept[]; problems: Concept[] } {
  lexicon ??= readdirSync(LEXICON_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const concepts = JSON.parse(readFileSync(join(LEXICON_DIR, file), 'utf8')) as Concept[];
      return concepts.map((concept) => ({ ...concept, id: `${file.replace(/\.json$/, '')}:${concept.id}` }));
    });
  const all = lexicon.flat();
  const area = (c: Concept) => c.id.split(':')[0]!;
  const id = (c: Concept) => c.id.split(':')[1]!;
  return {
    subjects: all.filter(
      (c) => area(c) !== 'problems' && !NOT_SUBJECTS.has(id(c)) && (area(c) !== 'support-process' || SUPPORT_SUBJECTS.has(id(c))),
    ),
    problems: all.filter((c) => area(c) === 'problems' && !NOT_PROBLEMS.has(id(c))),
  };
}

/** Knowledge-base questions built from the lexicon: a subject, a problem, an opener. */
export function lexiconQuestions(lang: Language, random: Random, count = LEXICON_SENTENCES): Example[] {
  const { subjects, problems } = loadLexicon();
  const out: Example[] = [];
  for (let i = 0; i < count * 3 && out.length < count; i++) {
    const subject = pick(subjects, random).terms[lang];
    const problem = pick(problems, random).terms[lang];
    if (!subject?.length || !problem?.length) continue;
    // Some users name only the subject ("printer?", "vpn"): that too is a question for the knowledge base.
    const bare = random() < BARE_SUBJECT_SHARE;
    const named = random() < DEVICE_SUBJECT_SHARE ? pick(ACTION_SUBJECTS[lang], random) : pick(subject, random);
    const utterance = bare
      ? `${pick(subject, random)}${random() < 0.5 ? ' ?' : ''}`
      : [pick(OPENERS[lang], random), named, pick(problem, random)].filter(Boolean).join(' ');
    out.push({ utterance, intent: 'kb_question' });
  }
  return out;
}

/** Knowledge-base questions that use the words of a device action without asking for it. */
export function actionProblems(lang: Language, random: Random, count = ACTION_PROBLEM_SENTENCES): Example[] {
  const out: Example[] = [];
  for (let i = 0; i < count; i++) {
    const utterance = pick(ACTION_PROBLEMS[lang], random).replace('{s}', pick(ACTION_SUBJECTS[lang], random));
    out.push({ utterance, intent: 'kb_question' });
  }
  return out;
}

/** The device requests aimed at a computer, and the same aimed at what is not one: the latter for the knowledge base. */
export function targetedRequests(lang: Language, random: Random, count = TARGETED_SENTENCES): Example[] {
  return Array.from({ length: count }, (_, i) => {
    const group = pick(TARGETED[lang], random);
    const computer = i % 2 === 0;
    const utterance = pick(group.requests, random).replace('{t}', pick(computer ? group.computers : group.others, random));
    return { utterance, intent: computer ? group.intent : ('kb_question' as const) };
  });
}

/** Knowledge-base questions about installing what no catalog holds, and about installs of the catalog's apps that fail. */
export function installQuestions(lang: Language, apps: readonly string[], random: Random, count = INSTALL_QUESTION_SENTENCES): Example[] {
  const questions = Array.from({ length: count }, () => ({
    utterance: pick(INSTALL_QUESTIONS[lang], random).replace('{s}', pick(INSTALL_SUBJECTS[lang], random)),
    intent: 'kb_question' as const,
  }));
  const problems = Array.from({ length: INSTALL_PROBLEM_SENTENCES }, () => ({
    utterance: pick(INSTALL_PROBLEMS[lang], random).replace('{s}', pick(apps, random)),
    intent: 'kb_question' as const,
  }));
  return [...questions, ...problems];
}

/** Thank-yous that name what works again, the subject taken from the knowledge-base lexicon. */
export function resolvedThanks(lang: Language, random: Random, count = RESOLVED_THANKS_SENTENCES): Example[] {
  const { subjects } = loadLexicon();
  const out: Example[] = [];
  for (let i = 0; i < count * 3 && out.length < count; i++) {
    const subject = pick(subjects, random).terms[lang]?.[0];
    if (!subject) continue;
    const resolved = pick(RESOLVED[lang], random).replace('{s}', subject);
    const thanks = pick(THANKS_WORDS[lang], random);
    const r = random();
    const utterance = r < UNTHANKED_SHARE ? resolved : r < 0.6 ? `${thanks}, ${resolved}` : `${resolved}, ${thanks}`;
    out.push({ utterance, intent: 'thanks' });
  }
  return out;
}

/** Thank-yous for a device action or an install that was carried out. */
export function thankedActions(lang: Language, random: Random, count = THANKED_ACTION_SENTENCES): Example[] {
  return Array.from({ length: count }, () => ({
    utterance: pick(THANKED_ACTIONS[lang], random)
      .replace('{d}', pick(NARRATED_DEVICES[lang], random))
      .replace('{a}', pick(THANKED_APPS, random)),
    intent: 'thanks' as const,
  }));
}

/** Requests called off or turned down: the action named, with its negation, asks for nothing. */
export function negatedRequests(lang: Language, random: Random, count = NEGATED_SENTENCES): Example[] {
  const { openers, negations, cancels } = NEGATED[lang];
  return Array.from({ length: count }, () => {
    const negation = random() < 0.75 ? pick(negations, random).replace('{d}', pick(NEGATED_DEVICES[lang], random)) : pick(cancels, random);
    return { utterance: [pick(openers, random), negation].filter(Boolean).join(' '), intent: 'cancel' as const };
  });
}

/** Two or three social sentences of the corpus in one message, as what the last one says. */
export function socialChains(examples: Example[], random: Random, count = SOCIAL_CHAIN_SENTENCES): Example[] {
  const social = examples.filter((e) => CHAINED_INTENTS.includes(e.intent));
  const out: Example[] = [];
  for (let i = 0; i < count && social.length; i++) {
    const parts = Array.from({ length: random() < 0.7 ? 2 : 3 }, () => pick(social, random));
    out.push({ utterance: parts.map((part) => part.utterance.replace(/[.!?]+$/, '')).join(', '), intent: parts.at(-1)!.intent });
  }
  return out;
}

/** Device requests told as a story about the computer, then asked with a pronoun, with or without a greeting. */
export function narratedRequests(lang: Language, random: Random, count = NARRATED_SENTENCES): Example[] {
  return Array.from({ length: count }, () => {
    const { intent, stories, requests } = pick(NARRATED[lang], random);
    const story = pick(stories, random).replace('{d}', pick(NARRATED_DEVICES[lang], random));
    const symptom = intent === 'device_restart' && random() < 0.4 ? `, ${pick(SYMPTOMS[lang], random)}` : '';
    const greeting = random() < 0.4 ? `${pick(PREFIXES[lang], random)}, ` : '';
    return { utterance: `${greeting}${story}${symptom}, ${pick(requests, random)}`, intent };
  });
}

/**
 * A colleague arriving or leaving and what must be set up or ended for them: a request for a ticket. Unless what is
 * asked for the newcomer is an app: then the install decides, as for anyone.
 */
export function staffChanges(lang: Language, apps: readonly string[], random: Random, count = STAFF_CHANGE_SENTENCES): Example[] {
  const { when, arrivals, needs, installs, departures, endings } = STAFF_CHANGES[lang];
  return Array.from({ length: count }, () => {
    const arriving = random() < 0.6;
    const install = arriving && random() < STAFF_INSTALL_SHARE;
    const who = pick(arriving ? arrivals : departures, random).replace('{w}', pick(when, random));
    const what = install ? pick(installs, random).replace('{a}', pick(apps, random)) : pick(arriving ? needs : endings, random);
    const utterance = random() < 0.5 ? `${who}, ${what}` : `${who}. ${what}`;
    return { utterance: utterance.charAt(0).toUpperCase() + utterance.slice(1), intent: install ? 'install_software' : 'create_ticket' };
  });
}

/**
 * Equipment, access or an account asked of the help desk: a request for a ticket, though equipment often comes with the
 * breakage that calls for it, before or after, and access names a system the articles also speak of.
 */
export function serviceRequests(lang: Language, random: Random, count = SERVICE_REQUEST_SENTENCES): Example[] {
  const { equipment, asks, reasons, systems, people, grants, accounts } = SERVICE_REQUESTS[lang];
  const fill = (template: string) => template.replace('{o}', pick(equipment, random)).replace('{p}', pick(people, random)).replace('{s}', pick(systems, random));
  const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  return Array.from({ length: count }, (): Example[] => {
    const kind = random();
    const utterance = fill(pick(kind < 0.5 ? asks : kind < 0.75 ? grants : accounts, random));
    if (kind >= 0.5 || random() >= SERVICE_REASON_SHARE) return [{ utterance: capitalized(utterance), intent: 'create_ticket' }];
    // The breakage told alone stays a question for the articles: the request decides, not the story.
    const reason = pick(reasons, random);
    return [
      { utterance: capitalized(random() < 0.5 ? `${utterance}, ${reason}` : `${reason}. ${utterance}`), intent: 'create_ticket' },
      { utterance: capitalized(reason), intent: 'kb_question' },
    ];
  }).flat();
}

/** Actions and installs asked for a colleague's computer: the same requests, whoever the computer belongs to. */
export function requestsForOthers(lang: Language, apps: readonly string[], random: Random, count = FOR_OTHERS_SENTENCES): Example[] {
  const { people, requests } = FOR_OTHERS[lang];
  return Array.from({ length: count }, () => {
    const [intent, template] = pick(requests, random);
    const utterance = template.replace('{p}', pick(people, random)).replace('{a}', pick(apps, random));
    return { utterance: utterance.charAt(0).toUpperCase() + utterance.slice(1), intent };
  });
}

/** Device requests with the symptom that motivates them, before or after. */
export function requestsWithSymptoms(lang: Language, examples: Example[], random: Random, count = DEVICE_WITH_SYMPTOM_SENTENCES): Example[] {
  const requests = examples.filter((e) => e.intent === 'device_restart' || (DEVICE_INTENTS.includes(e.intent) && random() < 0.3));
  const out: Example[] = [];
  for (let i = 0; i < count && requests.length; i++) {
    const request = pick(requests, random);
    const symptom = pick(SYMPTOMS[lang], random);
    const text = request.utterance.replace(/[.!?]+$/, '');
    out.push({ utterance: random() < 0.5 ? `${text}, ${symptom}` : `${symptom}, ${text}`, intent: request.intent });
  }
  return out;
}

/** Requests to lock, shut down or sign out with the user's leaving as the reason, before or after: the leaving is no goodbye. */
export function requestsWithDepartures(lang: Language, examples: Example[], random: Random, count = DEVICE_WITH_DEPARTURE_SENTENCES): Example[] {
  const requests = examples.filter((e) => DEPARTURE_INTENTS.includes(e.intent));
  const out: Example[] = [];
  for (let i = 0; i < count && requests.length; i++) {
    const request = pick(requests, random);
    const text = request.utterance.replace(/[.!?]+$/, '');
    const departure = pick(DEPARTURES[lang], random);
    // Typed in a hurry, often without the comma.
    const join = random() < 0.5 ? ', ' : ' ';
    out.push({ utterance: random() < 0.7 ? `${text}${join}${departure}` : `${departure}${join}${text}`, intent: request.intent });
  }
  return out;
}

/** Requests for an app with the reason for wanting it, before or after. */
export function requestsWithReasons(lang: Language, examples: Example[], random: Random, count = INSTALL_WITH_REASON_SENTENCES): Example[] {
  const requests = examples.filter((e) => e.intent === 'install_software');
  const out: Example[] = [];
  for (let i = 0; i < count && requests.length; i++) {
    const text = pick(requests, random).utterance.replace(/[.!?]+$/, '');
    const reason = pick(INSTALL_REASONS[lang], random);
    const link = pick(INSTALL_LINKS[lang], random);
    out.push({ utterance: random() < 0.7 ? `${text}, ${[link, reason].filter(Boolean).join(' ')}` : `${reason}, ${text}`, intent: 'install_software' });
  }
  return out;
}

/** A share of the content examples again, with a greeting before or a thank-you after. */
export function wrapped(lang: Language, examples: Example[], random: Random): Example[] {
  const out: Example[] = [];
  for (const example of examples) {
    if (!WRAPPED_INTENTS.includes(example.intent) || random() >= WRAPPED_SHARE) continue;
    const before = random() < 0.6 ? `${pick(PREFIXES[lang], random)}, ` : '';
    const after = !before || random() < 0.4 ? ` ${pick(SUFFIXES[lang], random)}` : '';
    out.push({ utterance: `${before}${example.utterance}${after}`, intent: example.intent });
  }
  return out;
}

/**
 * Requests for a ticket or a technician followed by the problem they are about: the request decides, however
 * many words the description has.
 */
export function combined(examples: Example[], random: Random, count = COMBINED_SENTENCES): Example[] {
  const problems = examples.filter((e) => e.intent === 'kb_question' && !/[?¿]/.test(e.utterance));
  const out: Example[] = [];
  for (const intent of ['create_ticket', 'escalate'] as const) {
    const requests = examples.filter((e) => e.intent === intent);
    if (!requests.length || !problems.length) continue;
    for (let i = 0; i < count; i++) {
      const request = pick(requests, random).utterance.replace(/[.!?]+$/, '');
      const problem = pick(problems, random).utterance;
      out.push({ utterance: random() < 0.7 ? `${request}, ${problem}` : `${problem}, ${request}`, intent });
    }
  }
  return out;
}
