import { foldText } from '../../fold-text.js';

// "don't restart anything", "ne redémarrez rien", "bitte nicht neu starten", "no me lo reinicies", "non me lo riavviate": the
// action is named to be ruled out. Matched on lower-cased, accent-free text.
const NEGATED = new RegExp(
  [
    String.raw`\b(?:don'?t|dont|do not|never|no need to|not asking (?:you )?to)\s+(?:\w+\s+){0,2}?(?:restart|reboot|shut|turn|power|lock|log|sign|reset)`,
    String.raw`\bne\s+(?:\w+\s+)?(?:redemarr|reboot|etei|eteign|verrouill|deconnect|relanc|reinitialis)\w*\s+(?:pas|rien|surtout|jamais)\b|\b(?:surtout pas\s+|pas besoin d(?:e\s+|'\s*))(?:\w+\s+)?(?:redemarr|etei|verrouill|deconnect|relanc)`,
    String.raw`\b(?:nicht|nichts|keinen?|bloss nicht|bloß nicht)\s+(?:\w+\s+){0,2}?(?:neu ?start|neustart|reboot|herunterfahr|runterfahr|ausschalt|sperr|abmeld)`,
    // Not wanted, said before whom it is not wanted of: "Ich will nicht, dass Sie irgendwas neu starten", "je ne veux pas
    // que vous redémarriez mon pc", "non voglio che mi disconnetti", "I don't want you to restart it".
    String.raw`\b(?:don'?t|do not) want (?:you|anyone|anybody|u) to (?:\w+\s+)?(?:restart|reboot|shut|turn|power|lock|log|sign|reset)`,
    String.raw`\bne (?:veux|voudrais|souhaite) pas qu(?:e |')(?:vous |tu |on )?(?:me |m'|le |l')?(?:\w+\s+)?(?:redemarr|etei|eteign|verrouill|deconnect|reinitialis)`,
    String.raw`\bno (?:quiero|queremos|querria|queriamos) que (?:me |nos |le |lo |la |me lo |me la |nos lo )?(?:\w+\s+)?(?:reinici|apag|bloque|cierr|desconect|resete)`,
    String.raw`\bnon voglio che (?:mi |lo |la |me lo |me la )?(?:\w+\s+)?(?:riavvi|spegn|blocc|disconnett|resett)`,
    String.raw`\b(?:will|mochte|wollen) (?:\w+ )?nicht,? dass (?:sie|du|ihr|jemand|man) (?:\w+\s+){0,3}?(?:neu ?start|neustart|reboot|herunterfahr|runterfahr|ausschalt|sperr|abmeld)`,
    // Not reflexive: "una ventana que no se cierra", "non si spegne" tell what the machine does not do.
    String.raw`\bno\s+(?!se\b)(?:\w+\s+){0,2}?(?:reinici|apag|bloque|cierr|reseteen|resetee)\w*`,
    String.raw`\bnon\s+(?!si\b)(?:\w+\s+){0,2}?(?:riavvi|spegn|blocc|disconnett|resett)\w*`,
  ].join('|'),
);

// With the rest of its clause: "nichts herunterfahren oder neu starten" rules out both.
const NEGATED_ALL = new RegExp(`(?:${NEGATED.source})[^.!?;,\n–—]*`, 'g');

/** The message without the actions it rules out, folded: what is left may still ask for one ("don't restart it, just lock it"). */
export function withoutRuledOut(text: string): string {
  return foldText(text).replace(NEGATED_ALL, ' ');
}

// A question besides: "…, I just want to know why it is so slow".
const ASKS_WHY = /\?|\b(?:why|how come|pourquoi|warum|wieso|weshalb|por que|porque|perche|come mai)\b/;

/** How a message that names a device action only to rule it out reads: a question about the problem, or no request. */
export function ruledOutAction(text: string): 'question' | 'nothing' | undefined {
  const plain = foldText(text);
  if (!NEGATED.test(plain)) return undefined;
  return ASKS_WHY.test(plain) ? 'question' : 'nothing';
}
