import { describe, expect, it } from '@jest/globals';
import { ruledOutAction } from './negated-action.js';

describe('ruledOutAction', () => {
  it.each([
    ["pas besoin d'éteindre quoi que ce soit, je veux juste comprendre pourquoi la batterie tient à peine 1h", 'question'],
    ["Don't reboot it, why is it so slow?", 'question'],
    ["I'm not asking you to restart anything, I just want to know if there's a setting for this?", 'question'],
    ['surtout pas redémarrer, merci', 'nothing'],
    ['no lo reinicies todavía', 'nothing'],
    // Pronouns between the negation and the verb: "non me lo riavviate", "no me lo apaguéis".
    ['non me lo spegnete per favore, sto stampando le bolle. perché è così lento?', 'question'],
    ['no me lo apaguéis, que está guardando', 'nothing'],
    // Not wanted of whoever would do it.
    ["je ne veux pas que vous éteigniez le poste, je voudrais juste savoir pourquoi il chauffe", 'question'],
    ['non voglio che mi riavviate il pc, voglio solo capire perché Outlook è lento', 'question'],
    ["I don't want you to restart anything, why does Teams freeze?", 'question'],
    ['no quiero que me lo reiniciéis, solo quiero saber por qué va lento', 'question'],
    ['No queremos que nos reinicien nada en mitad de la clase, ¿por qué se corta la imagen?', 'question'],
    ['Bitte nichts neu starten! Ich will nur wissen, warum die Updates hängen', 'question'],
  ] as const)('%s → %s', (text, expected) => {
    expect(ruledOutAction(text)).toBe(expected);
  });

  it('leaves requests alone', () => {
    expect(ruledOutAction("éteins mon pc, j'ai fini")).toBeUndefined();
  });

  it.each(['el ordenador está congelado con una ventana que no se cierra. ¿Me lo reiniciáis?', 'il portatile non si spegne più, lo riavviate?'])(
    'reads what the machine does not do by itself as no action ruled out: %s',
    (text) => {
      expect(ruledOutAction(text)).toBeUndefined();
    },
  );
});
