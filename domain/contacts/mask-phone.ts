import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * A saved phone as the portal shows it back to its owner: the country code and the last two digits, enough to tell
 * which phone the codes go to without putting the whole number on a screen someone else may see.
 */
export function maskPhone(e164: string): string {
  const phone = parsePhoneNumberFromString(e164);
  const digits = phone ? phone.nationalNumber : e164.replace(/\D/g, '');
  const country = phone ? `+${phone.countryCallingCode} ` : '';
  return `${country}${'•'.repeat(Math.max(digits.length - 2, 0))}${digits.slice(-2)}`;
}
