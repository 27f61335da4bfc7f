import { foldText } from '../../fold-text.js';

// Words telling that a computer does something by itself, unasked: "keeps restarting", "se me apaga de repente",
// "s'éteint tout seul", "sperrt sich ständig", "si riavvia da solo". Matched on lower-cased, accent-free text.
const ON_ITS_OWN = new RegExp(
  [
    String.raw`\b(?:by itself|on its own|randomly|at random|suddenly|out of nowhere|for no reason|without warning|all the time|every (?:few|couple of|\d+) (?:minutes|mins?|seconds|hours)|every half hour|keeps? (?:on )?\w+ing|won'?t stop \w+ing)\b`,
    String.raw`\b(?:tout seul|toute seule|d'un coup|sans raison|sans prevenir|sans arret|tout le temps|toutes les (?:\d+|deux|cinq|dix|quelques) (?:min|minutes|secondes|heures)|brusquement|soudainement|n'arrete pas de|ne cesse de)\b`,
    String.raw`\b(?:von selbst|von allein|von alleine|einfach so|standig|plotzlich|ohne grund|ohne vorwarnung|dauernd|immer wieder|andauernd|alle (?:paar|\d+|zwei|funf|zehn) (?:min|minuten|sekunden|stunden))\b`,
    String.raw`\b(?:se me (?:apaga|reinicia|bloquea|cierra)|se (?:apaga|reinicia|bloquea|cierra) solo|de repente|sin avisar|sin motivo|sin razon|todo el rato|cada dos por tres|a cada rato|cada (?:pocos|\d+|dos|cinco|diez) (?:min|minutos|segundos|horas)|cada media hora|no para de)\b`,
    String.raw`\b(?:da solo|da sola|all'improvviso|improvvisamente|senza motivo|senza preavviso|di continuo|continuamente|continua a|ogni due per tre|ogni (?:pochi|\d+|due|cinque|dieci) (?:min|minuti|secondi|ore)|ogni mezz'ora|ogni mezzora|non smette di|mi si (?:spegne|riavvia|blocca))\b`,
  ].join('|'),
);

// Words that ask for something: with them, "it keeps freezing, restart it please" is still a request.
const ASKING = new RegExp(
  [
    String.raw`\b(?:please|pls|plz|can you|could you|would you|can u|need you to|i want you to)\b`,
    String.raw`\b(?:svp|stp|s'il (?:te|vous) plait|peux-tu|pouvez-vous|tu peux|vous pouvez|pourriez-vous|pourrais-tu)\b`,
    String.raw`\b(?:bitte|kannst du|konnen sie|konntest du|konnten sie|kannst du mal)\b`,
    String.raw`\b(?:por favor|porfa|puedes|podrias|puede usted|podria)\b`,
    String.raw`\b(?:per favore|per piacere|puoi|potresti|puo|potrebbe)\b`,
  ].join('|'),
);

/**
 * Whether a message tells of a computer restarting, shutting down, locking or signing out by itself without asking
 * for anything: "my laptop keeps restarting" reports a fault to look up, not a restart to carry out.
 */
export function tellsOfBehaviourOnItsOwn(text: string): boolean {
  const plain = foldText(text);
  return ON_ITS_OWN.test(plain) && !ASKING.test(plain);
}
