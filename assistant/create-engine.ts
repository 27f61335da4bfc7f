import type pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config/env.js';
import { ASSISTANT_TOOLS } from '../tools/index.js';
import type { AssistantEngine } from './engine.js';
import { createLocalEngine } from './local-engine/local-engine.js';
import { loadIntentClassifier } from './local-engine/nlu/train-classifier.js';

/**
 * The engine chosen at start: the LLM engine when a model endpoint is configured, with the local engine behind it
 * for the turns the provider fails; the local engine alone otherwise (a fresh install).
 */
export function createAssistantEngine(config: Pick<Config, 'openai'>, deps: { pool: pg.Pool; logger: Logger }): AssistantEngine {
  const local = createLocalEngine({ pool: deps.pool });
  if (!config.openai.apiKey && !config.openai.baseUrl) return local;
  // Loaded only when a model is configured: LangChain and the OpenAI client add about a second to every start otherwise.
  const llm = import('./llm-engine/create-llm-engine.js').then(({ createLlmEngine }) =>
    createLlmEngine({
      apiKey: config.openai.apiKey,
      baseUrl: config.openai.baseUrl,
      model: config.openai.model,
      tools: ASSISTANT_TOOLS,
      fallback: local,
      logger: deps.logger,
    }),
  );
  return { name: 'llm', runTurn: async (input, sink) => (await llm).runTurn(input, sink) };
}

/** Trains the local engine's classifier in the background at start, so the first chat turn does not wait for it. */
export function warmUpAssistant(logger: Logger): void {
  const started = performance.now();
  loadIntentClassifier().then(
    () => logger.info({ ms: Math.round(performance.now() - started) }, 'assistant ready'),
    (error: unknown) => logger.error({ err: error }, 'assistant warm-up failed'),
  );
}
