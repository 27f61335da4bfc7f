import type pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config/env.js';
import { ASSISTANT_TOOLS } from '../tools/index.js';
import type { AssistantEngine } from './engine.js';
import { createLlmEngine } from './llm-engine/create-llm-engine.js';
import { createLocalEngine } from './local-engine/local-engine.js';

/**
 * The engine chosen at start: the LLM engine when a model endpoint is configured, with the local engine behind it
 * for the turns the provider fails; the local engine alone otherwise (a fresh install).
 */
export function createAssistantEngine(config: Pick<Config, 'openai'>, deps: { pool: pg.Pool; logger: Logger }): AssistantEngine {
  const local = createLocalEngine({ pool: deps.pool });
  if (!config.openai.apiKey && !config.openai.baseUrl) return local;
  return createLlmEngine({
    apiKey: config.openai.apiKey,
    baseUrl: config.openai.baseUrl,
    model: config.openai.model,
    tools: ASSISTANT_TOOLS,
    fallback: local,
    logger: deps.logger,
  });
}
