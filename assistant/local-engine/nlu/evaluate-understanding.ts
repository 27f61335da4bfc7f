import type { CatalogAppRef } from '../../../domain/catalog/match-catalog-app.js';
import { LANGUAGES, type Language } from '../../../i18n/languages.js';
import { asksBeyondOwnDevices, hostnamesIn, namesSomeoneElsesDevice, type Ownership } from '../../beyond-own-devices.js';
import type { DeviceSummary } from '../../engine.js';
import { devicesMentioned } from '../resolve-device.js';
import { understand, type Understanding } from './understand.js';

/** A user message with the tool and slots it should produce, as in test/fixtures/utterances.json. */
export type LabelledUtterance = {
  id: string;
  lang: Language;
  text: string;
  /** A tool name, or 'none' (or null) when no tool fits: greetings, thanks, help… */
  tool: string | null;
  /** `target: 'other_person'` marks an action or install for someone else's device, which must be refused. */
  slots: { action?: string; app?: string; device?: 'mac' | 'windows'; number?: number | string; target?: 'other_person' };
  split?: 'dev' | 'holdout';
};

/** The app slot value meaning "an app the catalog does not have". */
export const NOT_IN_CATALOG = '__not_in_catalog__';

type SlotName = keyof LabelledUtterance['slots'];

export type ItemResult = {
  item: LabelledUtterance;
  understanding: Understanding;
  toolCorrect: boolean;
  /** Expected slots the understanding got wrong. */
  wrongSlots: SlotName[];
  /** Tool right and every expected slot right. */
  correct: boolean;
  ms: number;
};

export type Tally = { correct: number; total: number };

export type Evaluation = {
  results: ItemResult[];
  accuracy: number;
  toolAccuracy: number;
  byLanguage: Record<string, Tally>;
  byTool: Record<string, Tally>;
  bySlot: Record<string, Tally>;
};

// The sets' writers label which computer a message names as if it came from a user with a Windows desktop and a
// MacBook (the demo's Anna): "the desktop" is the Windows one. The slot is right when the engine, resolving the
// message against such a user's devices as it does in a conversation, settles on exactly the one labelled.
const TWO_DEVICE_USER: DeviceSummary[] = [
  { id: 'desktop', name: 'ANNA-DESKTOP', os: 'windows' },
  { id: 'macbook', name: 'MacBook Air di Anna', os: 'macos' },
];

function slotMatches(name: Exclude<SlotName, 'target'>, expected: NonNullable<LabelledUtterance['slots'][SlotName]>, u: Understanding, text: string): boolean {
  switch (name) {
    case 'action':
      return u.slots.action === expected;
    case 'device': {
      const picked = devicesMentioned(text, TWO_DEVICE_USER, u.slots.device?.platform);
      return picked.length === 1 && picked[0]!.os === (expected === 'mac' ? 'macos' : expected);
    }
    case 'number':
      return u.slots.ticketNumber === Number(expected);
    case 'app':
      return expected === NOT_IN_CATALOG ? u.slots.app !== undefined && u.slots.app.id === null : u.slots.app?.id === expected;
  }
}

const ACTING_TOOLS = new Set(['request_device_action', 'request_software_install']);

/**
 * Who the sets' writers have in mind: a user with no name of their own, who sends the message from the machines it names
 * by hostname ("reboot PC-STOCKROOM-1"), unless the message says they are someone else's. Whether a hostname is the
 * user's is the user's device list's to tell, which a set written for no user in particular cannot give.
 */
export function writersUser(text: string): Ownership {
  return { names: [], deviceNames: hostnamesIn(text) };
}

/** Whose device an action or install is for, as the engine reads it: someone else's is refused, the user's own is not. */
function targetMatches(item: LabelledUtterance): boolean {
  const refused = asksBeyondOwnDevices(item.text) || namesSomeoneElsesDevice(item.text, writersUser(item.text));
  return refused === (item.slots.target === 'other_person');
}

function count(tallies: Record<string, Tally>, key: string, correct: boolean): void {
  const tally = (tallies[key] ??= { correct: 0, total: 0 });
  tally.total++;
  if (correct) tally.correct++;
}

/**
 * Runs understand on every item, in turn, with a setting language that is not the item's own for four items in
 * five (users write in any language whatever their setting), and scores tool and slots.
 */
export async function evaluateUnderstanding(items: LabelledUtterance[], catalog: CatalogAppRef[]): Promise<Evaluation> {
  const results: ItemResult[] = [];
  const byLanguage: Record<string, Tally> = {};
  const byTool: Record<string, Tally> = {};
  const bySlot: Record<string, Tally> = {};
  for (const [index, item] of items.entries()) {
    const fallbackLanguage = LANGUAGES[index % LANGUAGES.length]!;
    const started = performance.now();
    const understanding = await understand(item.text, { fallbackLanguage, catalog });
    const ms = performance.now() - started;
    const expectedTool = item.tool === 'none' ? null : item.tool;
    const toolCorrect = understanding.tool === expectedTool;
    const wrongSlots: SlotName[] = [];
    for (const [name, expected] of Object.entries(item.slots ?? {}) as [SlotName, NonNullable<LabelledUtterance['slots'][SlotName]>][]) {
      if (name === 'target') continue;
      const right = toolCorrect && slotMatches(name, expected, understanding, item.text);
      count(bySlot, name, right);
      if (!right) wrongSlots.push(name);
    }
    if (ACTING_TOOLS.has(item.tool ?? '')) {
      const right = toolCorrect && targetMatches(item);
      count(bySlot, item.slots.target === 'other_person' ? 'target other person' : 'target own device', right);
      if (!right) wrongSlots.push('target');
    }
    const correct = toolCorrect && wrongSlots.length === 0;
    count(byLanguage, item.lang, correct);
    count(byTool, expectedTool ?? 'none', correct);
    results.push({ item, understanding, toolCorrect, wrongSlots, correct, ms });
  }
  const share = (n: number) => n / Math.max(1, results.length);
  return {
    results,
    accuracy: share(results.filter((r) => r.correct).length),
    toolAccuracy: share(results.filter((r) => r.toolCorrect).length),
    byLanguage,
    byTool,
    bySlot,
  };
}

export function percent(tally: Tally): string {
  return `${((100 * tally.correct) / Math.max(1, tally.total)).toFixed(1)}% (${tally.correct}/${tally.total})`;
}

/** The figures of an evaluation as lines of text: overall, per language, per tool, per slot. */
export function describeEvaluation(evaluation: Evaluation): string {
  const section = (title: string, tallies: Record<string, Tally>) =>
    `${title}: ${Object.entries(tallies)
      .map(([key, tally]) => `${key} ${percent(tally)}`)
      .join(', ')}`;
  return [
    `accuracy ${(100 * evaluation.accuracy).toFixed(1)}%, tool only ${(100 * evaluation.toolAccuracy).toFixed(1)}%`,
    section('per language', evaluation.byLanguage),
    section('per tool', evaluation.byTool),
    section('per slot', evaluation.bySlot),
  ].join('\n');
}
