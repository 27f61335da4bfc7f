import { foldText } from '../../fold-text.js';

// "Darf ich private Software auf dem Firmenlaptop installieren?", "am I allowed to install Spotify?", "è consentito
// installare Spotify sul pc aziendale?": whether something is allowed is the policy's question, for the articles, not a
// request to do it. "Can I …" and "se puede …" ask for it as often, so they do not count. Matched on accent-free text.
const ALLOWED = new RegExp(
  [
    String.raw`\b(?:am i|are we|are employees|are staff|is anyone) (?:allowed|permitted) to\b|\bis it (?:allowed|permitted|ok|okay) (?:to|if i)\b`,
    String.raw`\b(?:ai-je|j'ai|a-t-on|on a|avons-nous|est-ce qu'on a|est-ce que j'ai) le droit\b|\best-(?:il|ce) (?:permis|autorise)\b|\b(?:suis-je|je suis) autorise\b`,
    // German asks for the thing with "darf ich" and no verb ("Darf ich Spotify auf den Arbeitsrechner?"): only whether one
    // may do it oneself is asked with the verb.
    String.raw`\b(?:darf ich|durfen wir|darf man|durfen mitarbeiter)\b[^.!?]*\b(?:installieren|nutzen|verwenden|benutzen|herunterladen|runterladen|spielen)\b|\bist es (?:erlaubt|gestattet|zulassig)\b`,
    String.raw`\b(?:esta|es) (?:permitido|autorizado)\b|\bse permite\b|\btengo permitido\b|\b(?:estoy|estamos) autorizad[oa]s?\b`,
    String.raw`\be (?:consentito|permesso|ammesso)\b|\b(?:sono|siamo) autorizzat[oi]\b|\bsi ha il permesso\b`,
  ].join('|'),
);

/** Whether the message asks if something is allowed: "Darf ich Spotify installieren?". */
export function asksWhetherAllowed(text: string): boolean {
  return text.includes('?') && ALLOWED.test(foldText(text).replace(/’/g, "'"));
}
