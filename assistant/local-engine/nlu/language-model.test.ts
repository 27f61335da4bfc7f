import { deserialize, serialize } from 'node:v8';
import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en';
import { languageModelFrom, trainLanguageModel } from './language-model.js';

describe('a language model stored and read back', () => {
  it('reads messages exactly as the model it was trained as', async () => {
    const container = containerBootstrap();
    container.use(LangEn);
    const texts = [
      { text: 'restart my laptop', label: 0 },
      { text: 'please reboot the computer', label: 0 },
      { text: 'how do I connect to the vpn', label: 1 },
      { text: 'the printer does not print', label: 1 },
    ];
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const state = await trainLanguageModel(container, 'en', texts, 2, random);
    const fresh = languageModelFrom(container, 'en', state);
    const stored = languageModelFrom(container, 'en', deserialize(serialize(state)) as typeof state);
    for (const message of ['reboot my laptop pls', 'vpn not connecting', 'restat the computer', 'hello']) {
      expect(stored.coverage(message)).toBe(fresh.coverage(message));
      expect(await stored.classify(message)).toEqual(await fresh.classify(message));
    }
    expect((await fresh.classify('reboot my laptop pls'))![0]).toBeGreaterThan(0.5);
  });
});
