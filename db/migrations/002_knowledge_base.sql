CREATE EXTENSION IF NOT EXISTS unaccent;

-- One full-text configuration per portal language, accent-insensitive: users type "reinitialiser" for "réinitialiser".
CREATE TEXT SEARCH CONFIGURATION portico_en (COPY = english);
ALTER TEXT SEARCH CONFIGURATION portico_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION portico_fr (COPY = french);
ALTER TEXT SEARCH CONFIGURATION portico_fr ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
CREATE TEXT SEARCH CONFIGURATION portico_de (COPY = german);
ALTER TEXT SEARCH CONFIGURATION portico_de ALTER MAPPING FOR hword, hword_part, word WITH unaccent, german_stem;
CREATE TEXT SEARCH CONFIGURATION portico_es (COPY = spanish);
ALTER TEXT SEARCH CONFIGURATION portico_es ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
CREATE TEXT SEARCH CONFIGURATION portico_it (COPY = italian);
ALTER TEXT SEARCH CONFIGURATION portico_it ALTER MAPPING FOR hword, hword_part, word WITH unaccent, italian_stem;

CREATE TABLE kb_articles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title text NOT NULL,
  body_md text NOT NULL,
  lang text NOT NULL CHECK (lang IN ('en', 'fr', 'de', 'es', 'it')),
  tags text[] NOT NULL DEFAULT '{}',
  visibility text NOT NULL DEFAULT 'portal' CHECK (visibility IN ('portal', 'technicians')),
  -- Where an import found it, so that re-importing a folder updates instead of duplicating.
  source_path text,
  content_hash text NOT NULL,
  view_count integer NOT NULL DEFAULT 0,
  helpful_count integer NOT NULL DEFAULT 0,
  not_helpful_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, slug),
  UNIQUE (tenant_id, id)
);
CREATE UNIQUE INDEX kb_articles_source ON kb_articles (tenant_id, source_path) WHERE source_path IS NOT NULL;
CREATE INDEX kb_articles_views ON kb_articles (tenant_id, view_count DESC);

-- The embedding column takes its dimension from the embedder in use (see kb_index_state); HNSW needs a typed column.
CREATE TABLE kb_chunks (
  id bigserial PRIMARY KEY,
  tenant_id uuid NOT NULL,
  article_id uuid NOT NULL,
  position integer NOT NULL,
  heading_path text NOT NULL DEFAULT '',
  text text NOT NULL,
  lang text NOT NULL,
  visibility text NOT NULL,
  concepts text[] NOT NULL DEFAULT '{}',
  fts tsvector NOT NULL,
  embedding vector,
  FOREIGN KEY (tenant_id, article_id) REFERENCES kb_articles (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX kb_chunks_article ON kb_chunks (tenant_id, article_id, position);
CREATE INDEX kb_chunks_fts ON kb_chunks USING gin (fts);

-- How many chunks hold each full-text lexeme (the empty lexeme counts all chunks), kept with the chunks so
-- that search can drop query terms too common to mean anything without counting at query time.
CREATE TABLE kb_term_stats (
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  visibility text NOT NULL,
  lexeme text NOT NULL,
  chunks integer NOT NULL,
  PRIMARY KEY (tenant_id, lexeme, visibility)
);

CREATE TABLE kb_index_state (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  embedder text NOT NULL,
  dimension integer NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
