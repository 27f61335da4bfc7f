import type { Queryable } from '../transaction.js';

/** Whether any chunk of these articles carries one of these concept lexemes (`cpt_<id>`, as indexed). */
export async function articlesHoldConcepts(q: Queryable, tenantId: string, articleIds: string[], lexemes: string[]): Promise<boolean> {
  if (articleIds.length === 0 || lexemes.length === 0) return false;
  const { rows } = await q.query(
    'SELECT 1 FROM kb_chunks WHERE tenant_id = $1 AND article_id = ANY($2) AND concepts && $3::text[] LIMIT 1',
    [tenantId, articleIds, lexemes],
  );
  return rows.length > 0;
}

/** Keeps a question the knowledge base had no answer to; the same question twice in one conversation is kept once. */
export async function insertUnansweredQuestion(
  q: Queryable,
  tenantId: string,
  input: { conversationId: string; question: string; lang: string },
): Promise<void> {
  await q.query(
    `INSERT INTO kb_unanswered_questions (tenant_id, conversation_id, question, lang) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, conversation_id, question) DO NOTHING`,
    [tenantId, input.conversationId, input.question, input.lang],
  );
}
