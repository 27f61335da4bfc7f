import {
  countActionRequests,
  countArticleFigures,
  countSessionOutcomes,
  listUnansweredQuestions,
  saveQuestionEmbeddings,
  type ActionCountRow,
  type AnalyticsScope,
  type SessionBucketRow,
} from '../../db/repositories/analytics.js';
import { findCompany } from '../../db/repositories/companies.js';
import { isLanguage, type Language } from '../../i18n/languages.js';
import { requireTechnician } from '../access/require.js';
import { ACTION_KINDS, ACTION_STATUSES, type ActionStatus } from '../actions/action-kinds.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { analyticsPeriod } from './analytics-period.js';
import { QUIET_HOURS, type Analytics, type AnalyticsQuery, type SessionFigures } from './analytics-schemas.js';
import { groupQuestions, type EmbeddedQuestion } from './group-questions.js';

const MAX_ARTICLES = 50;
const MAX_GROUPS = 30;
/** The newest questions grouped; older ones still count in the total. */
const MAX_QUESTIONS = 500;
/**
 * Cosine similarity from which two questions are one group. With the local embedding, paraphrases sharing a lexicon
 * concept score 0.8 or more, across languages too ("book a meeting room", "réserver une salle de réunion"), while
 * questions of a few words the lexicon does not know reach 0.5 on hashed word pieces alone.
 */
export const GROUP_SIMILARITY = 0.6;

export type AnalyticsDeps = { kb: KnowledgeBase; now?: () => Date };

/** The technicians' figures for a period and optionally one company of their tenant. */
export async function getAnalytics(deps: AnalyticsDeps, ctx: Ctx, query: AnalyticsQuery): Promise<Analytics> {
  requireTechnician(ctx);
  const pool = deps.kb.pool;
  const now = deps.now?.() ?? new Date();
  const period = analyticsPeriod(query, now);
  if (query.companyId && !(await findCompany(pool, ctx.tenantId, query.companyId))) throw new AppError('not_found', 'no such company');
  const scope: AnalyticsScope = { tenantId: ctx.tenantId, startsAt: period.startsAt, endsBefore: period.endsBefore, companyId: query.companyId ?? null };
  const [sessionRows, actionRows, articleRows, questions] = await Promise.all([
    countSessionOutcomes(pool, scope, period.unit, QUIET_HOURS),
    countActionRequests(pool, scope),
    countArticleFigures(pool, scope, MAX_ARTICLES),
    listUnansweredQuestions(pool, scope, MAX_QUESTIONS),
  ]);
  const byBucket = new Map(sessionRows.map((row) => [row.bucket, row]));
  return {
    period: { from: period.from, to: period.to, bucket: period.unit, companyId: scope.companyId, generatedAt: now.toISOString() },
    totals: sessionFigures(sessionRows),
    buckets: period.buckets.map((bucket) => ({ start: bucket.start, end: bucket.end, ...sessionFigures(byBucket.has(bucket.key) ? [byBucket.get(bucket.key)!] : []) })),
    actions: actionFigures(actionRows),
    installs: installFigures(actionRows),
    articles: articleRows.map((row) => ({
      articleId: row.article_id,
      slug: row.slug,
      title: row.title,
      ...(isLanguage(row.lang) ? { lang: row.lang } : {}),
      citedAnswers: row.cited_answers,
      citedSessions: row.cited_sessions,
      answerFeedback: { solved: row.solved, notSolved: row.not_solved },
      articleFeedback: { helpful: row.helpful, notHelpful: row.not_helpful },
    })),
    unansweredQuestions: {
      total: questions.total,
      groups: groupQuestions(await embedQuestions(deps.kb, ctx.tenantId, questions.rows), GROUP_SIMILARITY).slice(0, MAX_GROUPS),
    },
  };
}

function sessionFigures(rows: SessionBucketRow[]): SessionFigures {
  const sum = (pick: (row: SessionBucketRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const sessions = sum((r) => r.sessions);
  const escalated = sum((r) => r.escalated);
  const resolvedConfirmed = sum((r) => r.resolved_confirmed);
  const resolvedQuiet = sum((r) => r.resolved_quiet);
  const pending = sum((r) => r.pending);
  const resolvedByAssistant = resolvedConfirmed + resolvedQuiet;
  return {
    sessions,
    escalated,
    notEscalated: sessions - escalated,
    resolvedByAssistant,
    resolvedConfirmed,
    resolvedQuiet,
    pending,
    unresolved: sessions - escalated - resolvedByAssistant - pending,
  };
}

function emptyStatuses(): Record<ActionStatus, number> {
  return Object.fromEntries(ACTION_STATUSES.map((status) => [status, 0])) as Record<ActionStatus, number>;
}

function actionFigures(rows: ActionCountRow[]): Analytics['actions'] {
  return ACTION_KINDS.map((kind) => {
    const byStatus = emptyStatuses();
    for (const row of rows) if (row.kind === kind) byStatus[row.status as ActionStatus] += row.n;
    return { kind, total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus };
  });
}

function installFigures(rows: ActionCountRow[]): Analytics['installs'] {
  const apps = new Map<string, Analytics['installs'][number]>();
  for (const row of rows) {
    if (row.kind !== 'install' || !row.app_id) continue;
    const app = apps.get(row.app_id) ?? { appId: row.app_id, appName: row.app_name ?? row.app_id, total: 0, byStatus: emptyStatuses() };
    app.total += row.n;
    app.byStatus[row.status as ActionStatus] += row.n;
    apps.set(row.app_id, app);
  }
  return [...apps.values()].sort((a, b) => b.total - a.total || a.appName.localeCompare(b.appName));
}

/**
 * The questions' vectors from the knowledge base's own embedder (the one that indexes the articles), made once and
 * kept; made again when the embedder changed since.
 */
async function embedQuestions(kb: KnowledgeBase, tenantId: string, rows: Awaited<ReturnType<typeof listUnansweredQuestions>>['rows']): Promise<EmbeddedQuestion[]> {
  if (rows.length === 0) return [];
  const embedder = await kb.embedder();
  const missing = rows.filter((row) => row.embedder !== embedder.name || !row.embedding);
  const made = await Promise.all(missing.map((row) => embedder.embedQuery(row.question, row.lang as Language)));
  const fresh = missing.map((row, i) => ({ id: row.id, embedding: made[i]! }));
  await saveQuestionEmbeddings(kb.pool, tenantId, embedder.name, fresh);
  const vectors = new Map(fresh.map((v) => [v.id, v.embedding]));
  return rows.map((row) => ({
    question: row.question,
    lang: row.lang as Language,
    askedAt: row.asked_at,
    vector: vectors.get(row.id) ?? row.embedding ?? [],
  }));
}
