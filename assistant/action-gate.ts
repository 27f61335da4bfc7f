import type { CatalogAppRef } from '../domain/catalog/match-catalog-app.js';
import type { Language } from '../i18n/languages.js';
import { asksBeyondOwnDevices, namesSomeoneElsesDevice, type Ownership } from './beyond-own-devices.js';
import { understand } from './local-engine/nlu/understand.js';

// The LLM engine's gate: a model may request a device action or an install only in a turn whose user message asks
// for one, as the offline understanding reads it, so that no article, tool result or injected text can make it act.
const ACTION_TOOLS = new Set(['request_device_action', 'request_software_install']);
// Short follow-ups ("the MacBook", "yes") answer the assistant's question about an action; so do unclear messages.
const FOLLOW_UP_INTENTS = new Set(['affirm', 'deny']);
const SURE = 0.75;

/**
 * Whether the user's words ask for an action, decided before any model or KB text is read. The tenant's catalog lets
 * an app's name read as an app ("install acrobat reader pls") rather than as words of a question.
 */
export async function userAsksForAction(
  text: string,
  options: { fallbackLanguage: Language; pending: unknown; own: Ownership; catalog: () => Promise<CatalogAppRef[]> },
): Promise<boolean> {
  if (asksBeyondOwnDevices(text) || namesSomeoneElsesDevice(text, options.own)) return false;
  if (options.pending) return true;
  const u = await understand(text, { fallbackLanguage: options.fallbackLanguage, catalog: await options.catalog() });
  return (u.tool !== null && ACTION_TOOLS.has(u.tool)) || FOLLOW_UP_INTENTS.has(u.intent) || u.confidence < SURE;
}
