import { describe, expect, it } from '@jest/globals';
import { readableOnWhiteText } from './brand-color.js';

describe('readableOnWhiteText', () => {
  it('keeps a colour white text is readable on', () => {
    expect(readableOnWhiteText('#1d4ed8')).toBe('#1d4ed8');
    expect(readableOnWhiteText('#000000')).toBe('#000000');
  });

  it('darkens a light colour, keeping its hue, until white text passes AA', () => {
    const yellow = readableOnWhiteText('#ffd400');
    expect(yellow).not.toBe('#ffd400');
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(yellow.slice(i, i + 2), 16));
    expect(r).toBeGreaterThan(b!);
    expect(g).toBeGreaterThan(b!);
    expect(readableOnWhiteText('#ffffff')).toMatch(/^#([0-9a-f]{2})\1\1$/);
    // #767676 is the lightest grey that passes 4.5:1 on white.
    expect(parseInt(readableOnWhiteText('#ffffff').slice(1, 3), 16)).toBeLessThanOrEqual(0x76);
  });
});
