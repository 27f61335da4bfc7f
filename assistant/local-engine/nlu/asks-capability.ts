// "can you even restart computers?", "kannst du überhaupt Rechner neu starten?", "vous pouvez vraiment redémarrer des
// ordinateurs à distance ?": asking whether the assistant is able to, about computers in general, asks what it can
// do, not for it to be done. Matched on lower-cased, accent-free text.
const ABLE_AT_ALL = new RegExp(
  [
    String.raw`\b(?:can|could) (?:you|u) (?:even|actually|really)\b|\bare you (?:even |actually |really )?able to\b|\bis it (?:even|actually|really) possible\b`,
    String.raw`\b(?:peux|pouvez|sais|savez)(?:[ -](?:tu|vous))? (?:vraiment|reellement|seulement|meme)\b|\b(?:tu|vous) (?:peux|pouvez|sais|savez) (?:vraiment|reellement|meme)\b`,
    String.raw`\b(?:kannst|konnen|kann) (?:du|sie|man) (?:uberhaupt|wirklich|eigentlich)\b`,
    String.raw`\b(?:puedes|puede|sabes|sabe)(?: usted)? (?:de verdad|realmente|siquiera|en serio)\b|\b(?:de verdad|en serio) (?:puedes|puede)\b`,
    String.raw`\b(?:puoi|puo|sai|sa) (?:davvero|veramente|anche|per davvero)\b|\b(?:davvero|veramente) (?:puoi|puo)\b`,
  ].join('|'),
);

// A machine marked as the user's own makes it a request however it is asked: "can you actually restart my laptop?".
const OWN = /\b(?:my|mon|ma|mes|mein|meine|meinen|meinem|mi|mis|mio|mia|miei|mie)\b|-moi\b|\bmich\b|\bme\b/;

const fold = (text: string) => text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');

/** Whether a message asks if the assistant can do something at all, for no machine of the user's. */
export function asksWhetherAble(text: string): boolean {
  const plain = fold(text);
  return ABLE_AT_ALL.test(plain) && !OWN.test(plain);
}
