import type { Queryable } from '../transaction.js';

/** The sessions, actions and questions read: one tenant, one period, optionally the users of one company. */
export type AnalyticsScope = { tenantId: string; startsAt: Date; endsBefore: Date; companyId: string | null };

export type SessionBucketRow = {
  bucket: string;
  sessions: number;
  escalated: number;
  resolved_confirmed: number;
  resolved_quiet: number;
  pending: number;
};

/**
 * Each session of the scope, by the UTC day or week it started in, with what became of it; see the definitions in
 * domain/analytics/analytics-schemas.ts. `quietHours` is the wait after the assistant's last answer.
 */
export async function countSessionOutcomes(q: Queryable, scope: AnalyticsScope, unit: 'day' | 'week', quietHours: number): Promise<SessionBucketRow[]> {
  const { rows } = await q.query<SessionBucketRow>(
    `WITH s AS (
       SELECT to_char(date_trunc($5, c.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS bucket, c.created_at,
         coalesce(t.needs_technician, false) OR EXISTS (
           SELECT 1 FROM messages m WHERE m.tenant_id = c.tenant_id AND m.conversation_id = c.id AND m.role = 'assistant'
             AND m.tool_results @> '[{"name": "create_ticket", "result": {"ok": true}}]') AS escalated,
         (SELECT f.solved FROM conversation_feedback f WHERE f.tenant_id = c.tenant_id AND f.conversation_id = c.id
          ORDER BY f.answered_at DESC LIMIT 1) AS last_feedback,
         answer.at AS last_answer,
         EXISTS (SELECT 1 FROM messages u WHERE u.tenant_id = c.tenant_id AND u.conversation_id = c.id AND u.role = 'user'
                 AND u.created_at > answer.at AND u.created_at <= answer.at + make_interval(hours => $6)) AS user_wrote_after
       FROM conversations c
       JOIN contacts p ON p.tenant_id = c.tenant_id AND p.id = c.contact_id
       LEFT JOIN tickets t ON t.tenant_id = c.tenant_id AND t.id = c.ticket_id
       LEFT JOIN LATERAL (SELECT max(m.created_at) AS at FROM messages m
                          WHERE m.tenant_id = c.tenant_id AND m.conversation_id = c.id AND m.role = 'assistant') answer ON true
       WHERE c.tenant_id = $1 AND c.created_at >= $2 AND c.created_at < $3 AND ($4::uuid IS NULL OR p.company_id = $4)
     )
     SELECT bucket, count(*)::int AS sessions,
       count(*) FILTER (WHERE escalated)::int AS escalated,
       count(*) FILTER (WHERE NOT escalated AND last_feedback)::int AS resolved_confirmed,
       count(*) FILTER (WHERE NOT escalated AND last_feedback IS NULL AND NOT user_wrote_after
                        AND last_answer <= now() - make_interval(hours => $6))::int AS resolved_quiet,
       count(*) FILTER (WHERE NOT escalated AND last_feedback IS NULL AND NOT user_wrote_after
                        AND coalesce(last_answer, created_at) > now() - make_interval(hours => $6))::int AS pending
     FROM s GROUP BY bucket`,
    [scope.tenantId, scope.startsAt, scope.endsBefore, scope.companyId, unit, quietHours],
  );
  return rows;
}

export type ActionCountRow = { kind: string; status: string; app_id: string | null; app_name: string | null; n: number };

export async function countActionRequests(q: Queryable, scope: AnalyticsScope): Promise<ActionCountRow[]> {
  const { rows } = await q.query<ActionCountRow>(
    `SELECT a.kind, a.status, a.app_id, a.app_name, count(*)::int AS n
     FROM action_requests a JOIN contacts p ON p.tenant_id = a.tenant_id AND p.id = a.contact_id
     WHERE a.tenant_id = $1 AND a.created_at >= $2 AND a.created_at < $3 AND ($4::uuid IS NULL OR p.company_id = $4)
     GROUP BY a.kind, a.status, a.app_id, a.app_name`,
    [scope.tenantId, scope.startsAt, scope.endsBefore, scope.companyId],
  );
  return rows;
}

export type ArticleFiguresRow = {
  article_id: string;
  slug: string;
  title: string;
  lang: string | null;
  cited_answers: number;
  cited_sessions: number;
  solved: number;
  not_solved: number;
  helpful: number;
  not_helpful: number;
};

/**
 * Articles cited by the assistant's answers in the scope (stored citations, with the "Did this solve it?" answers
 * under those answers) and rated on their page in it, most cited first. An article since deleted keeps the title
 * its citations stored.
 */
export async function countArticleFigures(q: Queryable, scope: AnalyticsScope, limit: number): Promise<ArticleFiguresRow[]> {
  const { rows } = await q.query<ArticleFiguresRow>(
    `WITH cited AS (
       SELECT cit->>'articleId' AS article_id, max(cit->>'slug') AS slug, max(cit->>'title') AS title, max(cit->>'lang') AS lang,
         count(*)::int AS cited_answers, count(DISTINCT m.conversation_id)::int AS cited_sessions,
         count(f.message_id) FILTER (WHERE f.solved)::int AS solved, count(f.message_id) FILTER (WHERE NOT f.solved)::int AS not_solved
       FROM messages m
       JOIN conversations c ON c.tenant_id = m.tenant_id AND c.id = m.conversation_id
       JOIN contacts p ON p.tenant_id = c.tenant_id AND p.id = c.contact_id
       CROSS JOIN LATERAL jsonb_array_elements(m.citations) cit
       LEFT JOIN conversation_feedback f ON f.message_id = m.id
       WHERE m.tenant_id = $1 AND m.role = 'assistant' AND m.created_at >= $2 AND m.created_at < $3
         AND ($4::uuid IS NULL OR p.company_id = $4)
       GROUP BY 1
     ),
     rated AS (
       SELECT article_id::text, count(*) FILTER (WHERE helpful)::int AS helpful, count(*) FILTER (WHERE NOT helpful)::int AS not_helpful
       FROM kb_article_feedback
       WHERE tenant_id = $1 AND created_at >= $2 AND created_at < $3 AND ($4::uuid IS NULL OR company_id = $4)
       GROUP BY article_id
     )
     SELECT ids.article_id, coalesce(a.slug, cited.slug) AS slug, coalesce(a.title, cited.title) AS title, coalesce(a.lang, cited.lang) AS lang,
       coalesce(cited.cited_answers, 0) AS cited_answers, coalesce(cited.cited_sessions, 0) AS cited_sessions,
       coalesce(cited.solved, 0) AS solved, coalesce(cited.not_solved, 0) AS not_solved,
       coalesce(rated.helpful, 0) AS helpful, coalesce(rated.not_helpful, 0) AS not_helpful
     FROM (SELECT article_id FROM cited UNION SELECT article_id FROM rated) ids
     LEFT JOIN cited ON cited.article_id = ids.article_id
     LEFT JOIN rated ON rated.article_id = ids.article_id
     LEFT JOIN kb_articles a ON a.tenant_id = $1 AND a.id::text = ids.article_id
     WHERE coalesce(a.slug, cited.slug) IS NOT NULL
     ORDER BY cited_answers DESC, helpful + not_helpful DESC, title
     LIMIT $5`,
    [scope.tenantId, scope.startsAt, scope.endsBefore, scope.companyId, limit],
  );
  return rows;
}

export type UnansweredQuestionRow = {
  id: string;
  question: string;
  lang: string;
  asked_at: Date;
  embedder: string | null;
  embedding: number[] | null;
};

/** The newest questions of the scope the knowledge base could not answer, with their stored vectors. */
export async function listUnansweredQuestions(q: Queryable, scope: AnalyticsScope, limit: number): Promise<{ total: number; rows: UnansweredQuestionRow[] }> {
  const { rows } = await q.query<UnansweredQuestionRow & { total: number }>(
    `SELECT uq.id, uq.question, uq.lang, uq.asked_at, uq.embedder, uq.embedding, count(*) OVER ()::int AS total
     FROM kb_unanswered_questions uq
     JOIN conversations c ON c.tenant_id = uq.tenant_id AND c.id = uq.conversation_id
     JOIN contacts p ON p.tenant_id = c.tenant_id AND p.id = c.contact_id
     WHERE uq.tenant_id = $1 AND uq.asked_at >= $2 AND uq.asked_at < $3 AND ($4::uuid IS NULL OR p.company_id = $4)
     ORDER BY uq.asked_at DESC LIMIT $5`,
    [scope.tenantId, scope.startsAt, scope.endsBefore, scope.companyId, limit],
  );
  return { total: rows[0]?.total ?? 0, rows: rows.map(({ total: _total, ...row }) => row) };
}

export async function saveQuestionEmbeddings(q: Queryable, tenantId: string, embedder: string, vectors: { id: string; embedding: number[] }[]): Promise<void> {
  if (vectors.length === 0) return;
  await q.query(
    `UPDATE kb_unanswered_questions uq SET embedder = $2, embedding = v.embedding
     FROM (SELECT id, array(SELECT jsonb_array_elements_text(e)::real) AS embedding
           FROM jsonb_to_recordset($3::jsonb) AS x(id uuid, e jsonb)) v
     WHERE uq.tenant_id = $1 AND uq.id = v.id`,
    [tenantId, embedder, JSON.stringify(vectors.map((v) => ({ id: v.id, e: v.embedding })))],
  );
}
