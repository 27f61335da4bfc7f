import { foldText } from '../../fold-text.js';
import { MAX_CLASSIFIED_LENGTH } from './prepare-text.js';
import { requestClauses } from './request-clauses.js';

// "can I see all the tickets I've logged", "vous pouvez me lister toutes mes demandes ?", "Mi fai la lista dei miei
// pc?": the user's tickets or computers asked to be shown, as a whole. Matched on lower-cased, accent-free text, clause
// by clause; a clause that says something cannot be seen ("I can't see my tickets in the portal") tells a problem.
const TICKETS = String.raw`(?:tickets?|requests?|cases|calls|demandes|requetes|anfragen|meldungen|solicitudes|peticiones|incidencias|consultas|richieste|segnalazioni)`;
const DEVICES = String.raw`(?:devices|computers|laptops|machines|pcs|appareils|postes|ordinateurs|ordis|portables|gerate|rechner|dispositivos|equipos|ordenadores|portatiles|dispositivi|portatili|computer|pc)`;
const MINE = String.raw`(?:my|all my|all the|all of my|the|mes|toutes mes|tous mes|les|meine|alle meine|alle|mis|todas mis|todos mis|los|las|miei|mie|i|gli|i miei|le mie|tutti i miei|tutte le mie|dei miei|delle mie)`;
const SHOW = String.raw`(?:see|show|list|view|display|lister|liste|voir|afficher|affiche|affichez|montrer|montre|montrez|zeig|zeige|zeigen|anzeigen|auflisten|ver|mostrar|muestra|muestrame|muestreme|mostrarme|ensenarme|listarme|mostrarmi|elencarmi|ensena|ensename|ensenar|listar|lista|vedere|mostra|mostrami|mostrare|elenca|elencami|elenco|elencate|elencatemi|mostrate|mostratemi|listame|listez|listez-moi|auflisten)`;

function listed(things: string): RegExp {
  return new RegExp(
    [
      String.raw`\b${SHOW}\b(?: me| moi| mir| uns)?(?: bitte| mal| please| pls| svp| stp)?(?: (?:a|la|the|une|die|eine|una) (?:list|liste|lista|elenco|ubersicht) (?:of|de|der|von|dei|delle|di))? ${MINE} (?:\w+ )?${things}\b`,
      String.raw`\b(?:what|which|quels|quelles|welche|was fur|que|cuales|quali|che)\s+${things}\s+(?:do i have|have i got|i have|have i|ai[ -]je|j'ai|habe ich|hab ich|tengo|ho)\b`,
      String.raw`\b(?:welche|was fur)\s+${things}\b.*\b(?:mir|mich)\b.*\b(?:zugeordnet|zugewiesen|gehoren)\b`,
      // Whose they are said by the user's name: "Welche Tickets laufen gerade auf meinen Namen?".
      String.raw`\b(?:what|which|quels|quelles|welche|was fur|que|cuales|quali)\s+${things}\b.*\b(?:my name|mon nom|meinen namen|meinem namen|mi nombre|mio nome)\b`,
      // Named alone, or as a list of them: "mis tickets", "lista de mis tickets porfa", "my devices pls"; not "my computer".
      String.raw`^(?!(?:my|the|all the) (?:\w+ )?(?:computer|pc)\b)(?:(?:the |a |la |une |die |eine |una )?(?:list|liste|lista|elenco|ubersicht) (?:of |de |der |von |dei |delle |di )?)?${MINE} (?:\w+ )?${things}(?: (?:please|pls|plz|porfa|svp|stp|bitte|por favor|per favore|grazie|thanks|merci|danke|gracias))*$`,
      // What the user has as such: "jai quoi comme tickets ouverts", "qu'est-ce que j'ai comme demandes en cours ?".
      String.raw`\b(?:j'?ai|qu'est[ -]ce que j'ai) quoi comme ${things}\b|\bqu'est[ -]ce que j'ai comme ${things}\b`,
      // Counted: "g combien de pc a mon nom", "how many tickets have I got open?", "quanti pc ho?".
      String.raw`\b(?:how many|combien de|combien d'|wie viele|cuantos|cuantas|quanti|quante)\s+${things}\b.*\b(?:do i have|have i|i have|my name|j'ai|ai[ -]je|mon nom|habe ich|hab ich|meinen namen|tengo|mi nombre|ho|mio nome)\b`,
    ].join('|'),
  );
}
// What the user reported, asked as such: "j'ai signalé quoi déjà ?", "was hab ich alles gemeldet?".
const REPORTED = new RegExp(
  String.raw`\b(?:what (?:have i|did i) (?:reported|report|logged|log|raised|raise)|j'ai (?:signale|declare|demande) quoi|qu'est[ -]ce que j'ai (?:signale|declare)|was (?:habe|hab) ich (?:\w+ ){0,2}(?:gemeldet|angefragt)|que (?:he|habia) (?:reportado|notificado)|cosa (?:ho|avevo) (?:segnalato|aperto))\b`,
);
const TICKETS_ASKED = new RegExp(`${listed(TICKETS).source}|${REPORTED.source}`);
const DEVICES_ASKED = listed(DEVICES);
const CANNOT = /\b(?:not|can't|cannot|cant|don't|n'|pas|nicht|kein|keine|no|non)\b/;
// How it is done in some tool ("how do I see all my devices in Intune?") is a question for the articles.
const HOW = /\b(?:how(?! many)|comment|wie(?! viele)|como|come)\b/;

/** Which list a message asks for in so many words: the user's tickets or their computers. */
export function listAsked(text: string): 'tickets' | 'devices' | undefined {
  if (HOW.test(foldText(text.slice(0, MAX_CLASSIFIED_LENGTH)))) return undefined;
  const clauses = requestClauses(text).filter((clause) => !CANNOT.test(clause));
  if (clauses.some((clause) => TICKETS_ASKED.test(clause))) return 'tickets';
  if (clauses.some((clause) => DEVICES_ASKED.test(clause))) return 'devices';
  return undefined;
}
