-- A technician takes over a chat: while one is in, the user's messages go to them and the assistant stays silent.
-- Held in the database, not in a node's memory, so that every node sees who is in.
ALTER TABLE conversations ADD COLUMN technician_id uuid;
ALTER TABLE conversations ADD COLUMN technician_joined_at timestamptz;
ALTER TABLE conversations ADD CONSTRAINT conversations_technician_fk
  FOREIGN KEY (tenant_id, technician_id) REFERENCES technicians (tenant_id, id) ON DELETE SET NULL (technician_id);
-- The console lists the tenant's recent conversations, newest activity first.
CREATE INDEX conversations_activity ON conversations (tenant_id, updated_at DESC);

-- A technician's message shows who wrote it, also after the technician is removed.
ALTER TABLE messages ADD COLUMN author_name text;
