import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CatalogAppRef } from '../domain/catalog/match-catalog-app.js';
import { evaluateUnderstanding, percent, type LabelledUtterance } from '../assistant/local-engine/nlu/evaluate-understanding.js';
import { loadIntentClassifier } from '../assistant/local-engine/nlu/train-classifier.js';
import { understand } from '../assistant/local-engine/nlu/understand.js';
import type { BenchRow } from './report.js';
import { summarize } from './stats.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'utterances.json');
const CATALOG = join(ROOT, 'db', 'seed', 'catalog.json');

export function loadUtterances(): LabelledUtterance[] {
  return (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { utterances: LabelledUtterance[] }).utterances;
}

export function loadCatalog(): CatalogAppRef[] {
  return JSON.parse(readFileSync(CATALOG, 'utf8')) as CatalogAppRef[];
}

/**
 * The offline engine's understanding on the labelled utterances: training time, accuracy on dev and holdout
 * (tool right and every expected slot right) per language, per tool and per slot, and the time of one call.
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
    { group: 'nlu training', name: `5 language models (NLP.js tokenizers and stemmers, typo correction), ${examples} examples`, value: `${(classifier.trainingMs / 1000).toFixed(2)} s`, target: 'a few s' },
    { group: 'nlu training', name: 'warm-up (training + fastText)', value: `${(warmUpMs / 1000).toFixed(2)} s`, target: '—' },
  ];
  const utterances = loadUtterances();
  const times: number[] = [];
  for (const split of ['dev', 'holdout'] as const) {
    const evaluation = await evaluateUnderstanding(
      utterances.filter((u) => u.split === split),
      catalog,
    );
    times.push(...evaluation.results.map((r) => r.ms));
    const target = split === 'holdout' ? '≥ 95%' : '—';
    const n = evaluation.results.length;
    rows.push(
      { group: `nlu ${split}`, name: 'accuracy (tool and slots)', value: `${(100 * evaluation.accuracy).toFixed(1)}% of ${n}`, target },
      { group: `nlu ${split}`, name: 'tool only', value: `${(100 * evaluation.toolAccuracy).toFixed(1)}%`, target: '—' },
    );
    for (const [lang, tally] of Object.entries(evaluation.byLanguage)) rows.push({ group: `nlu ${split}`, name: `language ${lang}`, value: percent(tally), target: '—' });
    for (const [tool, tally] of Object.entries(evaluation.byTool)) rows.push({ group: `nlu ${split}`, name: `tool ${tool}`, value: percent(tally), target: '—' });
    for (const [slot, tally] of Object.entries(evaluation.bySlot)) rows.push({ group: `nlu ${split}`, name: `slot ${slot}`, value: percent(tally), target: '—' });
  }
  rows.push({ group: 'nlu latency', name: 'understand, one call after warm-up (ms)', ...summarize(times), target: 'p95 ≤ 5 ms' });
  return rows;
}
