-- Every message the inbound SMTP listener accepts is a row here before its 250, so a crash after the answer loses
-- nothing, and a sender's retry of the same Message-ID is recognised instead of opening a second ticket.
CREATE TABLE inbound_emails (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  message_id text NOT NULL,
  from_address text NOT NULL,
  subject text NOT NULL,
  text text NOT NULL,
  outcome text NOT NULL DEFAULT 'received'
    CHECK (outcome IN ('received', 'ticket', 'comment', 'queued', 'refused', 'ignored', 'failed')),
  ticket_id uuid,
  contact_id uuid,
  detail text,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, message_id),
  FOREIGN KEY (tenant_id, ticket_id) REFERENCES tickets (tenant_id, id) ON DELETE SET NULL (ticket_id),
  FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE SET NULL (contact_id)
);
CREATE INDEX inbound_emails_recent ON inbound_emails (tenant_id, received_at DESC);
CREATE INDEX inbound_emails_ticket ON inbound_emails (tenant_id, ticket_id) WHERE ticket_id IS NOT NULL;

-- Ticket notifications and auto-replies go through the same outbox as welcome emails. Each carries a Message-ID that a
-- reply's In-Reply-To or References names, so the reply threads into its ticket; the notification key makes a
-- notification announced twice (two nodes, a retried event) one email.
ALTER TABLE outbound_emails DROP CONSTRAINT outbound_emails_kind_check;
ALTER TABLE outbound_emails ADD CONSTRAINT outbound_emails_kind_check
  CHECK (kind IN ('welcome', 'ticket_created', 'ticket_reply', 'ticket_resolved', 'auto_reply'));
ALTER TABLE outbound_emails ADD COLUMN message_id text;
ALTER TABLE outbound_emails ADD COLUMN in_reply_to text;
ALTER TABLE outbound_emails ADD COLUMN reply_to text;
ALTER TABLE outbound_emails ADD COLUMN ticket_id uuid;
ALTER TABLE outbound_emails ADD COLUMN notification_key text;
ALTER TABLE outbound_emails ADD CONSTRAINT outbound_emails_ticket_fk
  FOREIGN KEY (tenant_id, ticket_id) REFERENCES tickets (tenant_id, id) ON DELETE SET NULL (ticket_id);
CREATE UNIQUE INDEX outbound_emails_notification ON outbound_emails (tenant_id, notification_key) WHERE notification_key IS NOT NULL;
CREATE INDEX outbound_emails_message_id ON outbound_emails (tenant_id, message_id) WHERE message_id IS NOT NULL;

-- The Message-IDs of the notifications about a ticket, kept after the outbox purges the emails themselves, so a reply
-- to a months-old notification still finds its ticket.
CREATE TABLE ticket_email_threads (
  tenant_id uuid NOT NULL,
  message_id text NOT NULL,
  ticket_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, message_id),
  FOREIGN KEY (tenant_id, ticket_id) REFERENCES tickets (tenant_id, id) ON DELETE CASCADE
);
