-- A tenant's own Slack and Teams apps, configured by its admins in the console. The secrets are sealed with the
-- server's key (SecretBox, bound to the tenant and the field) and never leave the server in clear; the bot token's
-- last four characters are kept apart so the console can show which token is saved without opening it.
CREATE TABLE tenant_chat_apps (
  tenant_id uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
  slack_enabled boolean NOT NULL DEFAULT false,
  slack_signing_secret_sealed text,
  slack_bot_token_sealed text,
  slack_bot_token_last4 text,
  slack_api_url text,
  slack_app_token_sealed text,
  teams_enabled boolean NOT NULL DEFAULT false,
  teams_app_id text,
  teams_app_password_sealed text,
  teams_app_tenant_id text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- An enabled app has what it needs to check a request and to answer it.
  CHECK (NOT slack_enabled OR (slack_signing_secret_sealed IS NOT NULL AND slack_bot_token_sealed IS NOT NULL)),
  CHECK (NOT teams_enabled OR (teams_app_id IS NOT NULL AND teams_app_password_sealed IS NOT NULL))
);
