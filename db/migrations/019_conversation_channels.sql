-- A conversation remembers the channel it lives in, so replies (the assistant's, a technician's, an action's news) go
-- back there. `channel_thread` names the conversation within its channel (for Slack: team, channel, thread and user),
-- unique per tenant so a message in a known thread continues its conversation; `channel_address` is what the channel
-- needs to answer there. The widget's conversations need neither.
ALTER TABLE conversations ADD COLUMN channel text NOT NULL DEFAULT 'widget'
  CHECK (channel IN ('widget', 'slack', 'teams', 'email'));
ALTER TABLE conversations ADD COLUMN channel_thread text;
ALTER TABLE conversations ADD COLUMN channel_address jsonb;
ALTER TABLE conversations ADD CONSTRAINT conversations_channel_thread
  CHECK ((channel = 'widget') = (channel_thread IS NULL));
CREATE UNIQUE INDEX conversations_in_channel ON conversations (tenant_id, channel, channel_thread) WHERE channel_thread IS NOT NULL;
