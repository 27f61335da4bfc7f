import { domainToASCII, domainToUnicode } from 'node:url';

// In the ASCII (punycode) form: letters, digits and inner hyphens per label, at least two labels, a TLD not all digits.
const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * The one form an email domain is stored and matched in: lower case, in Unicode (an IDN reads as its users write it),
 * after IDNA mapping, so `MÜNCHEN.de`, `xn--mnchen-3ya.de` and `münchen.de` are one domain. A pasted scheme, a leading
 * `@` and a trailing dot or slash are dropped; anything else that is not a DNS name answers undefined.
 */
export function normalizeEmailDomain(input: string): string | undefined {
  const bare = input
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/^@/, '')
    .replace(/\/$/, '')
    .replace(/\.$/, '');
  if (/[\s/:@?#\\]/.test(bare)) return undefined;
  const ascii = domainToASCII(bare);
  if (!HOSTNAME.test(ascii)) return undefined;
  return domainToUnicode(ascii);
}
