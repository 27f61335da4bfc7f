import type { CanonicalName } from '../../db/repositories/principals.js';

/**
 * The one form in which usernames and emails are stored, looked up and throttled: NFKC, then case folded (close to
 * Unicode's NFKC_Casefold), trimmed. Case folding is upper then lower case, which folds ß to ss and İ to i̇ as Unicode
 * does; lower-casing alone would leave "ß" and "ss" two names, and PostgreSQL's lower() folds İ to a plain i while
 * JavaScript keeps its dot, which once let a second spelling reach a throttled account.
 */
export function canonicalUsername(text: string): CanonicalName {
  const folded = text
    .normalize('NFKC')
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
    .toUpperCase()
    .toLowerCase()
    // Lower-casing writes a word-final sigma as ς; folding has one sigma.
    .replace(/ς/g, 'σ');
  return folded.normalize('NFKC').trim() as CanonicalName;
}
