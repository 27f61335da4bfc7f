// Pure, without zod, so that the console's preview of a brand colour is the colour the portal will show.
const AA_CONTRAST = 4.5;

function relativeLuminance([r, g, b]: number[]): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
}

/** The colour itself when white text on it is readable, else the nearest darker shade of it that is. */
export function readableOnWhiteText(hex: string): string {
  let rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  while ((1.05 / (relativeLuminance(rgb) + 0.05)) < AA_CONTRAST) rgb = rgb.map((c) => Math.floor(c * 0.95));
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
