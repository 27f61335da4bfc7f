import { findChatApps } from '../../db/repositories/chat-apps.js';
import type { Queryable } from '../../db/transaction.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { chatAppSealingContext, SLACK_API_DEFAULT, type SecretField } from './chat-app-secrets.js';

export type TenantSlackApp = { signingSecret: string; botToken: string; apiUrl: string; appToken?: string };
export type TenantTeamsApp = { appId: string; password: string; tenantId?: string };

/**
 * The tenant's enabled chat apps with their secrets opened, for the channels that serve them (no actor: the server's
 * own read). An app whose secrets cannot be opened (no key, or another key than the one that sealed them) is absent,
 * and `unreadable` says so for the log.
 */
export async function loadTenantChatApps(
  q: Queryable,
  secrets: SecretBox | undefined,
  tenantId: string,
): Promise<{ slack?: TenantSlackApp; teams?: TenantTeamsApp; unreadable: string[] }> {
  const row = await findChatApps(q, tenantId);
  const unreadable: string[] = [];
  if (!row) return { unreadable };
  const open = (field: SecretField, sealed: string | null): string | undefined => {
    if (!sealed) return undefined;
    try {
      if (!secrets) throw new Error('no key');
      return secrets.open(sealed, chatAppSealingContext(tenantId, field));
    } catch {
      unreadable.push(field);
      return undefined;
    }
  };
  let slack: TenantSlackApp | undefined;
  if (row.slack_enabled) {
    const signingSecret = open('slack.signingSecret', row.slack_signing_secret_sealed);
    const botToken = open('slack.botToken', row.slack_bot_token_sealed);
    const appToken = open('slack.appToken', row.slack_app_token_sealed);
    const apiUrl = (row.slack_api_url ?? SLACK_API_DEFAULT).replace(/\/?$/, '/');
    if (signingSecret && botToken) slack = { signingSecret, botToken, apiUrl, ...(appToken ? { appToken } : {}) };
  }
  let teams: TenantTeamsApp | undefined;
  if (row.teams_enabled && row.teams_app_id) {
    const password = open('teams.appPassword', row.teams_app_password_sealed);
    if (password) teams = { appId: row.teams_app_id, password, ...(row.teams_app_tenant_id ? { tenantId: row.teams_app_tenant_id } : {}) };
  }
  return { slack, teams, unreadable };
}
