import type { Language } from '../../../i18n/languages.js';
import { analyzeText } from '../../../kb-index/embedding/local-embedder.js';
import { foldText } from '../../fold-text.js';
import { requestClauses } from './request-clauses.js';
import { MAX_CLASSIFIED_LENGTH } from './prepare-text.js';

// How something is done, asked in so many words ("how do I submit my expenses?", "cómo ficho la entrada en Sesame"):
// a question for the articles even when it names only the tenant's own tools, which no lexicon knows. Matched on
// lower-cased, accent-free text.
const HOW_TO = new RegExp(
  [
    // Or with the subject first, as learners write it: "please how I can put the out of office".
    String.raw`\bhow (?:do|can|should|would|could|must) (?:i|we|you|u|one)\b|\bhow (?:i|we) (?:can|could|should|must|have to|need to)\b|\bhow to\b|\bhow does\b`,
    String.raw`\bcomment (?:je|j'|on|faire|fait[ -]on|puis[ -]je|peut[ -]on|dois[ -]je|est[ -]ce qu)`,
    String.raw`\bwie (?:kann|konnen|muss|soll|sollte|mache|macht|geht|funktioniert|bekomme|komme|finde|stelle|richte)\b`,
    String.raw`\bwie \w+ (?:ich|man)\b`,
    String.raw`\bcomo (?:se|puedo|podemos|hago|hacemos|tengo|debo|hay que|funciona)\b|\bcomo (?:me |lo |la |nos )?\w+o\b`,
    String.raw`\bcome (?:si|posso|possiamo|faccio|facciamo|devo|bisogna|funziona)\b|\bcome (?:mi |lo |la |ci )?\w+o\b`,
  ].join('|'),
);

const HOW_TO_FIRST = new RegExp(`^(?:${HOW_TO.source})`);
// Or asked to be explained, politely, wherever in the clause: "would you be able to explain how I add the shared
// mailbox", "pourriez-vous m'indiquer la marche à suivre pour…", "what's the procedure for reporting a phishing email?".
const EXPLAIN_HOW = new RegExp(
  [
    String.raw`\b(?:explain|show me|tell me|advise|let me know) how\b|\bwhat(?:'s| is) the (?:procedure|process) (?:for|to)\b`,
    // Or wished to be known: "vorrei sapere come configurare l'app", "I'd like to know how".
    String.raw`\b(?:i'd|i would|we'd|we would) like to know how\b|\bi (?:want|wanted) to know how\b|\b(?:je voudrais|j'aimerais|je veux|nous voudrions|j'aurais voulu) savoir comment\b|\b(?:mochte|mochten|wurde gern|will|wollte) (?:ich |wir )?(?:gern |gerne )?wissen,? wie\b|\b(?:quisiera|quiero|me gustaria|queria|quisieramos) saber como\b|\b(?:vorrei|voglio|volevo|vorremmo|desidero) sapere come\b`,
    // Or what a thing is for: "teams por favor, ¿para qué sirve?", "à quoi sert OneDrive ?".
    String.raw`\bwhat(?:'s| is| are) (?:\w+ ){0,2}(?:used )?for\b|\ba quoi (?:sert|servent)\b|\b(?:wozu|wofur) (?:ist|sind|dient|dienen|braucht man|brauche ich)\b|\bpara que (?:sirve|sirven)\b|\ba (?:cosa|che) (?:serve|servono)\b`,
    // Or the instructions asked for: "could you point me to the instructions for reconnecting it?".
    String.raw`\b(?:point|direct|send|link) (?:me|us) (?:to )?(?:the |a |some )?(?:instructions|guide|steps|documentation|how-?to|article)\b`,
    String.raw`\bla (?:marche a suivre|procedure|demarche) (?:pour|a suivre)\b|\bm' ?(?:indiquer|expliquer) comment\b|\bme dire comment\b`,
    String.raw`\b(?:erklaren|zeigen|sagen|mitteilen|beschreiben|verraten)(?: sie| du)?(?: mir)?,? wie\b`,
    String.raw`\b(?:explicar|explicarme|decirme|indicarme) como\b|\bel procedimiento para\b`,
    String.raw`\b(?:spiegarmi|dirmi|indicarmi|spiegare) come\b|\bla procedura per\b`,
    // However the verb is bent, or asked for the steps: "les agradecería que me indicaran cómo", "Vous pouvez m'expliquer les
    // étapes ?", "mi spiegate come".
    String.raw`\b(?:expliqu|indiqu)\w* comment\b|\b(?:explic|indic)\w* como\b|\b(?:spieg|indic)\w* come\b|\b(?:expliquer|explain|erklaren|explicar|explicarme|spiegare|spiegarmi) (?:les|the|die|los|i) (?:etapes|steps|schritte|pasos|passaggi)\b`,
    // Or not understood, or not known: "je ne comprends pas comment je peux partager", "I don't know how to", "no sé cómo".
    String.raw`\b(?:don't|do not|dont) (?:understand|know|get) how\b|\bne (?:comprends|comprend|sais) pas comment\b|\b(?:verstehe|versteh|weiss|weiß) (?:nicht|nich),? wie\b|\bno (?:entiendo|se|sabemos|entendemos) como\b|\bnon (?:capisco|so|sappiamo|capiamo) come\b`,
    // Or whether it is safe: "is it safe to open an attachment called invoice.zip?".
    String.raw`\bis it (?:safe|ok|okay|dangerous|risky) to\b|\best[ -]ce (?:que c'est )?(?:sur|dangereux|risque) d|\bist (?:es|das) (?:sicher|gefahrlich|ungefahrlich),? (?:\w+ )*(?:zu|wenn)\b|\bes (?:seguro|peligroso) (?:abrir|\w+ar|\w+er|\w+ir)\b|\be (?:sicuro|pericoloso) (?:aprire|\w+are|\w+ere|\w+ire)\b`,
    // Or whether there is a way: "Is there a setting somewhere I'm missing?", "gibt es eine Einstellung dafür?".
    String.raw`\bis there (?:a|an|any) (?:setting|way|option|trick|fix|shortcut)\b|\by a[ -]t[ -]il (?:un|une) (?:reglage|moyen|parametre|option|astuce)\b`,
    String.raw`\bgibt es (?:eine|einen) (?:einstellung|moglichkeit|weg|trick)\b|\bhay (?:alguna|algun|una|un) (?:opcion|forma|manera|ajuste|truco)\b|\bc'e (?:un modo|un'impostazione|un'opzione|un trucco|una impostazione|una opzione)\b`,
    // Or what the user can check or try first: "C'è qualcosa che posso controllare io prima di chiamare qualcuno?".
    String.raw`\bis there (?:anything|something) (?:i|we) (?:can|could|should) (?:check|do|try)\b|\by a[ -]t[ -]il (?:quelque chose|un truc) que (?:je|on) (?:peux|puisse|pourrais|peut) (?:verifier|faire|essayer)\b`,
    String.raw`\bwas (?:ich|wir) (?:selbst |vorher |zuerst |erst )?(?:prufen|tun|machen|versuchen|checken|ausprobieren) (?:kann|konnen)\b|\bhay algo que (?:pueda|puedo|podamos|podemos) (?:revisar|hacer|comprobar|probar|mirar)\b|\bc'e qualcosa che (?:posso|possiamo|potrei) (?:controllare|fare|provare|verificare)\b`,
    // Or what the user should do or change: "What can I do about it?", "Il faut changer quoi dans les paramètres ?".
    String.raw`\bwhat (?:can|should|do) (?:i|we) (?:do|change|try)\b|\bil faut (?:changer|faire|modifier) quoi\b|\bqu'est[ -]ce (?:que|qu') (?:je|j'|on) (?:peux|dois|doit|peut) (?:faire|changer)\b|\bcomment (?:je|on) (?:recupere|retrouve|regle|corrige)\b`,
    String.raw`\bwas (?:kann|muss|soll) ich (?:da |dagegen )?(?:tun|machen|einstellen|andern)\b|\bque (?:puedo|debo|tengo que) (?:hacer|cambiar)\b|\bsolo (?:saber|entender) (?:por que|que|como)\b|\bcosa (?:posso|devo) (?:fare|cambiare)\b`,
    // Or wanted to be known, whatever the story before (what the assistant does is asked of it, not of the articles): "Ich will nur wissen, warum der Bildschirm flackert", "me
    // gustaría saber por qué pasa", "Ich möchte mich erkundigen, wie ich … melde".
    String.raw`\b(?:want|wanna|like|need) to (?:know|understand) (?:why|how|if|whether)\b`,
    String.raw`\b(?:veux|voudrais|aimerais|souhaite|souhaiterais) (?:juste |seulement |simplement )?(?:savoir|comprendre) (?:pourquoi|comment|si)\b`,
    String.raw`\b(?:will|mochte|wurde gern|wurde gerne|wollte) (?:nur |bloss |blo |einfach |gern |gerne )?(?:wissen|verstehen)(?:,? (?:warum|wieso|weshalb|wie|ob)\b|$)|\berkundigen(?:,? (?:wie|ob|warum)\b|$)`,
    String.raw`\b(?:quiero|quisiera|gustaria|necesito) (?:solo |solamente |nada mas )?(?:saber|entender) (?:por que|porque|como|si)\b`,
    String.raw`\b(?:voglio|vorrei|volevo) (?:solo |soltanto |solamente )?(?:sapere|capire) (?:perche|come|se)\b`,
  ].join('|'),
);

// What an action does, asked before it is done: "ça fait quoi exactement de verrouiller la session ?", "cosa fa bloccare lo
// schermo? chiude i programmi?", "what happens if I log out?".
const WHAT_IT_WOULD_DO = new RegExp(
  [
    String.raw`\bwhat (?:does|would) (?:\w+ ){0,2}(?:do|mean)\b|\bwhat happens (?:if|when) (?:i|you|we)\b`,
    String.raw`\b(?:ca|cela) fait quoi (?:exactement )?(?:de|d')|\bqu'est[ -]ce (?:que ca|qui se passe) (?:fait|si|quand)\b|\bque se passe[ -]t[ -]il (?:si|quand)\b`,
    String.raw`\bwas (?:passiert|macht das|bewirkt),? (?:\w+ )?(?:wenn|beim)\b`,
    String.raw`\bque (?:hace|pasa si|pasa cuando) (?:\w+ )?(?:reinici|apag|bloque|cerr)\w*`,
    String.raw`\bcosa (?:fa|succede se|succede quando) (?:\w+ )?(?:riavvi|speg|blocc|disconnett|chiude)\w*`,
  ].join('|'),
);

/** Whether the message asks what an action would do, rather than for it to be done. */
export function asksWhatItWouldDo(text: string): boolean {
  return WHAT_IT_WOULD_DO.test(foldText(text));
}

/**
 * Whether a clause of the message begins by asking how something is done: "how to share my calendar with my manager";
 * or the message asks to be explained how, across the comma German puts before "wie".
 */
export function asksHowTo(text: string): boolean {
  return requestClauses(text).some((clause) => HOW_TO_FIRST.test(clause) || EXPLAIN_HOW.test(clause)) || EXPLAIN_HOW.test(foldText(text.slice(0, MAX_CLASSIFIED_LENGTH)));
}

/**
 * Whether a message speaks of IT at all: some word of it is a concept of the knowledge base's lexicon (a thing, an app,
 * a fault, a task of the help desk), or it asks how something is done. "¿Sabes si mañana llueve en Málaga?", "c'est
 * quoi la meilleure pizzeria de Lyon ?" or "a posto così, ciao" do not, however much they sound like questions.
 * `notTypos` are words to read as written, not as typos of IT terms ("domani" is no domain).
 */
export async function speaksOfIt(text: string, lang: Language | null, notTypos?: ReadonlySet<string>): Promise<boolean> {
  if (HOW_TO.test(foldText(text))) return true;
  const { concepts } = await analyzeText(text, lang ?? undefined, { query: true, notTypos });
  return concepts.length > 0;
}
