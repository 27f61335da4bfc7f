import type pg from 'pg';
import { withTransaction, type Queryable } from '../transaction.js';

export type ArticleVisibility = 'portal' | 'technicians';

export type ArticleRow = {
  id: string;
  slug: string;
  title: string;
  body_md: string;
  lang: string;
  tags: string[];
  visibility: ArticleVisibility;
  source_path: string | null;
  content_hash: string;
  view_count: number;
  helpful_count: number;
  not_helpful_count: number;
  created_at: Date;
  updated_at: Date;
};

export type ChunkInput = { position: number; headingPath: string; text: string; concepts: string[]; embedding: number[] | null };

const ARTICLE_COLUMNS = `id, slug, title, body_md, lang, tags, visibility, source_path, content_hash, view_count,
  helpful_count, not_helpful_count, created_at, updated_at`;

export async function findArticle(
  q: Queryable,
  tenantId: string,
  by: { id: string } | { slug: string } | { sourcePath: string },
): Promise<ArticleRow | undefined> {
  const [column, value] = 'id' in by ? ['id', by.id] : 'slug' in by ? ['slug', by.slug] : ['source_path', by.sourcePath];
  const { rows } = await q.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM kb_articles WHERE tenant_id = $1 AND ${column} = $2`, [
    tenantId,
    value,
  ]);
  return rows[0];
}

export async function insertArticle(
  q: Queryable,
  tenantId: string,
  input: { slug: string; title: string; bodyMd: string; lang: string; tags: string[]; visibility: ArticleVisibility; sourcePath: string | null; contentHash: string },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO kb_articles (tenant_id, slug, title, body_md, lang, tags, visibility, source_path, content_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [tenantId, input.slug, input.title, input.bodyMd, input.lang, input.tags, input.visibility, input.sourcePath, input.contentHash],
  );
  return rows[0]!.id;
}

export async function updateArticle(
  q: Queryable,
  tenantId: string,
  id: string,
  input: { slug: string; title: string; bodyMd: string; lang: string; tags: string[]; visibility: ArticleVisibility; sourcePath: string | null; contentHash: string },
): Promise<void> {
  await q.query(
    `UPDATE kb_articles SET slug = $3, title = $4, body_md = $5, lang = $6, tags = $7, visibility = $8, source_path = $9,
       content_hash = $10, updated_at = now()
     WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id, input.slug, input.title, input.bodyMd, input.lang, input.tags, input.visibility, input.sourcePath, input.contentHash],
  );
}

export async function deleteArticle(q: Queryable, tenantId: string, id: string): Promise<boolean> {
  await deleteChunks(q, tenantId, id);
  const { rowCount } = await q.query('DELETE FROM kb_articles WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
  return (rowCount ?? 0) > 0;
}

export async function listImportedArticles(q: Queryable, tenantId: string): Promise<{ id: string; source_path: string; slug: string }[]> {
  const { rows } = await q.query<{ id: string; source_path: string; slug: string }>(
    'SELECT id, source_path, slug FROM kb_articles WHERE tenant_id = $1 AND source_path IS NOT NULL',
    [tenantId],
  );
  return rows;
}

/** Deletes an article's chunks and takes their lexemes out of the term counts. */
export async function deleteChunks(q: Queryable, tenantId: string, articleId: string): Promise<void> {
  await q.query(
    `WITH gone AS (
       DELETE FROM kb_chunks WHERE tenant_id = $1 AND article_id = $2 RETURNING visibility, fts
     ),
     counts AS (
       SELECT visibility, lexeme, count(*) AS n FROM (
         SELECT visibility, unnest(tsvector_to_array(fts)) AS lexeme FROM gone
         UNION ALL SELECT visibility, '' FROM gone) l
       GROUP BY visibility, lexeme
     )
     UPDATE kb_term_stats s SET chunks = s.chunks - counts.n FROM counts
     WHERE s.tenant_id = $1 AND s.visibility = counts.visibility AND s.lexeme = counts.lexeme`,
    [tenantId, articleId],
  );
}

/** Replaces an article's chunks; the full-text vector is built here, in the article's language, and counted. */
export async function replaceChunks(q: Queryable, tenantId: string, article: { id: string; title: string; lang: string; visibility: ArticleVisibility }, chunks: ChunkInput[]): Promise<void> {
  await deleteChunks(q, tenantId, article.id);
  if (chunks.length === 0) return;
  // Concepts travel as JSON strings: node-postgres cannot send an array of arrays.
  await q.query(
    `INSERT INTO kb_chunks (tenant_id, article_id, position, heading_path, text, lang, visibility, concepts, fts, embedding)
     SELECT $1, $2, c.position, c.heading, c.text, $4, $5, cc.concepts,
       setweight(to_tsvector(('portico_' || $4)::regconfig, $3), 'A')
         || setweight(to_tsvector(('portico_' || $4)::regconfig, c.heading), 'B')
         || setweight(to_tsvector(('portico_' || $4)::regconfig, c.text), 'C')
         || setweight(array_to_tsvector(cc.concepts), 'B'),
       c.embedding::vector
     FROM unnest($6::int[], $7::text[], $8::text[], $9::text[], $10::text[]) AS c(position, heading, text, concepts_json, embedding)
     CROSS JOIN LATERAL (SELECT ARRAY(SELECT json_array_elements_text(c.concepts_json::json)) AS concepts) cc`,
    [
      tenantId,
      article.id,
      article.title,
      article.lang,
      article.visibility,
      chunks.map((c) => c.position),
      chunks.map((c) => c.headingPath),
      chunks.map((c) => c.text),
      chunks.map((c) => JSON.stringify(c.concepts)),
      chunks.map((c) => (c.embedding ? `[${c.embedding.join(',')}]` : null)),
    ],
  );
  await q.query(
    `INSERT INTO kb_term_stats (tenant_id, visibility, lexeme, chunks)
     SELECT $1, visibility, lexeme, count(*) FROM (
       SELECT visibility, unnest(tsvector_to_array(fts)) AS lexeme FROM kb_chunks WHERE tenant_id = $1 AND article_id = $2
       UNION ALL SELECT visibility, '' FROM kb_chunks WHERE tenant_id = $1 AND article_id = $2) l
     GROUP BY visibility, lexeme
     ON CONFLICT (tenant_id, lexeme, visibility) DO UPDATE SET chunks = kb_term_stats.chunks + EXCLUDED.chunks`,
    [tenantId, article.id],
  );
}

export async function findIndexState(q: Queryable): Promise<{ embedder: string; dimension: number } | undefined> {
  const { rows } = await q.query<{ embedder: string; dimension: number }>('SELECT embedder, dimension FROM kb_index_state');
  return rows[0];
}

/**
 * Gives the embedding column the embedder's dimension and an HNSW index. Changing the dimension clears
 * the stored vectors, which a reindex then refills.
 */
export async function prepareVectorColumn(q: Queryable, embedder: string, dimension: number): Promise<void> {
  const { rows } = await q.query<{ typmod: number }>(
    `SELECT atttypmod AS typmod FROM pg_attribute WHERE attrelid = 'kb_chunks'::regclass AND attname = 'embedding'`,
  );
  if (rows[0]?.typmod !== dimension) {
    await q.query('DROP INDEX IF EXISTS kb_chunks_embedding');
    await q.query('UPDATE kb_chunks SET embedding = NULL');
    await q.query(`ALTER TABLE kb_chunks ALTER COLUMN embedding TYPE vector(${Number(dimension)})`);
  }
  await q.query(
    `INSERT INTO kb_index_state (singleton, embedder, dimension, updated_at) VALUES (true, $1, $2, now())
     ON CONFLICT (singleton) DO UPDATE SET embedder = EXCLUDED.embedder, dimension = EXCLUDED.dimension, updated_at = now()`,
    [embedder, dimension],
  );
}

// pgvector builds the HNSW graph in memory while it fits in maintenance_work_mem (64 MB by default) and much more
// slowly on disk past it; 50,000 chunks of 512 dimensions need about 150 MB.
const INDEX_BUILD_MEMORY = '256MB';

/** Built after bulk loads: building HNSW over existing rows is much faster than growing it row by row. */
export async function ensureVectorIndex(pool: pg.Pool): Promise<void> {
  await withTransaction(pool, async (client) => {
    await client.query(`SET LOCAL maintenance_work_mem = '${INDEX_BUILD_MEMORY}'`);
    await client.query('CREATE INDEX IF NOT EXISTS kb_chunks_embedding ON kb_chunks USING hnsw (embedding vector_cosine_ops)');
  });
}

/** PGlite runs no autovacuum: after a bulk load the planner would keep its empty-table estimates and scan everything. */
export async function analyzeKnowledgeBase(q: Queryable): Promise<void> {
  await q.query('ANALYZE kb_chunks, kb_articles, kb_term_stats');
}

export async function dropVectorIndex(q: Queryable): Promise<void> {
  await q.query('DROP INDEX IF EXISTS kb_chunks_embedding');
}

/**
 * How many chunks the given visibilities hold, and how many of them hold each of the lexemes: the same counts
 * the text match uses to drop common terms, read by the query embedding to weigh rare concepts.
 */
export async function countLexemes(q: Queryable, tenantId: string, visibilities: ArticleVisibility[], lexemes: string[]): Promise<{ chunks: number; byLexeme: Map<string, number> }> {
  const { rows } = await q.query<{ lexeme: string; chunks: string }>({
    name: 'kb-count-lexemes',
    text: `SELECT lexeme, sum(chunks) AS chunks FROM kb_term_stats
      WHERE tenant_id = $1 AND visibility = ANY($2) AND (lexeme = '' OR lexeme = ANY($3)) GROUP BY lexeme`,
    values: [tenantId, visibilities, lexemes],
  });
  const byLexeme = new Map(rows.map((r) => [r.lexeme, Number(r.chunks)]));
  const chunks = byLexeme.get('') ?? 0;
  byLexeme.delete('');
  return { chunks, byLexeme };
}

export type SearchCandidate = {
  article_id: string;
  slug: string;
  title: string;
  lang: string;
  score: number;
  chunk_text: string | null;
  heading_path: string | null;
};

export type SearchParams = {
  tenantId: string;
  visibilities: ArticleVisibility[];
  /** Null when the stored vectors come from another embedder: search on text alone until a reindex. */
  embedding: number[] | null;
  /** The query's words, stemmed here with the query language's configuration. */
  words: string;
  queryLang: string;
  /** Lexicon concept lexemes of the query, shared by all languages. */
  concepts: string[];
  titleText: string;
  preferredLang: string;
  limit: number;
  /** Chunks taken from each ranked list before fusion. */
  depth: number;
  /**
   * A query term found in more than this share of the chunks says little about any of them and is left out
   * of the text match: concepts (shared by all languages) may be commoner than words, which only count when
   * they are rare, like product names and error codes.
   */
  maxConceptShare: number;
  maxWordShare: number;
  /** How many of the rarest query terms the text match uses, and how many chunks they may match together. */
  maxTerms: number;
  maxPostings: number;
  /** Vector hits farther than this (cosine distance) are noise, not answers. */
  maxDistance: number;
  weights: { vector: number; text: number; title: number };
  rrfK: number;
  /** Weight of an article's next chunk in a list relative to the one before it (0: the best chunk alone). */
  chunkDecay: number;
};

/**
 * Hybrid retrieval in one round trip. Three ranked lists of chunks: nearest by cosine (HNSW); full text on
 * the query's informative terms only (its stems in its language's configuration and its lexicon concepts,
 * dropping terms that occur in too many chunks, since Postgres ranking has no notion of rarity); and the
 * titles of those hits by trigram similarity, which forgives typos in short queries. Each list ranks
 * articles by the reciprocal ranks of their chunks in it, the best in full and each next one at chunkDecay
 * times the previous one's weight, and reciprocal rank fusion adds the lists up; equally good hits share the
 * mean of their ranks, and on a tie the user's language wins.
 */
export async function searchChunks(q: Queryable, p: SearchParams): Promise<SearchCandidate[]> {
  // A named statement is planned once per connection: planning this query cost as much as running it.
  const { rows } = await q.query<SearchCandidate>({
    name: 'kb-hybrid-search',
    text: `WITH vec AS (
       SELECT article_id, id AS chunk_id, rank() OVER (ORDER BY dist) AS rank FROM (
         SELECT article_id, id, embedding <=> $3::vector AS dist FROM kb_chunks
         WHERE $3::vector IS NOT NULL AND tenant_id = $1 AND visibility = ANY($2) AND embedding IS NOT NULL
         ORDER BY embedding <=> $3::vector LIMIT $9) nearest
       WHERE dist <= $16
     ),
     chunk_count AS (
       SELECT coalesce(sum(chunks), 0) AS n FROM kb_term_stats WHERE tenant_id = $1 AND lexeme = '' AND visibility = ANY($2)
     ),
     lexemes AS (
       SELECT lexeme, greatest(2, ceil(chunk_count.n * share))::int AS cap FROM (
         SELECT DISTINCT unnest(tsvector_to_array(to_tsvector(('portico_' || $5)::regconfig, $4))) AS lexeme, $17::float8 AS share
         UNION SELECT DISTINCT unnest($6::text[]), $15::float8) l, chunk_count
     ),
     counted AS (
       SELECT l.lexeme, l.cap, coalesce((SELECT sum(s.chunks) FROM kb_term_stats s
                WHERE s.tenant_id = $1 AND s.lexeme = l.lexeme AND s.visibility = ANY($2)), 0) AS df
       FROM lexemes l WHERE l.lexeme <> ''
     ),
     -- The rarest terms carry the signal. Taking them rarest first until their chunks fill a budget bounds
     -- the rows to rank however large the knowledge base grows.
     rare AS (
       SELECT lexeme FROM (
         SELECT lexeme, sum(df) OVER (ORDER BY df, lexeme) AS postings, row_number() OVER (ORDER BY df, lexeme) AS nth
         FROM counted WHERE df > 0 AND df < cap) ranked
       WHERE nth <= $18 AND postings <= $19
     ),
     tq AS (
       SELECT string_agg(quote_literal(lexeme), ' | ')::tsquery AS query FROM rare
     ),
     ft AS (
       SELECT article_id, chunk_id, rank() OVER (ORDER BY score DESC) AS rank FROM (
         SELECT c.article_id, c.id AS chunk_id, ts_rank_cd(c.fts, tq.query) AS score
         FROM kb_chunks c, tq
         WHERE tq.query IS NOT NULL AND c.tenant_id = $1 AND c.visibility = ANY($2) AND c.fts @@ tq.query
         ORDER BY score DESC LIMIT $9) matched
     ),
     -- Titles re-rank what the other lists found rather than scan every title: a trigram pass over all
     -- titles grows with the knowledge base and cost more than the rest of the query at 50k chunks. The
     -- hits' titles are materialized first, or the planner pushes the similarity threshold down into a scan
     -- of every title of the tenant (0.6 is pg_trgm's own word-similarity threshold).
     hit_titles AS MATERIALIZED (
       SELECT a.id AS article_id, lower(a.title) AS title
       FROM (SELECT article_id FROM vec UNION SELECT article_id FROM ft) hits
       JOIN kb_articles a ON a.tenant_id = $1 AND a.id = hits.article_id
       WHERE $7 <> ''
     ),
     tt AS (
       SELECT article_id, NULL::bigint AS chunk_id, rank() OVER (ORDER BY sim DESC) AS rank FROM (
         SELECT article_id, word_similarity($7, title) AS sim FROM hit_titles) scored
       WHERE sim >= 0.6
       LIMIT 10
     ),
     candidates AS (
       SELECT 'vector' AS src, article_id, chunk_id, rank FROM vec
       UNION ALL SELECT 'text', article_id, chunk_id, rank FROM ft
       UNION ALL SELECT 'title', article_id, chunk_id, rank FROM tt
     ),
     -- An article's support in a list: its chunks' reciprocal ranks, each next one counting chunkDecay times
     -- less, so that several good passages beat one slightly better one without length alone winning.
     best AS (
       SELECT src, article_id, (array_agg(chunk_id ORDER BY rank))[1] AS chunk_id, min(rank) AS rank,
         sum(power($20::float8, nth - 1) / ($14::float8 + rank)) AS support
       FROM (SELECT *, row_number() OVER (PARTITION BY src, article_id ORDER BY rank) AS nth FROM candidates) numbered
       GROUP BY src, article_id
     ),
     -- Articles tied in a list share the mean of the places they fill, not the first: the text list often
     -- matches a dozen articles on one rare term with the same score, and giving each of them first place
     -- let them all jump over the right article a few places down the vector list.
     per_article AS (
       SELECT src, article_id, chunk_id, rank,
         rank() OVER (PARTITION BY src ORDER BY support DESC) + (count(*) OVER (PARTITION BY src, support) - 1) / 2.0 AS article_rank
       FROM best
     ),
     fused AS (
       SELECT article_id,
         sum((CASE src WHEN 'vector' THEN $11::float8 WHEN 'text' THEN $12::float8 ELSE $13::float8 END) / ($14::float8 + article_rank)) AS score,
         (array_agg(chunk_id ORDER BY (chunk_id IS NULL), article_rank, src))[1] AS chunk_id
       FROM per_article GROUP BY article_id
     )
     SELECT f.article_id, a.slug, a.title, a.lang, f.score, ch.text AS chunk_text, ch.heading_path
     FROM fused f
     JOIN kb_articles a ON a.tenant_id = $1 AND a.id = f.article_id
     LEFT JOIN kb_chunks ch ON ch.id = f.chunk_id
     WHERE f.score > 0
     ORDER BY f.score DESC, (a.lang = $8) DESC, a.title
     LIMIT $10`,
    values: [
      p.tenantId,
      p.visibilities,
      p.embedding ? `[${p.embedding.join(',')}]` : null,
      p.words,
      p.queryLang,
      p.concepts,
      p.titleText,
      p.preferredLang,
      p.depth,
      p.limit,
      p.weights.vector,
      p.weights.text,
      p.weights.title,
      p.rrfK,
      p.maxConceptShare,
      p.maxDistance,
      p.maxWordShare,
      p.maxTerms,
      p.maxPostings,
      p.chunkDecay,
    ],
  });
  return rows.map((r) => ({ ...r, score: Number(r.score) }));
}

export async function incrementViews(q: Queryable, tenantId: string, id: string): Promise<void> {
  await q.query('UPDATE kb_articles SET view_count = view_count + 1 WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
}

/** Who answered "Was this article helpful?": kept with each answer so the figures can be read by period and company. */
export type FeedbackReader = { kind: 'contact' | 'technician'; id: string; companyId: string | null };

/** Counts the answer on the article and keeps it, dated, with its reader, in one statement. */
export async function recordArticleFeedback(
  q: Queryable,
  tenantId: string,
  id: string,
  helpful: boolean,
  reader: FeedbackReader,
): Promise<{ helpful: number; notHelpful: number }> {
  const { rows } = await q.query<{ helpful_count: number; not_helpful_count: number }>(
    `WITH counted AS (
       UPDATE kb_articles SET helpful_count = helpful_count + $3::int, not_helpful_count = not_helpful_count + (1 - $3::int)
       WHERE tenant_id = $1 AND id = $2 RETURNING id, helpful_count, not_helpful_count
     ), kept AS (
       INSERT INTO kb_article_feedback (tenant_id, article_id, actor_kind, actor_id, company_id, helpful)
       SELECT $1, id, $4, $5, $6, $3::int = 1 FROM counted
     )
     SELECT helpful_count, not_helpful_count FROM counted`,
    [tenantId, id, helpful ? 1 : 0, reader.kind, reader.id, reader.companyId],
  );
  return { helpful: rows[0]!.helpful_count, notHelpful: rows[0]!.not_helpful_count };
}

export async function listPopularArticles(q: Queryable, tenantId: string, visibilities: ArticleVisibility[], limit: number) {
  const { rows } = await q.query<Pick<ArticleRow, 'id' | 'slug' | 'title' | 'lang' | 'view_count'>>(
    `SELECT id, slug, title, lang, view_count FROM kb_articles WHERE tenant_id = $1 AND visibility = ANY($2)
     ORDER BY view_count DESC, title LIMIT $3`,
    [tenantId, visibilities, limit],
  );
  return rows;
}

export async function countChunks(q: Queryable, tenantId?: string): Promise<number> {
  const { rows } = await q.query<{ n: string }>(
    'SELECT count(*) AS n FROM kb_chunks WHERE $1::uuid IS NULL OR tenant_id = $1',
    [tenantId ?? null],
  );
  return Number(rows[0]!.n);
}

export async function listArticlesForIndexing(q: Queryable, tenantId: string) {
  const { rows } = await q.query<Pick<ArticleRow, 'id' | 'title' | 'body_md' | 'lang' | 'visibility'>>(
    'SELECT id, title, body_md, lang, visibility FROM kb_articles WHERE tenant_id = $1 ORDER BY id',
    [tenantId],
  );
  return rows;
}

const ADMIN_LIST_WHERE = `
  WHERE tenant_id = $1
    AND ($2::text IS NULL OR unaccent(title) ILIKE unaccent($2) OR EXISTS (SELECT 1 FROM unnest(tags) t WHERE unaccent(t) ILIKE unaccent($2)))
    AND ($3::text IS NULL OR lang = $3)
    AND ($4::text IS NULL OR visibility = $4)
    AND ($5::text IS NULL OR $5 = ANY(tags))`;

export type ArticleListFilter = { text?: string; lang?: string; visibility?: ArticleVisibility; tag?: string; limit: number; offset: number };
export type ArticleListRow = Omit<ArticleRow, 'body_md' | 'content_hash' | 'source_path' | 'created_at'>;

/** Every article of the tenant whatever its visibility, newest change first; text matches the title or a tag, accents and case aside. */
export async function listArticlesForAdmin(q: Queryable, tenantId: string, filter: ArticleListFilter): Promise<{ rows: ArticleListRow[]; total: number }> {
  const pattern = filter.text === undefined ? null : `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const { rows } = await q.query<ArticleListRow & { total: string }>(
    `SELECT id, slug, title, lang, tags, visibility, view_count, helpful_count, not_helpful_count, updated_at, count(*) OVER () AS total
     FROM kb_articles ${ADMIN_LIST_WHERE}
     ORDER BY updated_at DESC, title, id
     LIMIT $6 OFFSET $7`,
    [tenantId, pattern, filter.lang ?? null, filter.visibility ?? null, filter.tag ?? null, filter.limit, filter.offset],
  );
  return { rows, total: rows.length > 0 ? Number(rows[0]!.total) : await countArticles(q, tenantId, filter, pattern) };
}

// A page past the end has no row to carry the window count.
async function countArticles(q: Queryable, tenantId: string, filter: ArticleListFilter, pattern: string | null): Promise<number> {
  if (filter.offset === 0) return 0;
  const { rows } = await q.query<{ n: string }>(
    `SELECT count(*) AS n FROM kb_articles ${ADMIN_LIST_WHERE}`,
    [tenantId, pattern, filter.lang ?? null, filter.visibility ?? null, filter.tag ?? null],
  );
  return Number(rows[0]!.n);
}

export async function listArticleTags(q: Queryable, tenantId: string): Promise<string[]> {
  const { rows } = await q.query<{ tag: string }>('SELECT DISTINCT unnest(tags) AS tag FROM kb_articles WHERE tenant_id = $1 ORDER BY tag', [tenantId]);
  return rows.map((r) => r.tag);
}
