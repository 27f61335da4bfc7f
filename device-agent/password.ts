import { randomInt } from 'node:crypto';

// Without look-alikes (0/O/o, 1/l/I) since the user types it from an SMS. The symbols need no quoting in cmd or
// PowerShell inside a word that starts with a letter, and none is the `:` of chpasswd's `user:password` line.
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '#+-?@_';
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;

// 14 is the longest `net user` sets without stopping to ask (Y/N) about pre-Windows 2000 clients; about 80 bits from
// this alphabet, plenty for a password meant to be replaced soon.
export const TEMPORARY_PASSWORD_LENGTH = 14;

function pick(chars: string): string {
  return chars[randomInt(chars.length)]!;
}

/** A temporary password from the CSPRNG with every class present; it starts with a letter so no tool reads an option. */
export function generateTemporaryPassword(length = TEMPORARY_PASSWORD_LENGTH): string {
  const rest = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
  while (rest.length < length - 1) rest.push(pick(ALL));
  for (let i = rest.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  return pick(UPPER + LOWER) + rest.join('');
}
