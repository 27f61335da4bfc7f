import type pg from 'pg';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { lockChatApps, saveChatApps, type ChatAppsValues } from '../../db/repositories/chat-apps.js';
import { withTransaction } from '../../db/transaction.js';
import { requireAdmin } from '../access/require.js';
import type { Ctx } from '../context.js';
import { requireSecretBox } from '../embed/embed-secret.js';
import { AppError } from '../errors.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { chatAppSealingContext, SECRET_FIELDS, type SecretField } from './chat-app-secrets.js';
import type { ChatApps, ChatAppsPatch } from './chat-apps-schemas.js';
import { chatAppsView } from './get-chat-apps.js';

export type ChatAppsDeps = { pool: pg.Pool; secrets: SecretBox | undefined };

const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

/** The value a change gives a field: the new one, null to clear it, undefined to keep it. */
function changeOf(patch: ChatAppsPatch, field: SecretField): string | null | undefined {
  const [app, name] = field.split('.') as ['slack' | 'teams', string];
  return (patch[app] as Record<string, string | null | undefined> | undefined)?.[name];
}

/** Each field's form, refused by name (the field, never its value) so the console can say it beside the field. */
function checkForms(patch: ChatAppsPatch): void {
  const refuse = (field: string, rule: string) =>
    new AppError('chat_app_field_invalid', `${field} is not valid`, { messageKey: `errors.chat_app_field_invalid.${rule}`, details: { field } });
  const { slack, teams } = patch;
  if (slack?.botToken && !slack.botToken.startsWith('xoxb-')) throw refuse('slack.botToken', 'bot_token');
  if (slack?.appToken && !slack.appToken.startsWith('xapp-')) throw refuse('slack.appToken', 'app_token');
  // As for SLACK_API_URL: Slack's own is https; http serves a proxy or a test server on the operator's network.
  if (slack?.apiUrl && !isHttpUrl(slack.apiUrl)) throw refuse('slack.apiUrl', 'api_url');
  if (teams?.appId && !GUID.test(teams.appId)) throw refuse('teams.appId', 'guid');
  if (teams?.appTenantId && !GUID.test(teams.appTenantId)) throw refuse('teams.appTenantId', 'guid');
}

/**
 * Changes the tenant's own Slack and Teams apps (admins). A secret left out of the change is kept, null clears it; new
 * secrets are sealed with the server's key before they are stored. An app is enabled only with what it needs to check
 * a request and answer it. The audit entry names the fields that changed, never their values.
 */
export async function updateChatApps(deps: ChatAppsDeps, ctx: Ctx, patch: ChatAppsPatch): Promise<ChatApps> {
  requireAdmin(ctx);
  checkForms(patch);
  const fields = Object.keys(SECRET_FIELDS) as SecretField[];
  const box = fields.some((field) => typeof changeOf(patch, field) === 'string') ? requireSecretBox(deps.secrets) : undefined;
  return withTransaction(deps.pool, async (client) => {
    const row = (await lockChatApps(client, ctx.tenantId))!;
    const { tenant_id: _tenant, updated_at: _at, ...before } = row;
    const next: ChatAppsValues = { ...before };
    const changed: string[] = [];
    const cleared: string[] = [];
    for (const field of fields) {
      const value = changeOf(patch, field);
      if (value === undefined) continue;
      const column = SECRET_FIELDS[field];
      if (value === null) {
        if (next[column] !== null) cleared.push(field);
        next[column] = null;
      } else {
        next[column] = box!.seal(value, chatAppSealingContext(ctx.tenantId, field));
        changed.push(field);
      }
    }
    const botToken = patch.slack?.botToken;
    if (botToken !== undefined) next.slack_bot_token_last4 = botToken === null ? null : botToken.slice(-4);
    const plain = [
      ['slack.apiUrl', 'slack_api_url', patch.slack?.apiUrl],
      ['teams.appId', 'teams_app_id', patch.teams?.appId],
      ['teams.appTenantId', 'teams_app_tenant_id', patch.teams?.appTenantId],
    ] as const;
    for (const [field, column, given] of plain) {
      const value = given === '' ? null : given;
      if (value === undefined || value === next[column]) continue;
      next[column] = value;
      (value === null ? cleared : changed).push(field);
    }
    if (patch.slack?.enabled !== undefined) next.slack_enabled = patch.slack.enabled;
    if (patch.teams?.enabled !== undefined) next.teams_enabled = patch.teams.enabled;
    if (next.slack_enabled && (!next.slack_signing_secret_sealed || !next.slack_bot_token_sealed)) {
      throw new AppError('chat_app_incomplete', 'Slack needs its signing secret and bot token', { params: { app: 'Slack' }, details: { app: 'slack' } });
    }
    if (next.teams_enabled && (!next.teams_app_id || !next.teams_app_password_sealed)) {
      throw new AppError('chat_app_incomplete', 'Teams needs its app ID and password', { params: { app: 'Microsoft Teams' }, details: { app: 'teams' } });
    }
    const saved = await saveChatApps(client, ctx.tenantId, next);
    await insertAuditEntry(client, ctx.tenantId, {
      actorKind: 'technician',
      actorId: ctx.actor.id,
      action: 'chat_apps.updated',
      details: { changed, cleared, slackEnabled: saved.slack_enabled, teamsEnabled: saved.teams_enabled },
    });
    return chatAppsView(client, ctx.tenantId, saved);
  });
}
