import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from '../../../i18n/languages.js';
import type { Intent } from './intents.js';

// The hand-written corpus teaches how each request is phrased. Two things it cannot list by hand are added
// here, the same way for every language:
// - the breadth of IT problems: any problem is a question for the knowledge base, so sentences pairing a
//   subject of the knowledge-base lexicon (printer, VPN, mailbox…) with a problem (broken, slow…) teach
//   the classifier the whole field's vocabulary;
// - wrapping: users greet, apologize and thank around their request ("hi, sorry to bother you, …, thanks"),
//   and describe the problem when they ask for a ticket or a technician; those words must not decide the intent.

const LEXICON_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'kb-index', 'lexicon');

export type Example = { utterance: string; intent: Intent };

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
const WRAPPED_INTENTS: Intent[] = [
  'kb_question', 'device_restart', 'device_lock', 'device_shutdown', 'device_logout', 'device_reset_password',
  'install_software', 'list_devices', 'ticket_status', 'list_tickets', 'create_ticket', 'escalate',
];

// The words of the device actions (restart, shut down, lock, log out, reset a password) also describe problems
// and how-to questions: "my laptop keeps restarting", "how do I lock my screen", "I already rebooted". Those are
// questions for the knowledge base; requests are written by hand in the corpus. Each pattern takes a subject.
const ACTION_PROBLEMS: Record<Language, string[]> = {
  en: [
    '{s} is really slow to shut down', '{s} takes forever to reboot', '{s} hangs when shutting down',
    '{s} keeps restarting', '{s} restarts by itself', '{s} rebooted on its own last night', "{s} won't restart", '{s} is stuck on restarting',
    'how do I restart {s}', 'how to reboot {s} properly', 'I already restarted {s}, same problem', "restarting {s} didn't help",
    '{s} keeps shutting down', '{s} turns off by itself', '{s} switched off suddenly', "{s} won't shut down", 'how do I shut down {s}',
    'I turned {s} off and on again, still broken', '{s} locks itself all the time', '{s} locks way too quickly', 'how do I lock {s}',
    '{s} got locked after the update', '{s} logs me out all the time', 'I keep getting signed out of {s}', 'how do I log out of {s}',
    'how do I reset the password of {s}', '{s} says my password is wrong', '{s} asks for a password I never set',
  ],
  fr: [
    "{s} est très long à s'éteindre", '{s} met une éternité à redémarrer', "{s} bloque pendant l'arrêt",
    '{s} redémarre sans arrêt', '{s} redémarre tout seul', "{s} a redémarré tout seul cette nuit", '{s} ne veut pas redémarrer', '{s} reste bloqué au redémarrage',
    'comment redémarrer {s}', 'comment bien relancer {s}', "j'ai déjà redémarré {s}, même problème", "redémarrer {s} n'a rien changé",
    "{s} s'éteint sans arrêt", "{s} s'éteint tout seul", "{s} s'est coupé d'un coup", "{s} ne veut pas s'éteindre", 'comment éteindre {s}',
    "j'ai éteint et rallumé {s}, toujours en panne", '{s} se verrouille tout le temps', '{s} se verrouille beaucoup trop vite', 'comment verrouiller {s}',
    "{s} s'est bloqué après la mise à jour", '{s} me déconnecte tout le temps', 'je suis sans cesse déconnecté de {s}', 'comment se déconnecter de {s}',
    'comment réinitialiser le mot de passe de {s}', '{s} dit que mon mot de passe est faux', '{s} demande un mot de passe que je ne connais pas',
  ],
  de: [
    '{s} fährt total langsam herunter', '{s} braucht beim neustart eine ewigkeit', '{s} hängt beim herunterfahren',
    '{s} startet ständig neu', '{s} startet von selbst neu', '{s} hat heute nacht von allein neu gestartet', '{s} startet nicht neu', '{s} hängt beim neustart',
    'wie starte ich {s} neu', 'wie startet man {s} richtig neu', 'hab {s} schon neu gestartet, gleiches problem', 'neustart von {s} hat nichts gebracht',
    '{s} geht ständig aus', '{s} schaltet sich von selbst aus', '{s} ist plötzlich ausgegangen', '{s} fährt nicht herunter', 'wie fahre ich {s} herunter',
    '{s} aus- und wieder eingeschaltet, immer noch kaputt', '{s} sperrt sich ständig', '{s} sperrt sich viel zu schnell', 'wie sperre ich {s}',
    '{s} ist nach dem update gesperrt', '{s} meldet mich ständig ab', 'ich werde dauernd von {s} abgemeldet', 'wie melde ich mich von {s} ab',
    'wie setze ich das passwort von {s} zurück', '{s} sagt mein passwort ist falsch', '{s} will ein passwort das ich nicht kenne',
  ],
  es: [
    '{s} tarda muchísimo en reiniciarse', '{s} va lentísimo al apagar', '{s} se cuelga al apagarse',
    '{s} se reinicia todo el rato', '{s} se reinicia solo', '{s} se reinició solo anoche', '{s} no se reinicia', '{s} se queda reiniciando',
    'cómo reinicio {s}', 'cómo se reinicia bien {s}', 'ya reinicié {s}, mismo problema', 'reiniciar {s} no sirvió de nada',
    '{s} se apaga todo el rato', '{s} se apaga solo', '{s} se apagó de golpe', '{s} no se apaga', 'cómo apago {s}',
    'apagué y encendí {s} y sigue fallando', '{s} se bloquea todo el rato', '{s} se bloquea demasiado rápido', 'cómo bloqueo {s}',
    '{s} se bloqueó después de la actualización', '{s} me cierra la sesión todo el rato', 'me desconecta todo el rato de {s}', 'cómo cierro sesión en {s}',
    'cómo restablezco la contraseña de {s}', '{s} dice que mi contraseña es incorrecta', '{s} pide una contraseña que no conozco',
  ],
  it: [
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
  en: ["it's frozen", 'nothing responds', "it's stuck on the login screen", 'the screen is black', "it's super slow", 'apps keep crashing', "it's been hanging since this morning", "the mouse doesn't move", "it won't let me log in", 'the fan is going crazy'],
  fr: ['il est figé', 'plus rien ne répond', "il est bloqué sur l'écran de connexion", "l'écran est noir", 'il rame à mort', 'les applis plantent sans arrêt', 'il est bloqué depuis ce matin', 'la souris ne bouge plus', 'il ne me laisse pas me connecter', 'le ventilo tourne à fond'],
  de: ['er ist eingefroren', 'nichts reagiert mehr', 'er hängt am anmeldebildschirm', 'der bildschirm ist schwarz', 'er ist extrem langsam', 'die programme stürzen dauernd ab', 'er hängt seit heute morgen', 'die maus bewegt sich nicht', 'ich komme nicht rein', 'der lüfter dreht durch'],
  es: ['está congelado', 'no responde nada', 'se quedó en la pantalla de inicio de sesión', 'la pantalla está en negro', 'va lentísimo', 'las aplicaciones se cierran solas', 'está colgado desde esta mañana', 'el ratón no se mueve', 'no me deja entrar', 'el ventilador va a tope'],
  it: ['è bloccato', 'non risponde più niente', 'è fermo sulla schermata di accesso', 'lo schermo è nero', 'è lentissimo', 'le app si chiudono di continuo', 'è piantato da stamattina', 'il mouse non si muove', 'non mi fa entrare', 'la ventola va a palla'],
};
const DEVICE_INTENTS: Intent[] = ['device_restart', 'device_shutdown', 'device_lock', 'device_logout', 'device_reset_password'];

// How many synthetic sentences of each kind a language gets.
const LEXICON_SENTENCES = 80;
const ACTION_PROBLEM_SENTENCES = 80;
const WRAPPED_SHARE = 0.35;
const BARE_SUBJECT_SHARE = 0.15;
const COMBINED_SENTENCES = 50;
const DEVICE_WITH_SYMPTOM_SENTENCES = 40;

export type Random = () => number;

function pick<T>(list: readonly T[], random: Random): T {
  return list[Math.floor(random() * list.length)]!;
}

let lexicon: Concept[][] | undefined;

function loadLexicon(): { subjects: Concept[]; problems: Concept[] } {
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
    const utterance = bare
      ? `${pick(subject, random)}${random() < 0.5 ? ' ?' : ''}`
      : [pick(OPENERS[lang], random), pick(subject, random), pick(problem, random)].filter(Boolean).join(' ');
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
