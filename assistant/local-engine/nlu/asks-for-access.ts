import { foldText } from '../../fold-text.js';
import { sentencesOf } from '../../sentences.js';
import { asksHowTo } from './speaks-of-it.js';

// "could I get edit rights on the Marketing Teams channel?", "ich brauche Zugriff auf Zoom", "permessi su SharePoint":
// rights to something are granted by a person, not installed, however much the rest reads like an install request.
// "Ich brauche Adminrechte", "diritti di amministratore" too. Matched on lower-cased, accent-free text.
// German joins the kind of right to it ("Adminrechte", "Schreibberechtigung", "Lesezugriff").
const ACCESS =
  /\b(?:rights|permissions?|privileges?|access|droits?|acces|autorisations?|\w*rechte|\w*berechtigung(?:en)?|\w*zugriff|\w*zugang|permisos?|privilegios?|acceso|permessi|permesso|privilegi|diritti|accesso|autorizzazion[ei])\b/g;

// Access as the purpose of an app is still an install: "Citrix Workspace für den Zugriff auf das ERP".
const PURPOSE_BEFORE = /\b(?:for|to|pour|fur|um|para|per)\s+(?:(?:the|l|le|la|den|die|das|el|il|lo)\s+)?$/;

// Rights the user says they lack ("no", "don't have", "keine") are why they ask for the install: "I have no admin
// rights, can you install Git?".
const LACKED_BEFORE = /\b(?:no|not|t|without|lack|keine|kein|ohne|pas|sans|sin|senza|non)\s+(?:\w+\s+){0,2}$/;

/** Whether a message asks for rights or access rather than for software. */
export function asksForAccess(text: string): boolean {
  const plain = foldText(text).replace(/'/g, ' ');
  return [...plain.matchAll(ACCESS)].some((m) => {
    const before = plain.slice(Math.max(0, m.index - 24), m.index);
    return !PURPOSE_BEFORE.test(before) && !LACKED_BEFORE.test(before);
  });
}

// Words asking for something to be given: "I need", "could I get", "je voudrais", "ich brauche", "solicito", "mi serve".
const ASKING_FOR =
  /\b(?:need|needs|request|requesting|want|give|grant|(?:can|could|may) i (?:get|have)|please|besoin|demande|voudrais|voudrait|aimerais|donner|donnez|accorder|ouvrir|brauche|brauchen|brauchte|bräuchte|bräuchten|benotige|benotigt|beantrage|hatte gern|bitte|geben|gebt|freischalten|necesito|necesita|necesitaria|solicito|solicitar|quiero|quisiera|dar|dadme|denme|deme|serve|servono|servirebbe|servirebbero|bisogno|chiedo|vorrei|date|dare|abilitare|abilitate)\b/;
// How it is done is a question for the articles, whatever it asks about: "how do I request access to the CRM?"; so is
// access refused where the user had it: "it just says access denied".
const ASKS_HOW = /^(?:how|where|why|comment|ou|pourquoi|wie|wo|warum|como|donde|por que|come|dove|perche)\b/;
const REFUSED = /\b(?:denied|refused|refuse|verweigert|denegado|negato|rifiutato)\b/;

/** Whether a message asks to be given rights or access: a person grants them, however the models read the rest. */
export function requestsAccess(text: string): boolean {
  const plain = foldText(text).replace(/'/g, ' ').trim();
  return asksForAccess(text) && ASKING_FOR.test(plain) && !ASKS_HOW.test(plain) && !REFUSED.test(plain);
}

// "bitte Benutzerkonto und E-Mail anlegen", "could you set up a mailbox for the new hire?", "hay que crear un usuario
// para la nueva": an account is made, or closed, by a person, for whoever it is.
const ACCOUNT = String.raw`(?:accounts?|mailbox(?:es)?|e ?mail (?:address|account)|logins?|user(?: account)?|comptes?|boite (?:mail|aux lettres)|adresse (?:e ?)?mail|\w*konto|\w*konten|postfach|e ?mail ?(?:adresse|postfach)?|benutzer|zugang|cuentas?|usuarios?|correo|buzon|account|utenz[ae]|casella(?: di posta| email| mail)?|indirizzo (?:e ?)?mail)`;
const ACCOUNT_MADE = new RegExp(
  [
    String.raw`\b(?:create|set up|setup|make|open|add)\b(?:\s+\w+){0,3}\s+${ACCOUNT}\b`,
    String.raw`\b(?:creer|cree[rz]?|ouvrir|ouvre[zr]?|configurer|ajouter)\b(?:\s+\w+){0,3}\s+${ACCOUNT}\b`,
    String.raw`\b${ACCOUNT}\b(?:\s+\w+){0,4}\s+(?:anlegen|einrichten|erstellen|eroffnen|freischalten|angelegt|eingerichtet)\b`,
    String.raw`\b(?:crear|crea|creen|cread|dar de alta|configurar|abrir|abran)\b(?:\s+\w+){0,3}\s+${ACCOUNT}\b`,
    String.raw`\b(?:creare|crea|create|configurare|aprire|attivare|attivate)\b(?:\s+\w+){0,3}\s+${ACCOUNT}\b`,
    // Closed when someone leaves: "bisogna disattivarle l'account", "please disable Mark's account from Friday".
    String.raw`\b(?:disable|deactivate|delete|remove|close|suspend|(?:turn|switch|shut) off|shut down|desactiver|desactivez|supprimer|supprimez|cloturer|desactivar|desactiva|desactivad|(?:dar|den|dad|de) de baja|eliminar|elimina|borrar|disattiva(?:re|rle|rgli|te)?|disabilita(?:re|rle|rgli|te)?|elimina(?:re|rle|te)|cancella(?:re|rle|te)?)\b(?:\s+[\w']+){0,3}\s+${ACCOUNT}\b`,
    String.raw`\b${ACCOUNT}\b(?:\s+\w+){0,4}\s+(?:deaktivieren|loschen|entfernen|schliessen|stilllegen)\b`,
    // Said to need closing: "Il suo account qui va disattivato dal primo", "her mailbox must be closed on Friday".
    String.raw`\b${ACCOUNT}\b(?:\s+\w+){0,3}\s+(?:va|deve essere|dovra essere|needs to be|must be|should be|has to be|doit etre|devra etre|debe ser|tiene que ser|muss|sollte) (?:\w+ )?(?:disattivat[oa]|chius[oa]|disabled|deactivated|closed|removed|desactive|desactivee|ferme|supprime|desactivad[oa]|cerrad[oa]|eliminad[oa]|deaktiviert|geschlossen|geloscht)\b`,
  ].join('|'),
);

/** Whether a message asks for an account or a mailbox to be made or closed. */
export function asksForAccount(text: string): boolean {
  // Sentence by sentence: "Il suo account va disattivato dal primo. … Come procediamo?" asks how it goes on, not how it is done.
  return sentencesOf(text).some((sentence) => {
    const plain = foldText(sentence).replace(/['-]/g, ' ').trim();
    return ACCOUNT_MADE.test(plain) && !ASKS_HOW.test(plain) && !asksHowTo(sentence);
  });
}
