import { requestClauses } from './request-clauses.js';

// "Crea un ticket porque el lector no lee nada", "Puoi aprire una segnalazione?", "bitte ein Ticket aufmachen": a ticket
// asked to be opened in so many words, whatever problem comes with it. How it is done ("how do I open a ticket?") and
// whether one is needed are questions. Asked with the bare infinitive too ("abrir solicitud para alta de nuevo empleado").
// Matched on lower-cased, accent-free clauses.
const TICKET = String.raw`(?:ticket|tickets|case|request|incident|demande|requete|anfrage|meldung|stoerungsmeldung|incidencia|solicitud|peticion|segnalazione|richiesta)`;
const OPEN_ASKED = new RegExp(
  [
    String.raw`^(?:please |pls |can you |could you |would you )?(?:open|create|raise|log|file|submit)\s+(?:a |an |the |me a |us a )?(?:new )?(?:support )?${TICKET}\b`,
    String.raw`^(?:(?:merci d'|merci de |je vous prie d'|je vous prie de )\s*)?(?:ouvre|ouvrez|cree|creez|ouvrir|creer)(?:[- ]moi)?\s+(?:un |une )?(?:nouveau |nouvelle )?${TICKET}\b|\b(?:peux|pouvez|pourriez|pourrais)(?:[ -](?:tu|vous))?(?: m'| me)? (?:ouvrir|creer)\s+(?:un |une )${TICKET}\b`,
    String.raw`\b(?:bitte|kannst du|konnen sie|konntest du|konnten sie|konnt ihr)\b.*\b(?:ein|einen|eine|neues|neuen)\s+${TICKET}\s+(?:\w+\s+){0,3}(?:aufmachen|eroffnen|erstellen|anlegen|aufgeben)\b|^(?:mach|macht|eroffne|erstell|erstelle)\s+(?:mir |uns |bitte )*(?:ein|einen|eine)\s+${TICKET}\b`,
    String.raw`^(?:crea|creame|abre|abreme|abrid|cread|abra|cree|abrir|crear)\s+(?:un |una )?(?:nuevo |nueva )?${TICKET}\b|\b(?:les|le|os) (?:ruego|pido|agradeceria) (?:que )?(?:abran|abra|abrais|creen|cree|abrir|crear)\s+(?:un |una )?${TICKET}\b|\b(?:puedes|puede|podeis|podrias|podria)(?: usted)?(?: me)? (?:abrir|crear)(?:me)?\s+(?:un |una )${TICKET}\b`,
    String.raw`^(?:apri|aprimi|crea|creami|aprite|create|aprire|creare)\s+(?:un |una )?(?:nuovo |nuova )?${TICKET}\b|\b(?:puoi|puo|potete|potresti|potreste)(?: lei)?(?: mi| ci)? (?:aprire|creare)(?:mi)?\s+(?:un |una )${TICKET}\b`,
    // Or named with a courtesy word alone: "ticket bitte, telefonanlage bricht ab", "un ticket svp".
    String.raw`^(?:(?:a|an|un|une|ein|einen|eine|una|uno)\s+)?(?:new |nouveau |nouvelle |neues |neuen |nuevo |nueva |nuovo |nuova )?${TICKET}\s+(?:please|pls|plz|svp|stp|s'il vous plait|bitte|por favor|porfa|per favore|per piacere)\s*(?::|$)`,
  ].join('|'),
);
// A problem reported to IT in so many words is a ticket: "quiero reportar un problema a informática", "I'd like to report an
// issue", "ich möchte eine Störung melden".
const REPORTED = new RegExp(
  [
    String.raw`\b(?:report|log|raise) (?:a |an )?(?:problem|issue|fault|incident)\b`,
    String.raw`\bsignaler (?:un |une )?(?:probleme|incident|panne)\b`,
    String.raw`\b(?:ein |eine |einen )?(?:problem|storung|fehler|defekt) (?:melden|anmelden)\b`,
    String.raw`\b(?:reportar|notificar|comunicar) (?:un |una )?(?:problema|incidencia|incidente|averia)\b`,
    String.raw`\b(?:segnalare|riportare) (?:un |una )?(?:problema|guasto|malfunzionamento)\b`,
  ].join('|'),
);

/** Whether a message asks in so many words for a ticket to be opened, or reports a problem to IT as such. */
export function asksForTicket(text: string): boolean {
  return requestClauses(text).some((clause) => OPEN_ASKED.test(clause) || REPORTED.test(clause));
}
