const MASK = '••••••';

// A word that names a secret, in the five languages, then an optional "is"/":" and the secret itself.
const SECRET_WORDS = [
  'password',
  'passwd',
  'pwd',
  'passcode',
  'pin',
  'mot de passe',
  'mdp',
  'passwort',
  'kennwort',
  'contraseña',
  'contrasena',
  'clave',
  'parola d[ei]l?l?a? ?chiave',
  'otp',
  'sms code',
  'verification code',
  'code de vérification',
  'bestätigungscode',
  'código de verificación',
  'codice di verifica',
  'token',
  'api key',
];
const LINKS = ['is', 'was', 'are', 'est', "c'est", 'ist', 'lautet', 'war', 'es', 'era', 'è', 'e', 'sono'];

const SECRET_AFTER_WORD = new RegExp(
  `(\\b(?:${SECRET_WORDS.join('|')})\\b\\s*(?:(?:${LINKS.join('|')})\\b)?\\s*[:=]?\\s*)(["'«]?)([^\\s"'»]{3,})`,
  'giu',
);
const ONE_TIME_CODE = /\b\d{6,8}\b/g;

function looksLikeSecret(value: string): boolean {
  // "my password expired", "the code doesn't work": a plain lower-case word is prose, not a secret.
  return /\d/.test(value) || /[^\p{L}]/u.test(value) || /\p{Lu}/u.test(value.slice(1));
}

/**
 * Masks what looks like a password, one-time code or token in a chat message before it is stored anywhere, so it never
 * reaches the transcript, the ticket or a log. It errs on the side of masking: a lost digit string is cheaper than a leak.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(SECRET_AFTER_WORD, (whole, lead: string, quote: string, value: string) =>
      looksLikeSecret(value) ? `${lead}${quote}${MASK}` : whole,
    )
    .replace(ONE_TIME_CODE, MASK);
}
