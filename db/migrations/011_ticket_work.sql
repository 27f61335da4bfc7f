-- Technicians work tickets: each ticket may be assigned to one technician of its tenant.
ALTER TABLE tickets ADD COLUMN assignee_id uuid;
ALTER TABLE tickets ADD CONSTRAINT tickets_assignee_fk
  FOREIGN KEY (tenant_id, assignee_id) REFERENCES technicians (tenant_id, id) ON DELETE SET NULL (assignee_id);
CREATE INDEX tickets_assignee ON tickets (tenant_id, assignee_id, updated_at DESC);
-- The technicians' queue reads the whole tenant, newest update first.
CREATE INDEX tickets_queue ON tickets (tenant_id, updated_at DESC, number DESC);

-- The assistant's escalation summary was stored as a system comment; it is the assistant's, and says so.
ALTER TABLE ticket_comments DROP CONSTRAINT ticket_comments_author_kind_check;
ALTER TABLE ticket_comments ADD CONSTRAINT ticket_comments_author_kind_check
  CHECK (author_kind IN ('contact', 'technician', 'assistant', 'system'));
UPDATE ticket_comments SET author_kind = 'assistant' WHERE author_kind = 'system' AND author_id IS NULL AND author_name = 'AI assistant';
