import { describe, expect, it } from '@jest/globals';
import type { Language } from '../../../i18n/languages.js';
import { asksHowTo, asksWhatItWouldDo, speaksOfIt } from './speaks-of-it.js';

describe('speaksOfIt', () => {
  it.each<[Language, string]>([
    ['en', 'the badge reader at the door does not open'],
    ['fr', 'Genapi ne démarre plus depuis ce matin'],
    ['de', 'Wo finde ich die Vorlage für Angebote?'],
    ['it', 'come si usa il gestionale delle presenze?'],
    // The tenant's own tools, which no lexicon knows, asked how they are used.
    ['en', 'How do I submit my expenses?'],
    ['es', 'cómo ficho la entrada en Sesame'],
    ['es', '¿Cómo me conecto desde casa?'],
    ['it', 'come mi collego da casa al gestionale?'],
  ])('speaks of IT: %s', async (lang, text) => {
    await expect(speaksOfIt(text, lang)).resolves.toBe(true);
  });

  it.each<[Language, string]>([
    ['es', '¿sabes si mañana llueve en Málaga?'],
    ['fr', "c'est quoi la meilleure pizzeria à Lyon ?"],
    ['de', 'Weißt du, wann die Kantine heute zumacht?'],
    ['en', 'did you watch the match last night?'],
    ['it', 'hai visto la partita ieri sera?'],
  ])('does not: %s', async (lang, text) => {
    await expect(speaksOfIt(text, lang)).resolves.toBe(false);
  });
});

describe('asksHowTo', () => {
  it.each([
    'Bitte nicht neu starten, der Plotter druckt gerade! Ich will nur wissen, warum die Maus hängt.',
    'Ich möchte mich erkundigen, wie ich einen Anhang verschlüssele',
    "No me lo apaguéis. Quiero saber por qué se calienta tanto.",
    "je voudrais juste comprendre pourquoi l'imprimante se met en veille",
    'volevo solo capire perché Outlook si chiude da solo',
    'we moved the scanner to the other desk and I would like to know why it stopped working',
    'The label printer prints everything twice since Monday. Is there a setting somewhere for that?',
    'Could you kindly advise how one adds a signature in Outlook?',
    "gibt es eine Einstellung, damit Teams nicht automatisch startet?",
    'Die Kasse findet den Bondrucker nicht mehr. Gibt es etwas, was ich prüfen kann, bevor ich jemanden anrufe?',
    "lo scanner non parte da ieri, c'è qualcosa che posso fare io prima di chiamare il tecnico?",
    'My laptop goes to sleep in the middle of a call. What can I do about it?',
    "Tout est flou sur le deuxième écran. Il faut changer quoi dans les paramètres ?",
    'No queremos que nos reinicien nada, solo saber qué ajuste hay que cambiar.',
    // However the verb of explaining is bent, or the steps asked for.
    'Le agradecería que me explicara cómo se comparte una carpeta de OneDrive.',
    'Pourriez-vous nous expliquer les étapes pour ajouter une imprimante ?',
    'mi spiegate come si collega il secondo monitor?',
    // Not understood or not known how.
    "je ne sais pas comment on change la langue du clavier",
    "I don't understand how the shared calendar works",
    'no entiendo cómo se recupera un correo borrado',
    // Whether something is safe to do.
    'is it safe to click the link in this email from the bank?',
    // With the subject first, as learners write it; asked to be told or pointed to the instructions.
    'please how I can change the signature in Outlook?',
    'could you point me to the instructions for mapping the shared drive?',
    'Können Sie mir bitte mitteilen, wie ich die Weiterleitung einstelle?',
    "Buongiorno, vorrei sapere come si collega la stampante nuova al wifi dell'ufficio.",
    'à quoi sert OneDrive exactement ?',
    'Quelle est la démarche pour changer mon code PIN Windows ?',
  ])('asks how or why something is, in so many words: %s', (text) => {
    expect(asksHowTo(text)).toBe(true);
  });

  it.each([
    'I would like to know what you can help me with',
    'my laptop is slow, please restart it',
  ])('does not: %s', (text) => {
    expect(asksHowTo(text)).toBe(false);
  });
});

describe('asksWhatItWouldDo', () => {
  it.each([
    'ça fait quoi de déconnecter la session ? je perds mes documents ?',
    'cosa fa spegnere il pc da qui? perdo il lavoro?',
    'what happens if I log out, do my apps close?',
    'Was passiert, wenn ich den Rechner sperre?',
  ])('asks what an action would do: %s', (text) => {
    expect(asksWhatItWouldDo(text)).toBe(true);
  });

  it('leaves a request alone', () => {
    expect(asksWhatItWouldDo('please log me out of the shared PC')).toBe(false);
  });
});
