import { foldText } from '../../fold-text.js';
import { MAX_CLASSIFIED_LENGTH } from './prepare-text.js';

// "is there anyone from IT who can ring me?", "necesito que venga alguien a la clínica hoy", "J'aimerais qu'un
// informaticien me rappelle": a person asked to call or to come is a technician asked for, whatever the problem told
// beside. Only forms that ask (an infinitive, a subjunctive, an imperative) count: "someone called me pretending to be
// IT" and "ein Techniker ist gestern gekommen" tell what happened. Matched on lower-cased, accent-free text.
const PERSON = {
  en: String.raw`(?:someone|somebody|anyone|anybody|a tech|a techie|a technician|an engineer|it support|one of you|one of your)`,
  fr: String.raw`(?:quelqu'un|un technicien|un informaticien|un tech|l'un de vous)`,
  de: String.raw`(?:jemand|jemanden|ein techniker|einen techniker|einer von euch|einer von ihnen)`,
  es: String.raw`(?:alguien|un tecnico|algun tecnico|uno de vosotros|uno de ustedes)`,
  it: String.raw`(?:qualcuno|un tecnico|un informatico|uno di voi)`,
};
const COURTESY = String.raw`(?:svp|stp|please|pls|plz|bitte|por favor|porfa|per favore)`;
const ASKED = new RegExp(
  [
    String.raw`\b(?:can|could|would|will|need|have|get|send|want)\b.{0,12}\b${PERSON.en}\b.{0,25}\b(?:call|ring|phone) (?:me|us)\b`,
    String.raw`\b${PERSON.en}\b.{0,25}\bwho (?:can|could) (?:call|ring|phone|come|remote|dial|take a look|have a look|look at)\b|\b${PERSON.en} (?:come|pop|call|ring)(?: over| by| round| in| down| up| me| us)\b|\b(?:need|want|get|send|have)\b.{0,6}\b${PERSON.en} to (?:come|pop|call|ring|visit|look)\b`,
    String.raw`\b(?:call|ring|phone) (?:me|us) back\b|\bgive (?:me|us) a (?:call|ring|bell)\b|\bsend (?:me |us |over |round )?${PERSON.en}\b`,
    String.raw`\b${PERSON.fr}\b.{0,30}\b(?:me|nous|m') ?(?:rappelle|rappeler|appelle|appeler)\b|\b(?:rappelez|appelez|rappelle|appelle)[ -](?:moi|nous)\b|\b${PERSON.fr}\b.{0,30}\b(?:vienne|venir|passer|puisse passer)\b|\b(?:envoyer|envoyez|envoyez-moi|envoyez-nous)\b.{0,10}\b${PERSON.fr}\b`,
    // Handed on to a person: "vous pouvez transmettre à un technicien ?", "un technicien pourrait-il prendre la main ?".
    String.raw`\b(?:pass|hand|forward|escalate)\b.{0,15}\bto (?:a |an )?(?:tech|technician|human|person|engineer)\b|\b(?:transmettre|transferer|passer|remonter)\b.{0,15}\b(?:a un|au) (?:technicien|informaticien|humain|support)\b|\b${PERSON.fr}\b.{0,20}\b(?:prendre la main|prenne la main|s'en occuper|s'en occupe)\b`,
    String.raw`\b(?:an|einem|einen) (?:techniker|menschen|kollegen aus der it)\b.{0,10}\b(?:weitergeben|weiterleiten|ubergeben)\b|\b(?:pasar|pasarme|pasalo|pasarlo|pasame)\b.{0,10}\b(?:con|a) (?:un tecnico|una persona|alguien)\b|\b(?:passare|passarmi|girare|girarlo|giralo|passami)\b.{0,10}\ba (?:un tecnico|una persona|qualcuno)\b`,
    String.raw`\b${PERSON.de}\b.{0,40}\b(?:anrufen|zuruckrufen|zuruckruft|anruft|vorbeikommen|vorbeikommt|vorbeischauen|kommen|aufschalten|draufschalten|schalten|einwahlen|draufschauen|reinschauen|anschauen|ansehen)\b|(?:^|\bbitte |\bund )(?:ruf|rufen sie|ruft) (?:mich|uns)\b.{0,20}\b(?:an|zuruck)\b|\bjemanden\b.{0,20}\b(?:schicken|vorbeischicken)\b|\b(?:schick|schickt|schicken sie)\b.{0,10}\b(?:jemanden|einen techniker)\b`,
    String.raw`\b${PERSON.es}\b.{0,30}\b(?:me llame|nos llame|llamarme|llamarnos|venga|venir|pase|pasarse|se pase)\b|\b(?:llamame|llameme|llamadme|llamenme)\b`,
    String.raw`\bque (?:venga|vengan|pase|se pase|me llame|nos llame)\b.{0,12}\b${PERSON.es}\b|\b(?:mandar|mandad|mandeme|mandadme|enviar|enviad)\b.{0,10}\b${PERSON.es}\b`,
    String.raw`\b${PERSON.it}\b.{0,30}\b(?:mi chiami|ci chiami|chiamarmi|chiamarci|richiamarmi|mi richiami|ci richiami|venga|venire|passi|passare)\b|\b(?:chiamatemi|richiamatemi|mi chiamate|mi richiamate)\b|\b(?:mandare|mandate|mandatemi|mandarmi|mandarci|inviare|inviate)\b.{0,10}\b${PERSON.it}\b|\b(?:che )?(?:venga|passi|mi chiami|ci chiami)\b.{0,12}\b${PERSON.it}\b`,
    // Asked to connect to the user's machine: "Can someone remote in and have a look?", "quiero que un técnico se conecte
    // a mi ordenador", "qu'un technicien se connecte", "che un tecnico si colleghi".
    String.raw`\b${PERSON.en} (?:(?:to|could|can|please) )?(?:remote|dial|log) (?:in|into|on)\b|\bqu(?:e |')${PERSON.fr} (?:se connecte|prenne la main)\b|\bque ${PERSON.es} (?:se conecte|entre en remoto|lo mire)\b|\bche ${PERSON.it} (?:si colleghi|si connetta|dia un'occhiata)\b`,
    // A human asked for instead of the assistant: "c'è un umano?", "un conseiller svp".
    String.raw`\b(?:is there|are there|any) (?:a |an )?(?:human|real person|actual person|person)\b|\b(?:y a[ -]t[ -]il|il y a|y a) (?:un |une )?(?:humain|vraie personne|personne reelle)\b|\bgibt es (?:hier )?(?:einen |auch )?(?:menschen|echten menschen)\b|\bhay (?:un |una |algun |alguna )?(?:humano|persona real|persona de verdad)\b|\bc'e (?:un |una |qualche )?(?:umano|essere umano|persona vera|persona reale)\b`,
    String.raw`^(?:(?:a|an|un|une|ein|einen|una)\s+)?(?:human|real person|advisor|adviser|conseiller|conseillere|humain|vraie personne|mensch|berater|humano|asesor|umano|operatore|consulente)(?:\s+${COURTESY})?[\s?!.]*$`,
  ].join('|'),
);

/** Whether a message asks for a person of IT to call or to come. */
export function asksForPerson(text: string): boolean {
  return ASKED.test(foldText(text.slice(0, MAX_CLASSIFIED_LENGTH)));
}
