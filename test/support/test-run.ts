import { rmSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { loadIntentClassifier } from '../../assistant/local-engine/nlu/train-classifier.js';
import { createLogger } from '../../config/logger.js';
import { buildWidget } from '../../server/http/widget-bundle.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';
import { createTemplateDataDir } from './create-template.js';

/**
 * What every suite of a run would otherwise make for itself, made once before the workers start and handed to them in
 * the environment: the data directories each Portico or database test copies, the portal UI each Portico serves, one
 * Chromium the browser suites connect to (each in contexts of its own), and the local engine's trained models in their
 * cache (a fresh clone has none, and every server started before one was written would train them again). Returns what
 * ends it.
 */
export async function prepareTestRun(): Promise<() => Promise<void>> {
  const [template, widget, browser] = await Promise.all([
    createTemplateDataDir(),
    buildWidget({ logger: createLogger('error') }),
    chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }),
    loadIntentClassifier(),
  ]);
  process.env.PORTICO_TEST_WIDGET_DIR = widget.dir;
  process.env.PORTICO_TEST_CHROMIUM = browser.wsEndpoint();
  return async () => {
    await Promise.all([browser.close(), widget.close()]);
    rmSync(template, { recursive: true, force: true });
  };
}
