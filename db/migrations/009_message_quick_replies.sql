-- The answers an assistant's question offers as buttons (which device, yes or no), kept with the message so that a
-- restored conversation offers them again.
ALTER TABLE messages ADD COLUMN quick_replies jsonb NOT NULL DEFAULT '[]';
