-- Device agents: a device is enrolled once with a company's enrollment token and then authenticates with its own token.
ALTER TABLE devices ADD COLUMN agent_token_hash text UNIQUE;
ALTER TABLE devices ADD COLUMN agent_version text;
ALTER TABLE devices ADD COLUMN logged_in_user text;
ALTER TABLE devices ADD COLUMN online boolean NOT NULL DEFAULT false;
ALTER TABLE devices ADD COLUMN enrolled_at timestamptz;

CREATE TABLE enrollment_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  company_id uuid NOT NULL,
  -- A token made for one person's computer assigns the device to them on enrollment.
  contact_id uuid,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  uses integer NOT NULL DEFAULT 0,
  FOREIGN KEY (tenant_id, company_id) REFERENCES companies (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE CASCADE
);

-- What the device answered: kept for the technician; never the temporary password of a reset.
ALTER TABLE action_requests ADD COLUMN exit_code integer;
ALTER TABLE action_requests ADD COLUMN output text;
ALTER TABLE action_requests ADD COLUMN installed_version text;
ALTER TABLE action_requests ADD COLUMN verified_at timestamptz;
CREATE INDEX action_requests_device_pending ON action_requests (device_id) WHERE status IN ('queued', 'dispatched', 'running');
CREATE INDEX action_requests_expiring ON action_requests (expires_at) WHERE status IN ('awaiting_confirmation', 'awaiting_code', 'queued');

-- Every status an action request went through, for the chat ticket's action log.
CREATE TABLE action_request_events (
  id bigserial PRIMARY KEY,
  tenant_id uuid NOT NULL,
  action_id uuid NOT NULL,
  status text NOT NULL,
  detail text,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, action_id) REFERENCES action_requests (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX action_request_events_action ON action_request_events (tenant_id, action_id, id);

-- SMS codes that verify an action; only a salted hash of the code is kept.
CREATE TABLE verification_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL,
  contact_id uuid NOT NULL,
  action_id uuid NOT NULL,
  code_hash text NOT NULL,
  salt text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  voided_at timestamptz,
  FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, action_id) REFERENCES action_requests (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX verification_codes_action ON verification_codes (tenant_id, action_id, created_at DESC);
CREATE INDEX verification_codes_contact ON verification_codes (tenant_id, contact_id, created_at DESC);

-- Text messages kept when no SMS provider is configured, so a technician can read them (and a demo be completed).
CREATE TABLE sms_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  to_phone text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sms_outbox_recent ON sms_outbox (tenant_id, created_at DESC);
