-- A contact import runs in the background; any node answers its progress and its report per row from here.
-- `updated_at` moves with every batch of rows, so a job whose node died shows as interrupted instead of running forever;
-- one import runs at a time per tenant.
CREATE TABLE contact_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  created_by uuid NOT NULL,
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'interrupted')),
  total integer NOT NULL CHECK (total >= 0),
  columns jsonb NOT NULL DEFAULT '{}',
  ignored_columns text[] NOT NULL DEFAULT '{}',
  processed integer NOT NULL DEFAULT 0,
  rows jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contact_imports_tenant ON contact_imports (tenant_id, created_at DESC);
CREATE UNIQUE INDEX contact_imports_one_running ON contact_imports (tenant_id) WHERE status = 'running';

-- The custom hostname an admin chose and where its DNS check stands. It answers requests only once active, when it
-- is also written into tenant_hostnames (kind 'custom'); the unique name keeps two tenants from claiming one host.
CREATE TABLE tenant_custom_hostnames (
  tenant_id uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
  hostname text NOT NULL UNIQUE CHECK (hostname = lower(hostname)),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'failed')),
  misses integer NOT NULL DEFAULT 0,
  last_checked_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tenant_custom_hostnames_due ON tenant_custom_hostnames (last_checked_at NULLS FIRST);
