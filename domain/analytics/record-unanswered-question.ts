import { insertUnansweredQuestion } from '../../db/repositories/unanswered-questions.js';
import type { Language } from '../../i18n/languages.js';
import type { ContactActor, Ctx } from '../context.js';
import { maskSecretValues, redactSecrets } from '../conversations/redact-secrets.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { questionAnsweredBy } from '../kb/question-answered-by.js';

export type SearchOutcome = {
  conversationId: string;
  /** What the assistant searched for: the user's message, or the model's wording of it. */
  question: string;
  language: Language;
  articleIds: string[];
  /** What the user's message of this turn had masked: kept out of the stored question too. */
  secrets?: readonly string[];
};

/**
 * Called with each knowledge-base search the assistant makes for a user: when none of the articles found is about
 * what was asked (see questionAnsweredBy), the question is kept for the console's list of questions the knowledge
 * base could not answer. Answers whether it was kept.
 */
export async function recordUnansweredQuestion(kb: KnowledgeBase, ctx: Ctx & { actor: ContactActor }, outcome: SearchOutcome): Promise<boolean> {
  const question = redactSecrets(maskSecretValues(outcome.question.trim(), outcome.secrets ?? [])).text.slice(0, 500);
  if (!question || (await questionAnsweredBy(kb.pool, ctx.tenantId, question, outcome.articleIds))) return false;
  await insertUnansweredQuestion(kb.pool, ctx.tenantId, { conversationId: outcome.conversationId, question, lang: outcome.language });
  return true;
}
