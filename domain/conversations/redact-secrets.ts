import { matchView } from '../../text/match-view.js';

export const MASK = '••••••';

/** A message with its secrets masked, and the secrets themselves: kept in memory for the turn, never stored. */
export type Redaction = { text: string; secrets: string[] };

// Words that name a password or a secret, in the five languages, as people type them (longest first where one starts
// another). A secret named this way is masked whatever it looks like.
const SECRET_NAMES = [
  'one[- ]time pass(?:word|code)', 'passphrase', 'passcode', 'password', 'passwd', 'pword', 'pwd', 'pw', 'pass', 'pin-?code', 'pin',
  'otp', 'api[- ]key', 'secret(?: key)?', 'access token', 'token',
  'mot[- ]de[- ]passe', 'mdp', 'code secret',
  'passwort', 'kennwort', 'einmalpasswort', 'geheimzahl',
  'contraseña', 'contrasena', 'clave',
  "parola d['’]ordine", 'parola chiave',
].join('|');
// Words that name a code: only a value with a digit in it is taken for one ("the code is 4821", not "the code is wrong").
const CODE_NAMES = [
  '(?:verification|security|confirmation|access|sms|login|2fa|mfa|auth(?:entication)?) code',
  'code (?:de vérification|de confirmation|d[\'’]accès|sms|pin)', 'code',
  '(?:bestätigungs|sicherheits|zugangs|einmal|sms-?)code',
  'c[óo]digo(?: de (?:verificaci[óo]n|seguridad|acceso|confirmaci[óo]n)| pin| sms)?',
  'codice(?: di (?:verifica|sicurezza|accesso|conferma)| otp| pin| sms)?',
].join('|');
// "is" and its kin: what links the name to the value. "e" (Italian "è" typed without accent) is also "and", so a value
// after it must look like a secret.
const LINKS = "is(?: now)?|was|will be|est|c['’]est|sera|était|ist|lautet|heißt|war|es|será|era|è|sarà|e";
// "the password for the VPN is …", "le mot de passe du wifi est …", "das Passwort für das WLAN ist …"
const QUALIFIER = "(?:\\s+(?:for|of|on|to|du|de|des|d['’]|pour|für|vom|von|zum|zur|del|de la|para|per|di|del|della|dello)(?:\\s+[^\\s:=]+){1,3}?)?";
const FILLER = '(?:\\s+(?:now|still|currently|maintenant|désormais|toujours|jetzt|nun|noch|ahora|todavía|ora|adesso|ancora))?';
const QUOTED = '["\'«“„‘‹](?<quoted>[^"\'»”“‘›\\n]{1,100})["\'»”“‘›]';
const BARE = '(?<value>[^\\s"\'«»“”„‘’‹›]{2,100})';
const NOT_IN_WORD_BEFORE = '(?<![\\p{L}\\p{N}_])';
const NOT_IN_WORD_AFTER = '(?![\\p{L}\\p{N}_])';

function secretPattern(names: string): RegExp {
  const name = `${NOT_IN_WORD_BEFORE}(?:${names})${NOT_IN_WORD_AFTER}`;
  // After the name: ":" or "=" (a JSON key's closing quote allowed), a linking verb, or nothing at all.
  const separator = `(?:["']?\\s*(?<colon>[:=]|->|=>)\\s*|${QUALIFIER}\\s+(?<link>${LINKS})(?:\\s*:)?${FILLER}\\s+|(?<bare>\\s+))`;
  return new RegExp(`${name}${separator}(?:${QUOTED}|${BARE})`, 'giu');
}

const AFTER_NAME = secretPattern(SECRET_NAMES);
const AFTER_CODE_NAME = new RegExp(
  // "error code is 0x80070005" names a fault, not a secret.
  `(?<!(?:error|erreur|fehler|errore|exit|status|zip|postal|source|product|promo|bar|qr)[- ]?)${secretPattern(CODE_NAMES).source}`,
  'giu',
);
// "sunshine is my password", "Hunter2! est mon mot de passe"
const BEFORE_NAME = new RegExp(
  `${NOT_IN_WORD_BEFORE}([^\\s"'«»“”]{3,100})\\s+(?:is|was|est|c['’]est|ist|es|è|era)\\s+` +
    `(?:(?:my|the|our|mon|ma|le|la|notre|mein|meine|das|unser|mi|el|nuestra|la mia|il mio|mia|mio)\\s+)?` +
    `(?:(?:new|nouveau|neues|nueva|nuova)\\s+)?(?:${SECRET_NAMES})${NOT_IN_WORD_AFTER}`,
  'giu',
);
// What an SMS or authenticator code looks like, wherever it is (but not a piece of an id such as a UUID's first group).
const ONE_TIME_CODE = /(?<![\p{L}\p{N}-])\d{6,8}(?![\p{L}\p{N}-])/gu;

// After "is", words that say what state a password is in, or start a phrase, not a password: "my password is expired",
// "mon mot de passe est bloqué", "das Passwort ist falsch", "la contraseña es incorrecta", "la password è scaduta".
const PROSE = new Set(
  [
    'not', 'no', "isn't", 'never', 'wrong', 'incorrect', 'invalid', 'valid', 'expired', 'expiring', 'expire', 'broken', 'blocked', 'locked',
    'correct', 'right', 'ok', 'okay', 'fine', 'good', 'bad', 'weak', 'strong', 'too', 'very', 'still', 'already', 'also', 'just',
    'being', 'been', 'gone', 'lost', 'missing', 'forgotten', 'stolen', 'compromised', 'required', 'needed', 'changed', 'reset',
    'working', 'empty', 'same', 'different', 'case', 'known', 'unknown', 'saved', 'stored', 'sent', 'requested', 'asked', 'rejected',
    'refused', 'accepted', 'please', 'the', 'a', 'an', 'my', 'your', 'his', 'her', 'their', 'our', 'its', 'this', 'that', 'it', 'in',
    'on', 'for', 'of', 'to', 'and', 'or', 'but', 'what', 'how', 'why', 'when', 'where', 'which', 'who', 'here', 'there', 'probably',
    'maybe', 'definitely', 'somewhere', 'something', 'nothing', 'long', 'short', 'new', 'old', 'manager', 'policy', 'change', 'help',
    'pas', 'plus', 'ne', "n'est", 'jamais', 'faux', 'fausse', 'incorrecte', 'expiré', 'expirée', 'bloqué', 'bloquée', 'perdu', 'oublié',
    'changé', 'bon', 'bonne', 'valide', 'invalide', 'le', 'la', 'les', 'un', 'une', 'mon', 'ma', 'ton', 'ta', 'son', 'sa', 'très',
    'trop', 'déjà', 'encore', 'vide', 'dans', 'sur', 'quoi', 'erroné', 'refusé', 'refusée', 'voici', 'voilà', 'où', 'quel', 'quelle',
    'nicht', 'kein', 'keine', 'falsch', 'abgelaufen', 'gesperrt', 'vergessen', 'richtig', 'korrekt', 'ungültig', 'gültig', 'der', 'die',
    'das', 'ein', 'eine', 'mein', 'meine', 'zu', 'sehr', 'schon', 'leer', 'weg', 'abgelehnt', 'geändert', 'hier', 'was', 'wie', 'wo',
    'incorrecta', 'incorrecto', 'caducada', 'caducado', 'expirada', 'bloqueada', 'olvidada', 'correcta', 'válida', 'inválida', 'el',
    'mi', 'muy', 'demasiado', 'ya', 'vacía', 'cambiada', 'errónea', 'aquí', 'qué', 'cuál', 'dónde',
    'non', 'sbagliata', 'errata', 'scaduta', 'bloccata', 'dimenticata', 'corretta', 'giusta', 'il', 'lo', 'una', 'mia', 'mio', 'molto',
    'già', 'vuota', 'cambiata', 'ecco', 'qui', 'cosa', 'quale', 'dove',
  ].map((word) => word.normalize('NFKC')),
);

const TRAILING_PUNCTUATION = /[.,;:!?…)\]]+$/u;
const LEADING_PUNCTUATION = /^[¿¡([]+/u;

function isProse(value: string): boolean {
  return PROSE.has(value.replace(TRAILING_PUNCTUATION, '').replace(LEADING_PUNCTUATION, '').toLocaleLowerCase());
}

/** A bare word after a secret's name is a secret only when it looks like one: "pass Hunter2!", not "password reset". */
function looksLikeSecret(value: string): boolean {
  const word = value.replace(TRAILING_PUNCTUATION, '');
  return /\d/u.test(word) || /[^\p{L}]/u.test(word) || /\p{Lu}/u.test(word.slice(1));
}

type Found = { start: number; end: number };

function valueAfterName(match: RegExpExecArray, codeOnly: boolean): Found | undefined {
  const groups = match.groups ?? {};
  const quoted = groups.quoted;
  const value = quoted ?? groups.value!;
  const start = match.index + match[0].length - value.length - (quoted ? 1 : 0);
  const found = { start, end: start + value.length };
  if (codeOnly) return /\d/u.test(value) && value.replace(/\D/gu, '').length >= 4 ? found : undefined;
  if (quoted) return found;
  if (isProse(value)) return undefined;
  if (groups.bare !== undefined || groups.link?.toLowerCase() === 'e') return looksLikeSecret(value) ? found : undefined;
  return found;
}

function findSecrets(text: string): Found[] {
  const found: Found[] = [];
  for (const [pattern, codeOnly] of [
    [AFTER_NAME, false],
    [AFTER_CODE_NAME, true],
  ] as const) {
    for (const match of text.matchAll(pattern)) {
      const value = valueAfterName(match as RegExpExecArray, codeOnly);
      if (value) found.push(value);
    }
  }
  for (const match of text.matchAll(BEFORE_NAME)) {
    if (!isProse(match[1]!)) found.push({ start: match.index, end: match.index + match[1]!.length });
  }
  for (const match of text.matchAll(ONE_TIME_CODE)) found.push({ start: match.index, end: match.index + match[0].length });
  return found;
}

/** The values worth looking for in the assistant's words: as typed, as read, and without a sentence's closing mark. */
function echoForms(typed: string, read: string): string[] {
  const forms = new Set([typed, read, typed.replace(TRAILING_PUNCTUATION, ''), read.replace(TRAILING_PUNCTUATION, '')]);
  return [...forms].filter((form) => form.length >= 3);
}

/**
 * Masks what a user typed as a password, PIN, one-time code or token before the message is stored anywhere, so it never
 * reaches the transcript, the ticket or a log; returns the values it masked so that the assistant's answer to this
 * message can be cleaned of them too. Names are recognised in the five languages after invisible characters and
 * look-alikes are read away ("pass\u200Bword"). Plain talk about a password ("my password expired") stays as it is; when
 * unsure, it masks: a lost word is cheaper than a leak.
 */
export function redactSecrets(typed: string): Redaction {
  const view = matchView(typed);
  const ranges = findSecrets(view.text)
    .map((range) => ({ ...view.original(range.start, range.end), read: view.text.slice(range.start, range.end) }))
    .sort((a, b) => a.start - b.start);
  let text = '';
  let cursor = 0;
  const secrets = new Set<string>();
  for (const range of ranges) {
    for (const form of echoForms(typed.slice(range.start, range.end), range.read)) secrets.add(form);
    // Overlapping finds ("pw: 12345678" is both a named secret and a code) make one mask.
    if (range.start < cursor) {
      cursor = Math.max(cursor, range.end);
      continue;
    }
    text += typed.slice(cursor, range.start) + MASK;
    cursor = range.end;
  }
  return { text: text + typed.slice(cursor), secrets: [...secrets] };
}

/**
 * The assistant's text with exactly the given secrets masked (those found in the user's message), wherever they stand
 * as a whole word; nothing else in the assistant's words is touched.
 */
export function maskSecretValues(text: string, secrets: readonly string[]): string {
  if (secrets.length === 0) return text;
  const alternatives = [...secrets].sort((a, b) => b.length - a.length).map((secret) => secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return text.replace(new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu'), MASK);
}
