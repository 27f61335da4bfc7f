import type pg from 'pg';
import { findChatApps, type ChatAppsRow } from '../../db/repositories/chat-apps.js';
import type { Queryable } from '../../db/transaction.js';
import { requireAdmin } from '../access/require.js';
import type { Ctx } from '../context.js';
import { portalHostnames } from '../email/queue-welcome-email.js';
import type { ChatApps } from './chat-apps-schemas.js';

/** What the console shows of the stored apps: which secrets are saved, never their values. */
export async function chatAppsView(q: Queryable, tenantId: string, row: ChatAppsRow | undefined): Promise<ChatApps> {
  const origin = `https://${(await portalHostnames(q, tenantId)).portal}`;
  return {
    slack: {
      enabled: row?.slack_enabled ?? false,
      signingSecret: { set: Boolean(row?.slack_signing_secret_sealed) },
      botToken: { set: Boolean(row?.slack_bot_token_sealed), last4: row?.slack_bot_token_sealed ? row.slack_bot_token_last4 : null },
      apiUrl: row?.slack_api_url ?? null,
      appToken: { set: Boolean(row?.slack_app_token_sealed) },
      requestUrl: `${origin}/integrations/slack/events`,
    },
    teams: {
      enabled: row?.teams_enabled ?? false,
      appId: row?.teams_app_id ?? null,
      appPassword: { set: Boolean(row?.teams_app_password_sealed) },
      appTenantId: row?.teams_app_tenant_id ?? null,
      messagingEndpoint: `${origin}/integrations/teams/messages`,
    },
  };
}

/** The tenant's own Slack and Teams apps (admins). */
export async function getChatApps(pool: pg.Pool, ctx: Ctx): Promise<ChatApps> {
  requireAdmin(ctx);
  return chatAppsView(pool, ctx.tenantId, await findChatApps(pool, ctx.tenantId));
}
