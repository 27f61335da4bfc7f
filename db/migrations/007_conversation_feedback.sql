-- "Did this solve it?": a user's answer to one of the assistant's replies, the ground for the console's resolution figures.
CREATE TABLE conversation_feedback (
  message_id uuid PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  solved boolean NOT NULL,
  answered_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX conversation_feedback_conversation ON conversation_feedback (tenant_id, conversation_id);
CREATE INDEX conversation_feedback_answered ON conversation_feedback (tenant_id, answered_at);
