import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CatalogAppRef } from '../domain/catalog/match-catalog-app.js';
import { describeEvaluation, evaluateUnderstanding, type LabelledUtterance } from '../assistant/local-engine/nlu/evaluate-understanding.js';
import { loadIntentClassifier } from '../assistant/local-engine/nlu/train-classifier.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// The product's target: 95% on this split (`npm run bench assistant-nlu` prints it per language, tool and slot).
const FLOOR = 0.95;

// The held-out utterances were never read to write the corpus or the rules: they stand for what users will type.
describe('local engine understanding on the held-out utterances', () => {
  it(`gets the tool and every expected slot right for at least ${FLOOR * 100}% of them`, async () => {
    const { utterances } = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'utterances.json'), 'utf8')) as {
      utterances: LabelledUtterance[];
    };
    const catalog = JSON.parse(readFileSync(join(ROOT, 'db', 'seed', 'catalog.json'), 'utf8')) as CatalogAppRef[];
    await loadIntentClassifier();
    const holdout = utterances.filter((u) => u.split === 'holdout');
    expect(holdout.length).toBeGreaterThan(200);
    const evaluation = await evaluateUnderstanding(holdout, catalog);
    const report = `holdout: ${describeEvaluation(evaluation)}`;
    if (evaluation.accuracy < FLOOR) throw new Error(`below ${FLOOR * 100}% on the holdout split\n${report}`);
    expect(evaluation.accuracy).toBeGreaterThanOrEqual(FLOOR);
  }, 120_000);
});
