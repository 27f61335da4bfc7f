// "could I get edit rights on the Marketing Teams channel?", "ich brauche Zugriff auf Zoom", "permessi su SharePoint":
// rights to something are granted by a person, not installed, however much the rest reads like an install request.
// Matched on lower-cased, accent-free text.
const ACCESS = /\b(?:rights|permissions?|access|droits?|acces|autorisations?|rechte|berechtigung(?:en)?|zugriff|zugang|permisos?|acceso|permessi|permesso|accesso|autorizzazion[ei])\b/g;

const fold = (text: string) => text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');

// Access as the purpose of an app is still an install: "Citrix Workspace für den Zugriff auf das ERP".
const PURPOSE_BEFORE = /\b(?:for|to|pour|fur|um|para|per)\s+(?:(?:the|l|le|la|den|die|das|el|il|lo)\s+)?$/;

/** Whether a message asks for rights or access rather than for software. */
export function asksForAccess(text: string): boolean {
  const plain = fold(text).replace(/'/g, ' ');
  return [...plain.matchAll(ACCESS)].some((m) => !PURPOSE_BEFORE.test(plain.slice(Math.max(0, m.index - 16), m.index)));
}
