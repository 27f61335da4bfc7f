/** Lower case without accents, typographic apostrophes made plain: the text as the understanding's rules read it. */
export function foldText(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’`]/g, "'");
}
