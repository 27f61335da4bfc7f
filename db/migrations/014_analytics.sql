-- Questions the assistant searched the knowledge base for and found no article that answers them: the console groups
-- them by meaning so that someone writes the missing articles. The vector is filled on first read by the embedder in
-- use (named beside it) and made again when the embedder changes.
CREATE TABLE kb_unanswered_questions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  question text NOT NULL,
  lang text NOT NULL CHECK (lang IN ('en', 'fr', 'de', 'es', 'it')),
  asked_at timestamptz NOT NULL DEFAULT now(),
  embedder text,
  embedding real[],
  FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id) ON DELETE CASCADE,
  UNIQUE (tenant_id, conversation_id, question)
);
CREATE INDEX kb_unanswered_questions_asked ON kb_unanswered_questions (tenant_id, asked_at);

-- Each "Was this article helpful?" answer with its date and the reader's company, so the figures can be read for a
-- period and a company; the counters on kb_articles stay the all-time totals (answers given before this table have
-- no row).
CREATE TABLE kb_article_feedback (
  id bigserial PRIMARY KEY,
  tenant_id uuid NOT NULL,
  article_id uuid NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('contact', 'technician')),
  actor_id uuid NOT NULL,
  company_id uuid,
  helpful boolean NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, article_id) REFERENCES kb_articles (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX kb_article_feedback_created ON kb_article_feedback (tenant_id, created_at);

-- The analytics read a tenant's sessions and action requests by when they started.
CREATE INDEX conversations_created ON conversations (tenant_id, created_at);
CREATE INDEX action_requests_created ON action_requests (tenant_id, created_at);
