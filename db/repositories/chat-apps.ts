import type { Queryable } from '../transaction.js';

/** A tenant's own Slack and Teams apps as stored: secrets sealed, never in clear. */
export type ChatAppsRow = {
  tenant_id: string;
  slack_enabled: boolean;
  slack_signing_secret_sealed: string | null;
  slack_bot_token_sealed: string | null;
  slack_bot_token_last4: string | null;
  slack_api_url: string | null;
  slack_app_token_sealed: string | null;
  teams_enabled: boolean;
  teams_app_id: string | null;
  teams_app_password_sealed: string | null;
  teams_app_tenant_id: string | null;
  updated_at: Date;
};

export type ChatAppsValues = Omit<ChatAppsRow, 'tenant_id' | 'updated_at'>;

export async function findChatApps(q: Queryable, tenantId: string): Promise<ChatAppsRow | undefined> {
  const { rows } = await q.query<ChatAppsRow>('SELECT * FROM tenant_chat_apps WHERE tenant_id = $1', [tenantId]);
  return rows[0];
}

/** The row, locked until the caller's transaction ends, so two admins' saves apply one after the other. */
export async function lockChatApps(q: Queryable, tenantId: string): Promise<ChatAppsRow | undefined> {
  await q.query('INSERT INTO tenant_chat_apps (tenant_id) VALUES ($1) ON CONFLICT (tenant_id) DO NOTHING', [tenantId]);
  const { rows } = await q.query<ChatAppsRow>('SELECT * FROM tenant_chat_apps WHERE tenant_id = $1 FOR UPDATE', [tenantId]);
  return rows[0];
}

export async function saveChatApps(q: Queryable, tenantId: string, values: ChatAppsValues): Promise<ChatAppsRow> {
  const { rows } = await q.query<ChatAppsRow>(
    `UPDATE tenant_chat_apps SET slack_enabled = $2, slack_signing_secret_sealed = $3, slack_bot_token_sealed = $4,
       slack_bot_token_last4 = $5, slack_api_url = $6, slack_app_token_sealed = $7, teams_enabled = $8, teams_app_id = $9,
       teams_app_password_sealed = $10, teams_app_tenant_id = $11, updated_at = now()
     WHERE tenant_id = $1 RETURNING *`,
    [
      tenantId,
      values.slack_enabled,
      values.slack_signing_secret_sealed,
      values.slack_bot_token_sealed,
      values.slack_bot_token_last4,
      values.slack_api_url,
      values.slack_app_token_sealed,
      values.teams_enabled,
      values.teams_app_id,
      values.teams_app_password_sealed,
      values.teams_app_tenant_id,
    ],
  );
  return rows[0]!;
}

/** The tenants whose own Slack app is on and has an app-level token: those reached by Socket Mode. */
export async function listSlackSocketModeTenants(q: Queryable): Promise<string[]> {
  const { rows } = await q.query<{ tenant_id: string }>(
    'SELECT tenant_id FROM tenant_chat_apps WHERE slack_enabled AND slack_app_token_sealed IS NOT NULL ORDER BY tenant_id',
  );
  return rows.map((row) => row.tenant_id);
}
