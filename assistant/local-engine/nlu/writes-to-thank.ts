import { foldText } from '../../fold-text.js';

// "just wanted to say cheers, you've been great", "je voulais juste vous dire merci", "solo quería daros las gracias",
// "volevo solo ringraziarvi", "wollte mich nur bedanken": a message written to thank asks nothing, whatever it tells
// besides (how slow the last IT company was, what was fixed). Matched on lower-cased, accent-free text.
const TO_THANK = new RegExp(
  [
    String.raw`\b(?:wanted|want|wanna) to (?:say )?(?:thanks|thank you|cheers)\b|\bjust (?:saying|to say) (?:thanks|thank you|cheers)\b`,
    String.raw`\bvoulais (?:juste |simplement )?(?:vous |te )?(?:dire merci|remercier)\b|\bjuste pour (?:dire merci|vous remercier|te remercier)\b`,
    String.raw`\bwollte (?:mich |euch |ihnen )?(?:nur |einfach |mal )*(?:bedanken|danke sagen)\b|\b(?:nur|einfach) (?:mal )?danke sagen\b`,
    String.raw`\b(?:queria|quiero) (?:solo |solamente )?(?:daros|darte|darle|darles) las gracias\b|\bsolo (?:para )?(?:daros|darte|darle) las gracias\b`,
    String.raw`\bvolevo (?:solo |solamente )?(?:ringraziarvi|ringraziarti|ringraziarla|dirvi grazie|dirti grazie)\b|\bsolo per (?:ringraziarvi|ringraziarti|dirvi grazie)\b`,
  ].join('|'),
);

/** Whether a message says it is written to thank. */
export function writesToThank(text: string): boolean {
  return TO_THANK.test(foldText(text));
}
