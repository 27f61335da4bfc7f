import type pg from 'pg';
import { readRecently } from '../../db/recent-reads.js';
import { listTenantHostnames } from '../../db/repositories/tenants.js';
import { inertForeignLinks } from '../../text/inert-links.js';
import { maskSecretValues, redactSecrets } from './redact-secrets.js';

/** What every word the assistant shows a user goes through, streamed or stored. */
export type AssistantTextGuard = {
  /** The secrets the user typed this turn (masked in storage), which the assistant's words must not carry either. */
  readonly secrets: readonly string[];
  clean(text: string): string;
};

// Every turn asks, and a hostname is rarely added or removed: such a change reaches the assistant's links a few seconds late.
const portalHostnames = readRecently(async (q, tenantId) => (await listTenantHostnames(q, tenantId)).map((row) => row.hostname.toLowerCase()), 5_000);

/**
 * The guard of one turn: the user's own secrets masked wherever the assistant repeats them, and every link that leaves
 * the portal (any hostname of the tenant counts as the portal) made plain text, so nothing a user or a model wrote
 * becomes a link to somewhere else in another user's chat.
 */
export async function assistantTextGuard(q: pg.Pool | pg.PoolClient, tenantId: string, secrets: readonly string[]): Promise<AssistantTextGuard> {
  const hostnames = await portalHostnames(q, tenantId);
  return { secrets, clean: (text) => inertForeignLinks(maskSecretValues(text, secrets), hostnames) };
}

/**
 * Tool arguments are the model's rewording of what the user typed, so they get the user's masking too; tool results
 * only hold what is already stored, so the turn's secrets are enough there.
 */
export function maskInToolArgs(value: unknown, secrets: readonly string[]): unknown {
  return mapStrings(value, (text) => redactSecrets(maskSecretValues(text, secrets)).text);
}

export function maskInToolResult(value: unknown, secrets: readonly string[]): unknown {
  return secrets.length === 0 ? value : mapStrings(value, (text) => maskSecretValues(text, secrets));
}

function mapStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, map)]));
  return value;
}
