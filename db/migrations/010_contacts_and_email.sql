-- Every email Portico sends is a row here first, so a send survives a restart and a failed one is tried again later.
-- Without SMTP_URL an email stays 'held': the outbox that admins read. With it an email is 'pending' until an SMTP
-- server accepts it ('sent', its text then erased since it holds a password) or the attempts run out ('failed').
CREATE TABLE outbound_emails (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  contact_id uuid,
  kind text NOT NULL CHECK (kind IN ('welcome')),
  from_name text NOT NULL,
  from_address text NOT NULL,
  to_address text NOT NULL,
  subject text NOT NULL,
  text text,
  status text NOT NULL CHECK (status IN ('held', 'pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE SET NULL (contact_id),
  CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL)),
  CHECK (status = 'sent' OR text IS NOT NULL)
);
CREATE INDEX outbound_emails_recent ON outbound_emails (tenant_id, created_at DESC);
CREATE INDEX outbound_emails_due ON outbound_emails (next_attempt_at) WHERE status = 'pending';
CREATE INDEX outbound_emails_age ON outbound_emails (created_at);

-- One company per email domain in a tenant is already the primary key; listing a company's domains needs this.
CREATE INDEX company_email_domains_company ON company_email_domains (tenant_id, company_id);
