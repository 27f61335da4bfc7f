import { parsePhoneNumberFromString, type PhoneNumberType } from 'libphonenumber-js/max';
import { AppError } from '../errors.js';

// Room for any number written with spaces and punctuation; anything longer is pasted text, refused unparsed.
const MAX_INPUT_LENGTH = 40;
// What people type around the digits. Letters (extensions, words) and other signs (a slash joining two numbers) are refused.
const TYPED_NUMBER = /^\+?[\d\s().-]+$/;
// FIXED_LINE_OR_MOBILE is how libphonenumber classes every North American number, which cannot be told apart.
const TEXTABLE_TYPES: ReadonlySet<PhoneNumberType> = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

/**
 * Reads a mobile number as people type it, with its country code (`+39 333 123 4567`, `0039 333…`,
 * `+1 (415) 555-0100`), and returns it in E.164. Refuses numbers without a country code, invalid ones, and
 * ones that cannot receive a text message (fixed lines, toll-free, premium-rate…). The internal messages do
 * not repeat the number, since they may be logged.
 */
export function parseMobilePhone(input: string): string {
  const typed = input.trim();
  if (typed.length > MAX_INPUT_LENGTH) throw new AppError('invalid_phone', 'phone number input too long');
  if (!TYPED_NUMBER.test(typed)) throw new AppError('invalid_phone', 'not written as a phone number: digits, spaces, ( ) . - and a leading +');
  // With no country to assume, only the international form can be read; 00 is how most of the world dials it.
  const international = typed.startsWith('00') ? `+${typed.slice(2)}` : typed;
  if (!international.startsWith('+')) throw new AppError('invalid_phone', 'phone number without country code');
  const phone = parsePhoneNumberFromString(international, { extract: false });
  if (!phone?.isValid()) throw new AppError('invalid_phone', 'not a valid phone number');
  const type = phone.getType();
  if (!type || !TEXTABLE_TYPES.has(type)) throw new AppError('invalid_phone', `not a mobile number (${type ?? 'type unknown'})`);
  return phone.number;
}
