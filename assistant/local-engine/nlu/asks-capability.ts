import { THINGS } from '../../beyond-own-devices.js';
import { foldText } from '../../fold-text.js';

// "can you even restart computers?", "kannst du überhaupt Rechner neu starten?", "vous pouvez vraiment redémarrer des
// ordinateurs à distance ?": asking whether the assistant is able to, about computers in general, asks what it can
// do, not for it to be done; "je sais même pas" tells what the user cannot. Matched on lower-cased, accent-free text.
const ABLE_AT_ALL = new RegExp(
  [
    String.raw`\b(?:can|could) (?:you|u) (?:even|actually|really)\b|\bare you (?:even |actually |really )?(?:able to|capable of)\b|\bis it (?:even|actually|really) possible\b`,
    String.raw`\b(?<!\b(?:je|ne) )(?:peux|pouvez|sais|savez)(?:[ -](?:tu|vous))? (?:vraiment|reellement|seulement|meme)\b|\b(?:tu|vous) (?:peux|pouvez|sais|savez) (?:vraiment|reellement|meme)\b`,
    String.raw`\b(?:t'es|tu es|es[ -]tu|vous etes|etes[ -]vous) (?:vraiment |meme )?(?:capable|capables|en mesure)\b`,
    String.raw`\b(?:kannst|konnen|kann) (?:du|sie|man) (?:uberhaupt|wirklich|eigentlich)\b|\b(?:bist du|sind sie) (?:uberhaupt |wirklich )?(?:in der lage|fahig)\b`,
    String.raw`\b(?:puedes|puede|sabes|sabe)(?: usted)? (?:de verdad|realmente|siquiera|en serio)\b|\b(?:de verdad|en serio) (?:puedes|puede)\b|\b(?:eres|es usted) (?:capaz|capaces)\b`,
    String.raw`\b(?:puoi|puo|sai|sa) (?:davvero|veramente|anche|per davvero)\b|\b(?:davvero|veramente) (?:puoi|puo)\b|\b(?:sei|lei e) (?:davvero |veramente )?(?:in grado|capace)\b`,
    // Computers in general, as an indefinite plural: "vous pouvez redémarrer des ordis ?", "can you restart computers?",
    // "¿puedes reiniciar ordenadores?", or asked whether it manages to: "riesci a riavviare i computer?".
    String.raw`\b(?:can|could) (?:you|u) (?:remotely )?\w+(?: down| off| out)? (?:computers|pcs|laptops|machines|devices|software|programs|apps)\b`,
    String.raw`\b(?:peux|pouvez|sais|savez)(?:[ -](?:tu|vous))? \w+ des (?:ordis|ordinateurs|pc|postes|machines|portables|logiciels|programmes|applis)\b`,
    String.raw`\b(?:puedes|puede|sabes|sabe) \w+ (?:ordenadores|equipos|portatiles|computadoras|programas|aplicaciones)\b`,
    String.raw`\b(?:riesci|riesce|riuscite)(?: davvero| veramente| anche)? a \w+ (?:i |dei )?(?:computer|pc|portatili|programmi|app|software)\b|\b(?:tu|lei|voi) (?:puoi|puo|potete) \w+ (?:i |dei )?(?:computer|pc|portatili|programmi|app|software)\b`,
  ].join('|'),
);

// A machine marked as the user's own makes it a request however it is asked: "can you actually restart my laptop?".
// A possessive counts before a machine only: Italian "ma" is "but" ("Ma tu riesci a…?").
// "for me" too, but not any "me": "or do you just tell me how?" still asks what it can do.
// Said after the machine too, as Italian and Spanish may: "computer mio", "el portátil mío".
const OWN = new RegExp(
  `\\b(?:my|mon|ma|mes|mein|meine|meinen|meinem|mi|mis|mio|mia|miei|mie)\\s+(?:[\\w-]+\\s+)?(?:${THINGS})\\b|\\b(?:${THINGS})\\s+(?:mio|mia|mine)\\b|-moi\\b|\\bmich\\b|\\b(?:for me|pour moi|para mi|per me)\\b`,
);

// "what can you do?", "qu'est-ce que vous savez faire exactement ?", "was kannst du alles?": the whole message asks
// what the assistant is for, whatever words of requests it borrows.
const WHAT_IT_DOES = new RegExp(
  '^(?:(?:hi|hello|hey|bonjour|bonsoir|salut|hallo|hola|buenas|ciao|buongiorno|buonasera|ok|okay|alors|also|bueno|allora|but|so|mais|aber|pero|ma|(?:good|guten|buenos|buenas) (?:morning|afternoon|evening|morgen|tag|abend|dias|tardes))[,!.]*\\s+[¿¡]?)*(?:' +
    [
      String.raw`what (?:else |exactly )?(?:can|could) (?:you|u) do(?: exactly| for me| here)?`,
      String.raw`what are you (?:able|good) (?:to do|for)`,
      String.raw`(?:qu'est[ -]ce que|qu'est ce que) (?:tu|vous) (?:sais|savez|peux|pouvez) faire(?: exactement| au juste| pour moi)?`,
      String.raw`(?:que|qu') ?(?:sais|savez|peux|pouvez)[ -](?:tu|vous) faire(?: exactement| au juste| pour moi)?`,
      String.raw`(?:tu|vous) (?:sais|savez|peux|pouvez) faire quoi(?: exactement| au juste)?`,
      String.raw`was (?:kannst du|konnen sie|kannst du eigentlich|konnen sie eigentlich)(?: alles| eigentlich| genau| so)*(?: machen| tun)?`,
      String.raw`(?:que|que cosas|que mas) (?:sabes|puedes|sabe|puede)(?: usted)? hacer(?: exactamente| por mi)?`,
      String.raw`(?:cosa|che cosa|che) (?:sai|puoi|sa|puo)(?: lei)? fare(?: esattamente| per me| di preciso)?`,
      // What it is: "vous êtes un robot ou une vraie personne ?", "bist du ein Bot?".
      String.raw`(?:are (?:you|u)|is this|is it|am i (?:talking|chatting|speaking) (?:to|with)) (?:a |an )?(?:bot|robot|chatbot|ai|human|real person|person|real)(?: or (?:a |an )?(?:bot|robot|human|real person|person|machine|ai))?`,
      String.raw`(?:tu es|t'es|t|es[ -]tu|vous etes|etes[ -]vous) (?:un |une )?(?:robot|bot|chatbot|ia|humain|vraie personne|personne)(?: ou (?:un |une )?(?:robot|bot|humain|vrai humain|vraie personne|personne reelle|ia))?`,
      String.raw`(?:bist du|sind sie) (?:ein |eine )?(?:bot|roboter|chatbot|ki|mensch|echter mensch)(?: oder (?:ein |eine )?(?:bot|roboter|mensch|echter mensch|ki))?`,
      String.raw`(?:eres|es usted) (?:un |una )?(?:bot|robot|chatbot|ia|humano|persona real|persona)(?: de verdad| real)?(?: o (?:un |una )?(?:bot|robot|humano|persona real|persona|ia|maquina))?`,
      String.raw`(?:sei|lei e) (?:un |una )?(?:bot|robot|chatbot|ia|umano|persona vera|persona reale|persona)(?: vera| reale| in carne e ossa)?(?: o (?:un |una )?(?:bot|robot|umano|persona vera|persona reale|persona|ia))?`,
      // Where the user is: "is this the IT chat?", "je suis bien sur le support informatique ?", "bin ich hier richtig beim
      // IT-Support?", "¿esto es el soporte informático?", "è l'assistenza informatica questa?".
      String.raw`(?:is this|is it|am i (?:in|at|on|through to)|have i (?:got|reached)|this is) (?:the )?(?:right (?:place|chat|address)|(?:it|tech|technical) (?:chat|support|help ?desk|service ?desk|team)|help ?desk|service ?desk|support)(?: chat)?`,
      String.raw`(?:je suis bien|suis[ -]je bien|c'est bien|est[ -]ce bien|est[ -]ce que c'est|c'est) (?:sur |au |a |avec )?(?:le |la |l' ?)?(?:bon endroit|support|service|assistance|helpdesk|hotline|chat)(?: (?:informatique|it|technique|info))?(?: ici)?`,
      String.raw`(?:bin ich (?:hier )?(?:richtig|korrekt)|ist (?:das|dies) (?:hier )?(?:der|die|das)) (?:beim |bei der |im |in der )?(?:it[ -]?support|it[ -]?chat|it[ -]?hilfe|support|helpdesk|it)?(?: hier)?`,
      String.raw`(?:esto es|es esto|este es|estoy en|es este) (?:el |la )?(?:soporte|servicio|asistencia|chat|helpdesk|ayuda)(?: (?:informatico|informatica|tecnico|tecnica|de informatica|it))?`,
      String.raw`(?:e|questa e|questo e|sono (?:nel|nella|sulla|sul)) (?:l' ?|la |il )?(?:assistenza|supporto|helpdesk|help desk|chat)(?: (?:informatica|it|tecnica|tecnico))?(?: questa| questo| giusta| giusto)?`,
      // Who or what answers: "C'est bien une intelligence artificielle qui me répond ?", "is it an AI answering me?".
      String.raw`(?:is (?:it|this|that)|is there) (?:really |actually )?(?:a |an )?(?:bot|robot|ai|artificial intelligence|human|real person|person) (?:answering|replying|writing|talking)(?: (?:to )?me)?`,
      String.raw`(?:c'est|est[ -]ce|est[ -]ce que c'est) (?:bien |vraiment )?(?:un |une )?(?:robot|bot|chatbot|ia|intelligence artificielle|humain|vraie personne|personne) qui (?:me |m' ?)?(?:repond|ecrit|parle)`,
      String.raw`(?:antwortet|schreibt) (?:mir |hier )?(?:wirklich |eigentlich )?(?:ein |eine )?(?:bot|roboter|ki|kunstliche intelligenz|mensch|echter mensch)`,
      String.raw`(?:es|me (?:responde|contesta|escribe)) (?:de verdad |realmente )?(?:un |una )?(?:bot|robot|ia|inteligencia artificial|humano|persona real|persona)(?: (?:quien|que|el que|la que) (?:me )?(?:responde|contesta|escribe))?`,
      String.raw`(?:e|mi (?:risponde|scrive)) (?:davvero |proprio )?(?:un |una |un')?(?:bot|robot|ia|intelligenza artificiale|umano|persona vera|persona)(?: (?:che|a) (?:mi )?(?:risponde|rispondere|scrive))?`,
    ].join('|') +
    // Laughter or an emoji may close it: "are u a real person or a bot lol", "eres una persona o un bot jaja".
    ')(?:[\\s?!.]|lol|haha\\w*|jaja\\w*|mdr|xd|ahah\\w*|hihi|\\p{Extended_Pictographic})*$',
  'u',
);

/** Whether a message asks if the assistant can do something at all, for no machine of the user's. */
export function asksWhetherAble(text: string): boolean {
  const plain = foldText(text);
  return ABLE_AT_ALL.test(plain) && !OWN.test(plain);
}

// Asked within a longer message by someone new: "je suis nouvelle et souhaiterais savoir pour quels types de demandes je
// puis m'adresser à vous", "ich bin neu und wollte fragen, wobei Sie mir behilflich sein können".
const WHAT_FOR = new RegExp(
  [
    String.raw`\bwhat (?:kinds? of |sorts? of |types? of )?(?:things|requests|stuff|questions) (?:can|could) (?:you|i ask you)\b|\bwhat (?:can|could) you help (?:me |us )?with\b`,
    String.raw`\bce que (?:vous|tu) (?:pouvez|peux|etes en mesure de|es en mesure de|savez|sais) faire\b|\bpour quel(?:le)?s? (?:types? de |sortes? de )?(?:demandes|questions|sujets|choses)\b|\bquel(?:le)?s? (?:types? de |sortes? de )?(?:demandes|questions|sujets|choses) (?:vous pouvez|tu peux|pouvez-vous|peux-tu) (?:traiter|gerer|prendre en charge|faire)\b|\ben quoi (?:vous pouvez|tu peux|pouvez-vous|peux-tu) m'aider\b`,
    String.raw`\bwobei (?:sie|du|ihr) (?:mir|uns) (?:behilflich sein|helfen) (?:konnen|kannst|konnt)\b|\bwomit (?:sie|du|ihr) (?:mir|uns) helfen (?:konnen|kannst|konnt)\b`,
    String.raw`\b(?:en que|para que|con que) (?:me |nos )?(?:puede|puedes|pueden|podeis)(?: usted)? ayudar\b`,
    String.raw`\b(?:in che cosa|in cosa|per cosa|per quali (?:richieste|cose)) (?:mi |ci )?(?:puo|puoi|potete)(?: aiutare)?\b`,
  ].join('|'),
);

/** Whether the whole message asks what the assistant can do, or what it is, or asks it as someone new. */
export function asksWhatItDoes(text: string): boolean {
  const plain = foldText(text).replace(/\s+/g, ' ').trim().replace(/^[^\p{L}]+/u, '');
  return WHAT_IT_DOES.test(plain) || WHAT_FOR.test(plain);
}
