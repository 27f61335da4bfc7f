import { foldText } from '../../fold-text.js';

// "necesito el adobe reader que no puedo abrir los pdf", "quiero el bitwarden", "Mir fehlt der Acrobat Reader", "mi
// servirebbe python 3": wanting an app of the catalog is asking for it, whatever problem follows. Matched on
// lower-cased, accent-free text, right before the app's name.
const WANTS = new RegExp(
  String.raw`\b(?:i need|i'd need|i want|i'd like|could i get|can i get|can i have|could i have|need|besoin d(?:e|u)?|il me faut|il me faudrait|je voudrais|j'aimerais|ich brauche|brauche|ich brauchte|brauchte|ich hatte gern|hatte gern|ich mochte|mir fehlt|es fehlt|necesito|necesitaria|quiero|quisiera|me hace falta|me haria falta|mi serve|mi servirebbe|mi servono|vorrei|ho bisogno di|avrei bisogno di)\s+(?:(?:the|a|an|le|la|les|l'|du|de|den|die|das|der|el|los|las|un|una|il|lo|gli|i|dell'|del|della)\s*)?$`,
);
// Help with the app or how it is done is a question for the articles: "I need help with Excel", "ich brauche Outlook
// zum Laufen".
const NOT_WANTING = /\b(?:help|aide|hilfe|ayuda|aiuto|how|comment|wie|como|come)\b/;

/** Whether the message wants the app named by `phrase` (as it stands in the text). */
export function wantsApp(text: string, phrase: string): boolean {
  const plain = foldText(text);
  const at = plain.indexOf(foldText(phrase));
  return at > 0 && WANTS.test(plain.slice(Math.max(0, at - 40), at)) && !NOT_WANTING.test(plain);
}
