import { foldText } from '../../fold-text.js';
import { MAX_CLASSIFIED_LENGTH } from './prepare-text.js';

// Words that open a request without being part of it: "ora riavvia il mio Dell", "porfa instálenme el winscp", "so
// please restart it", "franchement redémarrez-le". A request form is read after them too.
const OPENERS =
  /^(?:(?:now|so|ok|okay|then|and|anyway|please|pls|plz|just|kindly|honestly|seriously|maintenant|alors|bon|donc|et|svp|stp|franchement|juste|simplement|jetzt|dann|also|und|ok|bitte|einfach|ehrlich|ahora|pues|vale|bueno|y|porfa|sinceramente|simplemente|ora|allora|adesso|quindi|dai|e|ecco|francamente|semplicemente)\s+)+/;

// "Sin prisa, pero cuando podáis apagadme el ordenador": when the user can wait, the request follows.
const WHEN_YOU_CAN =
  /^(?:(?:but|mais|aber|pero|ma)\s+)?(?:when(?:ever)? you (?:can|get a (?:chance|minute))|quand (?:tu peux|vous pouvez|vous pourrez|tu pourras)|wenn (?:du kannst|sie konnen|ihr konnt|du zeit hast)|cuando (?:puedas|podais|pueda|puedan)|quando (?:puoi|potete|riesci|riuscite))\s+/;

const COURTESY_END = /^.*?\S\s+(?:please|pls|plz|svp|stp|s'il (?:te|vous) plait|bitte|por favor|porfa|per favore|per piacere)(?=\s+\p{L})/u;

/**
 * A message's clauses as the request rules read them: lower-cased and accent-free, split at sentence marks, commas, colons
 * (not in a time) and dashes (a request often follows the story in the same sentence: "là j'ai fini, redémarrez mon PC"),
 * each also without the words that open it, and up to a courtesy word that ends it.
 */
export function requestClauses(text: string): string[] {
  return foldText(text.slice(0, MAX_CLASSIFIED_LENGTH))
    .split(/[.!?;,\n]+|:(?!\d)|(?<!\d):|\s[-–—]+\s/)
    // An elided pronoun stands as a word of its own, as the request forms expect it: "tu peux l'éteindre".
    .map((clause) => clause.replace(/^[^\p{L}]+/u, '').replace(/\b([lm])'(?=\p{L})/gu, "$1' ").trim())
    .filter(Boolean)
    .flatMap((clause) => {
      const bare = clause.replace(WHEN_YOU_CAN, '').replace(OPENERS, '');
      // A courtesy word ends a request typed in one breath with what follows: "verrouiller le pc svp je pars en réunion".
      const courteous = COURTESY_END.exec(bare)?.[0];
      return [clause, ...(bare && bare !== clause ? [bare] : []), ...(courteous ? [courteous] : [])];
    });
}
