import { articlesHoldConcepts } from '../../db/repositories/unanswered-questions.js';
import type { Queryable } from '../../db/transaction.js';
import { analyzeText } from '../../kb-index/embedding/local-embedder.js';
import { SYMPTOM_CONCEPTS } from '../../kb-index/lexicon/symptom-concepts.js';

/**
 * Whether the articles a search found are about what the question asks. The search always ranks something when any
 * word or vector is near, so "found nothing" alone would miss "How do I book a meeting room?" answered with the guest
 * Wi-Fi page. An article counts when it shares with the question a lexicon concept naming a subject (a device, an
 * application, a task: any concept but the symptom words such as "not working" or "slow"); a question with no such
 * concept, or whose concepts no found article holds, was not answered.
 */
export async function questionAnsweredBy(q: Queryable, tenantId: string, question: string, articleIds: string[]): Promise<boolean> {
  if (articleIds.length === 0) return false;
  const { concepts } = await analyzeText(question, undefined, { query: true });
  const subjects = [...new Set(concepts)].filter((concept) => !SYMPTOM_CONCEPTS.has(concept)).map((concept) => `cpt_${concept}`);
  return articlesHoldConcepts(q, tenantId, articleIds, subjects);
}
