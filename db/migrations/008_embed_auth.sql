-- A session reaches the server in the portal's cookie or, for the widget embedded on another origin where browsers
-- block third-party cookies, as a bearer token. A token lives an hour unless refreshed; only a token may be refreshed.
ALTER TABLE sessions ADD COLUMN transport text NOT NULL DEFAULT 'cookie' CHECK (transport IN ('cookie', 'token'));

-- The secret a tenant's host pages sign verified identities with, encrypted with the server's key (AES-256-GCM).
CREATE TABLE embed_secrets (
  tenant_id uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
  secret_encrypted text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Each signed identity signs in once: its signature's hash is kept until the signature expires.
CREATE TABLE embed_identity_uses (
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  signature_hash text NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, signature_hash)
);
CREATE INDEX embed_identity_uses_expiry ON embed_identity_uses (expires_at);

-- A verified identity names its contact by canonical email.
CREATE INDEX contacts_email ON contacts (tenant_id, email);
