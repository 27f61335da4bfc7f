-- Files of a ticket: an email's attachments, kept in the database like the rest of the ticket, so an embedded install
-- and several nodes on one Postgres read the same files and a backup holds them. Each belongs to the ticket, and to the
-- comment it came with when it came with one (its visibility is that comment's).
CREATE TABLE ticket_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL,
  ticket_id uuid NOT NULL,
  comment_id uuid REFERENCES ticket_comments(id) ON DELETE CASCADE,
  filename text NOT NULL,
  -- The type its content was recognised as, never the one the sender declared.
  content_type text NOT NULL,
  size integer NOT NULL CHECK (size > 0),
  content bytea NOT NULL,
  -- The clock's time rather than the transaction's, so the files of one message list in their order.
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  FOREIGN KEY (tenant_id, ticket_id) REFERENCES tickets (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ticket_attachments_ticket ON ticket_attachments (tenant_id, ticket_id, created_at);
CREATE INDEX ticket_attachments_comment ON ticket_attachments (comment_id) WHERE comment_id IS NOT NULL;
