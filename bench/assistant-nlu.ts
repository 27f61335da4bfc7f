import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { userAsksForAction } from '../assistant/action-gate.js';
import type { CatalogAppRef } from '../domain/catalog/match-catalog-app.js';
import { LANGUAGES } from '../i18n/languages.js';
import { evaluateUnderstanding, percent, writersUser, type LabelledUtterance } from '../assistant/local-engine/nlu/evaluate-understanding.js';
import { loadBlindSets, trainedOn } from '../assistant/local-engine/nlu/blind-sets.js';
import { loadIntentClassifier } from '../assistant/local-engine/nlu/train-classifier.js';
import { understand } from '../assistant/local-engine/nlu/understand.js';
import type { BenchRow } from './report.js';
import { summarize } from './stats.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'utterances.json');
const CATALOG = join(ROOT, 'db', 'seed', 'catalog.json');
const ACTING_TOOLS = new Set(['request_device_action', 'request_software_install']);

export function loadUtterances(): LabelledUtterance[] {
  return (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { utterances: LabelledUtterance[] }).utterances;
}

export function loadCatalog(): CatalogAppRef[] {
  return JSON.parse(readFileSync(CATALOG, 'utf8')) as CatalogAppRef[];
}

/**
 * The offline engine's understanding on the labelled utterances: training time, accuracy on the team's dev and holdout
 * splits and on every blind set (tool right and every expected slot right) per language, per tool and per
 * slot, and the time of one call.
 */
export async function benchAssistantNlu(): Promise<BenchRow[]> {
  const catalog = loadCatalog();
  const started = performance.now();
  const classifier = await loadIntentClassifier();
  // The first call also loads fastText's model.
  await understand('warm-up', { fallbackLanguage: 'en', catalog });
  const warmUpMs = performance.now() - started;
  const examples = Object.values(classifier.examples).reduce((a, b) => a + b, 0);
  const rows: BenchRow[] = [
    {
      group: 'nlu training',
      name: `5 language models (NLP.js tokenizers and stemmers, typo correction), ${examples} examples, ${classifier.fromCache ? 'read from the cache (run again after removing node_modules/.cache/portico-nlu to time training)' : 'trained'}`,
      value: `${(classifier.trainingMs / 1000).toFixed(2)} s`,
      target: '≤ 3 s or cached on disk by content hash',
    },
    { group: 'nlu training', name: 'warm-up (training + fastText)', value: `${(warmUpMs / 1000).toFixed(2)} s`, target: '—' },
  ];
  const utterances = loadUtterances();
  const blindSets = loadBlindSets();
  const sets = [
    ...(['dev', 'holdout'] as const).map((split) => ({ group: `nlu ${split}`, target: split === 'holdout' ? '≥ 95%' : '—', perLanguage: '—', perTool: '—', gate: '≥ 99%', items: utterances.filter((u) => u.split === split) })),
    // A set the models learnt from is scored as a check that they learnt it; the newest, which they never saw, tells
    // how they read what nobody shaped them on.
    ...blindSets.map((set) =>
      trainedOn(set, blindSets)
        ? { group: `nlu blind ${set.name} (trained on)`, target: '—', perLanguage: '—', perTool: '—', gate: '—', items: set.utterances }
        : { group: `nlu blind ${set.name} (held out)`, target: '≥ 97%', perLanguage: '≥ 95%', perTool: '≥ 90%', gate: '≥ 99%', items: set.utterances },
    ),
  ];
  const times: number[] = [];
  for (const set of sets) {
    const evaluation = await evaluateUnderstanding(set.items, catalog);
    times.push(...evaluation.results.map((r) => r.ms));
    const n = evaluation.results.length;
    rows.push(
      { group: set.group, name: 'accuracy (tool and slots)', value: `${(100 * evaluation.accuracy).toFixed(1)}% of ${n}`, target: set.target },
      { group: set.group, name: 'tool only', value: `${(100 * evaluation.toolAccuracy).toFixed(1)}%`, target: '—' },
    );
    for (const [lang, tally] of Object.entries(evaluation.byLanguage)) rows.push({ group: set.group, name: `language ${lang}`, value: percent(tally), target: set.perLanguage });
    for (const [tool, tally] of Object.entries(evaluation.byTool)) rows.push({ group: set.group, name: `tool ${tool}`, value: percent(tally), target: set.perTool });
    for (const [slot, tally] of Object.entries(evaluation.bySlot)) rows.push({ group: set.group, name: `slot ${slot}`, value: percent(tally), target: '—' });
    // The LLM engine may act only where the gate reads a request: each own-device action or install it refuses is a
    // right call lost, whatever the model.
    const rightCalls = set.items.filter((item) => ACTING_TOOLS.has(item.tool ?? '') && item.slots.target !== 'other_person');
    let passed = 0;
    for (const [index, item] of rightCalls.entries()) {
      const options = { fallbackLanguage: LANGUAGES[index % LANGUAGES.length]!, pending: null, own: writersUser(item.text), catalog: async () => catalog };
      if (await userAsksForAction(item.text, options)) passed++;
    }
    rows.push({ group: set.group, name: 'LLM engine gate: own-device actions and installs let through', value: percent({ correct: passed, total: rightCalls.length }), target: set.gate });
  }
  rows.push({ group: 'nlu latency', name: 'understand, one call after warm-up (ms)', ...summarize(times), target: 'p95 ≤ 5 ms' });
  return rows;
}
