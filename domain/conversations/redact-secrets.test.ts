import { describe, expect, it } from '@jest/globals';
import { MASK, maskSecretValues, redactSecrets } from './redact-secrets.js';

// [what the user typed, the secret that must not survive]
const MASKED: Record<string, [string, string][]> = {
  en: [
    ['my password is sunshine', 'sunshine'],
    ['password: letmein', 'letmein'],
    ['pw: Hunter2!', 'Hunter2'],
    ['pass Hunter2!', 'Hunter2'],
    ['my pass\u200Bword is sunshine', 'sunshine'],
    ['pwd=Tr0ub4dor', 'Tr0ub4dor'],
    ['the password for the vpn is bluebird', 'bluebird'],
    ['password "correct horse battery"', 'correct horse'],
    ['my PIN is 4821', '4821'],
    ['the verification code is 493021', '493021'],
    ['sunshine is my password', 'sunshine'],
    ['{"password":"s3cr3t"}', 's3cr3t'],
    ['my ｐａｓｓｗｏｒｄ is moonlight', 'moonlight'],
    ['my password is now Winter2026', 'Winter2026'],
    ['token: ghp_abc123xyz', 'ghp_abc123xyz'],
  ],
  fr: [
    ['mon mot de passe est soleil', 'soleil'],
    ['mdp : Soleil2024', 'Soleil2024'],
    ['mot de passe: azerty', 'azerty'],
    ["mon mdp c'est chouquette", 'chouquette'],
    ['le mot de passe du wifi est baguette', 'baguette'],
    ['mon code PIN est 1234', '1234'],
    ['le code de vérification est 123456', '123456'],
    ['mot-de-passe = Chat!noir', 'Chat!noir'],
    ['mon mot de pas\u00ADse est lavande', 'lavande'],
    ['soleil est mon mot de passe', 'soleil'],
    ['voici le code: 8842', '8842'],
  ],
  de: [
    ['mein Passwort ist Sonnenschein', 'Sonnenschein'],
    ['Passwort ist blume', 'blume'],
    ['Passwort: geheim', 'geheim'],
    ['das Kennwort lautet Fichte7', 'Fichte7'],
    ['Mein Passwort für das WLAN ist Tannenbaum', 'Tannenbaum'],
    ['PIN: 9876', '9876'],
    ['der Bestätigungscode ist 556677', '556677'],
    ['pw Sommer2025!', 'Sommer2025'],
    ['Passwort "Hallo Welt"', 'Hallo Welt'],
    ['Kennwort=abc!def', 'abc!def'],
  ],
  es: [
    ['la contraseña es girasol', 'girasol'],
    ['mi contraseña es Verano2024', 'Verano2024'],
    ['contraseña: mariposa', 'mariposa'],
    ['contrasena = tortuga', 'tortuga'],
    ['la clave es Luna!55', 'Luna!55'],
    ['mi PIN es 2468', '2468'],
    ['el código de verificación es 135790', '135790'],
    ['el código es 4455', '4455'],
    ['la contraseña del wifi es paella', 'paella'],
    ['girasol es mi contraseña', 'girasol'],
  ],
  it: [
    ['la mia password è girasole', 'girasole'],
    ['password: pizzeria', 'pizzeria'],
    ['il codice è 123456', '123456'],
    ['il codice è 4321', '4321'],
    ['la password del wifi è tramonto', 'tramonto'],
    ["la parola d'ordine è mozzarella", 'mozzarella'],
    ['la mia password e Estate2024', 'Estate2024'],
    ['pw: Ciao!2024', 'Ciao!2024'],
    ['il mio PIN è 8080', '8080'],
    ['girasole è la mia password', 'girasole'],
    ['codice di verifica: 778899', '778899'],
  ],
};

// Talk about a password, not a password: stored as typed.
const LEFT_ALONE: Record<string, string[]> = {
  en: [
    'my password expired',
    'I forgot my password',
    'password reset please',
    'my password is not working',
    'my password is wrong',
    'what is my password?',
    'Outlook keeps asking for my password',
    'the password manager is broken',
    'my password is expired since Monday',
    'the error code is 0x80070005',
    'the code is wrong',
    'I need to change my password on ticket 1002',
  ],
  fr: [
    'mon mot de passe ne marche plus',
    "j'ai oublié mon mot de passe",
    'mon mot de passe est expiré',
    'mon mot de passe est bloqué',
    'réinitialiser le mot de passe svp',
    'le mot de passe est incorrect',
    'Outlook me redemande mon mot de passe',
    'quel est mon mot de passe ?',
    'le code est faux',
    'changer mon mdp pour le ticket 1002',
  ],
  de: [
    'mein Passwort ist abgelaufen',
    'ich habe mein Passwort vergessen',
    'Passwort zurücksetzen bitte',
    'das Passwort ist falsch',
    'mein Passwort ist gesperrt',
    'Outlook fragt ständig nach meinem Passwort',
    'das Kennwort funktioniert nicht',
    'der Code ist ungültig',
    'mein Passwort ist nicht mehr gültig',
    'wie ändere ich mein Passwort?',
  ],
  es: [
    'mi contraseña ha caducado',
    'olvidé mi contraseña',
    'la contraseña es incorrecta',
    'mi contraseña está bloqueada',
    'restablecer la contraseña por favor',
    'la contraseña no funciona',
    'Outlook me pide la contraseña',
    'el código es incorrecto',
    '¿cuál es mi contraseña?',
    'es clave para el trabajo',
  ],
  it: [
    'ho dimenticato la password',
    'la mia password è scaduta',
    'la password è sbagliata',
    'la mia password è bloccata',
    'reimpostare la password per favore',
    'la password non funziona',
    'Outlook mi chiede sempre la password',
    'il codice è errato',
    'password e nome utente non vanno',
    'come cambio la password?',
  ],
};

describe('redactSecrets', () => {
  for (const [language, cases] of Object.entries(MASKED)) {
    it.each(cases)(`${language}: masks %j`, (typed, secret) => {
      const { text, secrets } = redactSecrets(typed);
      expect(text).toContain(MASK);
      expect(text).not.toContain(secret);
      expect(secrets.some((found) => found.includes(secret) || secret.includes(found))).toBe(true);
    });
  }

  for (const [language, cases] of Object.entries(LEFT_ALONE)) {
    it.each(cases)(`${language}: leaves %j as typed`, (typed) => {
      expect(redactSecrets(typed)).toEqual({ text: typed, secrets: [] });
    });
  }

  it('keeps the rest of the message as typed, invisible characters included', () => {
    expect(redactSecrets('hi,\u200B my pw: Hunter2! thanks').text).toBe(`hi,\u200B my pw: ${MASK} thanks`);
  });
});

describe('maskSecretValues', () => {
  it('masks exactly the given secrets, as whole words, and nothing else', () => {
    const reply = '**Password reset** on **TOM-LAPTOP**: you wrote Hunter2! and Hunter2, not Hunter22.';
    expect(maskSecretValues(reply, ['Hunter2!', 'Hunter2'])).toBe(`**Password reset** on **TOM-LAPTOP**: you wrote ${MASK} and ${MASK}, not Hunter22.`);
    expect(maskSecretValues(reply, [])).toBe(reply);
  });
});
