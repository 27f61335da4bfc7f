// "could I get edit rights on the Marketing Teams channel?", "ich brauche Zugriff auf Zoom", "permessi su SharePoint":
// rights to something are granted by a person, not installed, however much the rest reads like an install request.
// "Ich brauche Adminrechte", "diritti di amministratore" too. Matched on lower-cased, accent-free text.
// German joins the kind of right to it ("Adminrechte", "Schreibberechtigung", "Lesezugriff").
const ACCESS =
  /\b(?:rights|permissions?|privileges?|access|droits?|acces|autorisations?|\w*rechte|\w*berechtigung(?:en)?|\w*zugriff|\w*zugang|permisos?|privilegios?|acceso|permessi|permesso|privilegi|diritti|accesso|autorizzazion[ei])\b/g;

const fold = (text: string) => text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');

// Access as the purpose of an app is still an install: "Citrix Workspace für den Zugriff auf das ERP".
const PURPOSE_BEFORE = /\b(?:for|to|pour|fur|um|para|per)\s+(?:(?:the|l|le|la|den|die|das|el|il|lo)\s+)?$/;

// Rights the user says they lack ("no", "don't have", "keine") are why they ask for the install: "I have no admin
// rights, can you install Git?".
const LACKED_BEFORE = /\b(?:no|not|t|without|lack|keine|kein|ohne|pas|sans|sin|senza|non)\s+(?:\w+\s+){0,2}$/;

/** Whether a message asks for rights or access rather than for software. */
export function asksForAccess(text: string): boolean {
  const plain = fold(text).replace(/['’]/g, ' ');
  return [...plain.matchAll(ACCESS)].some((m) => {
    const before = plain.slice(Math.max(0, m.index - 24), m.index);
    return !PURPOSE_BEFORE.test(before) && !LACKED_BEFORE.test(before);
  });
}
