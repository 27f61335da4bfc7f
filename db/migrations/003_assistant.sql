-- The software a tenant lets its users install; an install is offered only from here.
CREATE TABLE catalog_apps (
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  id text NOT NULL CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text NOT NULL,
  publisher text NOT NULL DEFAULT '',
  aliases text[] NOT NULL DEFAULT '{}',
  category text,
  chocolatey_id text,
  homebrew_id text,
  homebrew_cask boolean NOT NULL DEFAULT false,
  apt_id text,
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE action_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL,
  contact_id uuid NOT NULL,
  device_id uuid NOT NULL,
  conversation_id uuid,
  kind text NOT NULL CHECK (kind IN ('restart', 'lock', 'shutdown', 'logout', 'reset_password', 'install')),
  app_id text,
  app_name text,
  status text NOT NULL DEFAULT 'awaiting_confirmation' CHECK (status IN ('awaiting_confirmation', 'awaiting_code', 'queued',
    'dispatched', 'running', 'succeeded', 'failed', 'expired', 'cancelled')),
  detail text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id) ON DELETE SET NULL (conversation_id),
  CHECK ((kind = 'install') = (app_id IS NOT NULL))
);
CREATE INDEX action_requests_contact ON action_requests (tenant_id, contact_id, created_at DESC);
CREATE INDEX action_requests_conversation ON action_requests (tenant_id, conversation_id, created_at);

-- Tool results stay with the assistant message that used them, for the transcript and for later turns.
ALTER TABLE messages ADD COLUMN tool_results jsonb NOT NULL DEFAULT '[]';
ALTER TABLE messages ADD COLUMN limited_mode boolean NOT NULL DEFAULT false;

-- What the local engine is waiting for (a device to pick, a ticket number), kept between turns.
ALTER TABLE conversations ADD COLUMN pending jsonb;
