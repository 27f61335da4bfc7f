import { foldText } from '../../fold-text.js';

// "Windows keeps telling me to restart after the update. Can you just do it now?": the request names no action, only
// points back at one the message already spoke of. The models read the story as a problem and the request as a vague
// call for help; the action they rank next is the one pointed at. Matched on lower-cased, accent-free text.
const DO_IT = new RegExp(
  [
    String.raw`\b(?:can|could|would|will) (?:you|u) (?:\w+ )?(?:do|handle|sort) (?:it|that|this)\b|\b(?:just|please|pls|go ahead and) do (?:it|that)\b`,
    String.raw`\b(?:peux|pouvez|pourrais|pourriez)(?:[ -](?:tu|vous))? (?:\w+ )?(?:le|la|l ?)faire\b|\b(?:tu|vous) (?:peux|pouvez|pourrais|pourriez) (?:\w+ )?(?:le |la |l ?)faire\b|\bfai(?:s|tes)[ -]le\b`,
    String.raw`\b(?:kannst|konnen|konntest|konnten) (?:du|sie) (?:\w+ ){0,2}(?:das|es) (?:\w+ ){0,2}(?:machen|erledigen|tun)\b|\bmach(?:en sie)? (?:das|es)\b`,
    String.raw`\b(?:puedes|puede|podrias|podria)(?: usted)? (?:\w+ )?hacerlo\b|\blo (?:puedes|puede|podrias|podria) hacer\b|\b(?:hazlo|hagalo)\b`,
    String.raw`\b(?:puoi|puo|potresti|potrebbe)(?: \w+)? farlo\b|\blo (?:puoi|puo|potresti|potrebbe) fare\b|\b(?:fallo|me lo fai)\b`,
  ].join('|'),
);

const fold = (text: string) => foldText(text).replace(/'/g, ' ');

/** Whether a message asks for something by a pronoun alone: "can you do it now?", "kannst du das machen?". */
export function asksToDoIt(text: string): boolean {
  return DO_IT.test(fold(text));
}
