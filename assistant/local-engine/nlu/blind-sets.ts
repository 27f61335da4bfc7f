import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from '../../../i18n/languages.js';
import { tokenize } from '../../../kb-index/text/normalize.js';
import type { LabelledUtterance } from './evaluate-understanding.js';
import type { ModelIntent } from './intents.js';
import type { Example } from './synthesize-corpus.js';

// Sets of requests written blind, each by someone briefed with the task alone who never saw the engine, its corpus or
// its lexicon, and kept as written. They are how users really write, which no sentence the team writes can be: every
// set but the newest also trains the models. The newest is kept apart, so that its figure, scored once when it came,
// still tells how the engine reads text it was never shaped on.
const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'corpus', 'written-blind');

export type BlindSet = { name: string; utterances: LabelledUtterance[] };

/** Every set, oldest first (their names sort by the date they were written). */
export function loadBlindSets(): BlindSet[] {
  return readdirSync(DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      name: file.replace(/\.json$/, ''),
      utterances: (JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { utterances: LabelledUtterance[] }).utterances,
    }));
}

/** Whether the models learn from the set: all but the newest do. */
export function trainedOn(set: BlindSet, sets: readonly BlindSet[]): boolean {
  return set !== sets.at(-1);
}

const INTENT_OF_TOOL: Partial<Record<string, ModelIntent>> = {
  search_knowledge_base: 'kb_question',
  request_software_install: 'install_software',
  list_my_devices: 'list_devices',
  get_ticket_status: 'ticket_status',
  list_my_tickets: 'list_tickets',
  create_ticket: 'create_ticket',
  escalate_to_technician: 'escalate',
};

// A set labels tools, not the models' intents. Messages that call no tool are left out: they are greetings and
// thanks as much as talk of the weather, which the models must not learn as any one intent.
function intentOf(item: LabelledUtterance): ModelIntent | undefined {
  if (item.tool === 'request_device_action') return item.slots.action ? (`device_${item.slots.action}` as ModelIntent) : undefined;
  return item.tool ? INTENT_OF_TOOL[item.tool] : undefined;
}

/** The messages of every set the models learn from, read once for a whole training. */
export function messagesToLearnFrom(): LabelledUtterance[] {
  const sets = loadBlindSets();
  return sets.filter((set) => trainedOn(set, sets)).flatMap((set) => set.utterances);
}

/** The requests of the language among those messages, with the intent each asks for. */
export function requestsWrittenBlind(messages: readonly LabelledUtterance[], lang: Language): Example[] {
  return messages.flatMap((item) => {
    const intent = item.lang === lang ? intentOf(item) : undefined;
    return intent ? [{ utterance: item.text, intent }] : [];
  });
}

// A typo is rarely made twice the same way by different people; a word written in this many messages is a word.
const OFTEN = 3;

/**
 * Words written in several of those messages: words as people use them ("domani", "porfa", "heute"), never typos of the
 * lexicon's terms, however close they come to one.
 */
export function wordsOftenWritten(messages: readonly LabelledUtterance[]): string[] {
  const counts = new Map<string, number>();
  for (const item of messages) {
    for (const word of new Set(tokenize(item.text))) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts].filter(([word, n]) => n >= OFTEN && !/\d/.test(word)).map(([word]) => word);
}
