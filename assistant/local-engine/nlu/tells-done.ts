import { foldText } from '../../fold-text.js';

// What the user says they did themselves, in the first person and a past tense: "I've turned it off and on twice", "j'ai
// déjà redémarré", "hab ihn schon neu gestartet", "he apagado y encendido todo", "ho già riavviato". Matched on
// lower-cased, accent-free text.
const DONE_BY_ME = new RegExp(
  [
    String.raw`\b(?:i've|i have|ive|we've|we have|i|we) (?:already |just |even |also )?(?:restarted|rebooted|turned|switched|shut|powered|logged|signed|locked|reset)\b`,
    String.raw`\b(?:j'ai|j ai|jai|on a|nous avons) (?:deja |meme |aussi )?(?:redemarre|reboote|relance|eteint|rallume|verrouille|deconnecte|ferme|reinitialise)\b`,
    String.raw`\b(?:ich habe|ich hab|hab|habe|wir haben)\b(?: \w+){0,5} (?:neu gestartet|neugestartet|ausgeschaltet|ausgemacht|heruntergefahren|runtergefahren|abgemeldet|gesperrt|zuruckgesetzt)\b`,
    String.raw`\b(?:he|hemos|ya he|ya hemos) (?:reiniciado|apagado|encendido|bloqueado|cerrado|desconectado|restablecido)\b`,
    String.raw`\b(?:ho|abbiamo) (?:gia |anche |pure )?(?:riavviato|spento|acceso|bloccato|chiuso|disconnesso|reimpostato)\b`,
  ].join('|'),
);

/** Whether a clause tells of an action the user already took themselves: told, not asked. */
export function tellsDone(clause: string): boolean {
  return DONE_BY_ME.test(foldText(clause));
}
