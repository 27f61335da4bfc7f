import * as z from 'zod';
import { ACTION_KINDS, ACTION_STATUSES } from '../actions/action-kinds.js';
import { LANGUAGES } from '../../i18n/languages.js';

/** The longest period one request reads: a year of weeks. */
export const MAX_PERIOD_DAYS = 366;
/** Periods up to this many days are counted per day, longer ones per week (Monday to Sunday). */
export const MAX_DAILY_DAYS = 62;
export const DEFAULT_PERIOD_DAYS = 30;
/** A session with no word from its user for this long after the assistant's last answer counts as resolved by it. */
export const QUIET_HOURS = 72;

const IsoDate = z.iso.date().meta({ description: 'A UTC calendar day, YYYY-MM-DD; the day itself is included.' });

export const AnalyticsQuerySchema = z
  .strictObject({
    from: IsoDate.optional().meta({ description: `First day (UTC) of the period; default ${DEFAULT_PERIOD_DAYS - 1} days before \`to\`.` }),
    to: IsoDate.optional().meta({ description: 'Last day (UTC) of the period, included; default today.' }),
    companyId: z.uuid().optional().meta({ description: "Only the sessions, actions and feedback of this company's users." }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] });
export type AnalyticsQuery = z.infer<typeof AnalyticsQuerySchema>;

const count = (description: string) => z.number().int().min(0).meta({ description });

export const SessionFiguresSchema = z.object({
  sessions: count('Chat sessions (conversations) started in the bucket. Every other session figure counts these same sessions by what became of them.'),
  escalated: count(
    'Sessions from which a ticket was escalated: the chat ticket was flagged for a technician (escalate_to_technician, or a technician), ' +
      'or the assistant opened a ticket on the user\'s request (create_ticket). An escalated session is never counted as resolved by the assistant.',
  ),
  notEscalated: count(
    'Sessions with no escalation, whatever else happened: what other portals call "deflected". It includes the sessions the user said were not solved, ' +
      'those the user left without a word, and those still pending; resolvedByAssistant is the honest part of it.',
  ),
  resolvedByAssistant: count('resolvedConfirmed + resolvedQuiet.'),
  resolvedConfirmed: count(
    'Not escalated, and the user\'s latest answer to "Did this solve it?" in the session is yes.',
  ),
  resolvedQuiet: count(
    `Not escalated, no "no" answer, and ${QUIET_HOURS} hours have passed since the assistant's last answer with no message from the user within them.`,
  ),
  pending: count(
    `Not escalated, no answer to "Did this solve it?", and fewer than ${QUIET_HOURS} hours since the assistant's last answer (or since the session started, ` +
      'when it has no answer yet): too early to call resolved.',
  ),
  unresolved: count(
    'Not escalated and not resolved nor pending: the user\'s latest answer was no, the user wrote again and the assistant did not answer, ' +
      `or it never answered within ${QUIET_HOURS} hours.`,
  ),
});
export type SessionFigures = z.infer<typeof SessionFiguresSchema>;

const BucketSchema = SessionFiguresSchema.extend({
  start: z.string().meta({ description: 'First day of the bucket (UTC, YYYY-MM-DD), never before `from`.' }),
  end: z.string().meta({ description: 'Last day of the bucket, included, never after `to`.' }),
});

const StatusCountsSchema = z
  .object(Object.fromEntries(ACTION_STATUSES.map((status) => [status, z.number().int().min(0)])) as Record<(typeof ACTION_STATUSES)[number], z.ZodNumber>)
  .meta({ description: 'Action requests by their status now; every status is present. Final ones: succeeded, failed, expired, cancelled.' });

export const ActionKindFiguresSchema = z.object({
  kind: z.enum(ACTION_KINDS),
  total: count('Action requests of this kind proposed in the period (by the assistant or from Self-service).'),
  byStatus: StatusCountsSchema,
});

export const InstallFiguresSchema = z.object({
  appId: z.string(),
  appName: z.string(),
  total: count('Install requests for this app proposed in the period.'),
  byStatus: StatusCountsSchema,
});

export const ArticleFiguresSchema = z.object({
  articleId: z.string(),
  slug: z.string(),
  title: z.string(),
  lang: z.enum(LANGUAGES).optional(),
  citedAnswers: count('Assistant answers in the period that cited the article (stored citations).'),
  citedSessions: count('Sessions in which it was cited.'),
  answerFeedback: z
    .object({ solved: z.number().int().min(0), notSolved: z.number().int().min(0) })
    .meta({ description: 'Answers to "Did this solve it?" under the assistant\'s answers citing it.' }),
  articleFeedback: z
    .object({ helpful: z.number().int().min(0), notHelpful: z.number().int().min(0) })
    .meta({ description: 'Answers to "Was this article helpful?" on the article itself in the period (dated answers only, kept since this version).' }),
});

export const QuestionGroupSchema = z.object({
  representative: z.string().meta({ description: 'The question nearest the middle of the group.' }),
  count: count('Questions in the group.'),
  languages: z.array(z.enum(LANGUAGES)).meta({ description: 'Languages they were asked in, most frequent first.' }),
  lastAskedAt: z.string(),
  examples: z
    .array(z.object({ question: z.string(), lang: z.enum(LANGUAGES), askedAt: z.string() }))
    .meta({ description: 'Up to five of its questions, newest first.' }),
  suggestedArticle: z
    .object({ title: z.string(), lang: z.enum(LANGUAGES) })
    .meta({ description: "What a \"write an article\" shortcut pre-fills: a title from the representative question, in the group's main language." }),
});
export type QuestionGroup = z.infer<typeof QuestionGroupSchema>;

export const AnalyticsSchema = z
  .object({
    period: z.object({
      from: z.string(),
      to: z.string(),
      bucket: z.enum(['day', 'week']).meta({ description: `Days for periods up to ${MAX_DAILY_DAYS} days, else weeks starting on Monday (UTC).` }),
      companyId: z.string().nullable(),
      generatedAt: z.string().meta({ description: `The moment the ${QUIET_HOURS}-hour rule was applied at.` }),
    }),
    totals: SessionFiguresSchema,
    buckets: z.array(BucketSchema).meta({ description: 'Session figures per bucket, each session in the bucket of the day it started.' }),
    actions: z.array(ActionKindFiguresSchema).meta({ description: 'Every action kind, by status.' }),
    installs: z.array(InstallFiguresSchema).meta({ description: 'Install requests by app, most requested first.' }),
    articles: z.array(ArticleFiguresSchema).meta({ description: 'Articles cited or rated in the period, most cited first (at most 50).' }),
    unansweredQuestions: z
      .object({
        total: count('Questions in the period for which the assistant\'s knowledge-base search found no article about what was asked.'),
        groups: z.array(QuestionGroupSchema).meta({ description: 'Grouped by similarity of meaning (the knowledge base\'s own embeddings), largest first (at most 30).' }),
      })
      .meta({ description: 'What the knowledge base lacks: each group is an article to write.' }),
  })
  .meta({
    id: 'Analytics',
    description:
      "Figures for a period (UTC days) and optionally one company, always within the signed-in technician's tenant. Sessions, actions and questions " +
      "count toward the company of the user who had them; article ratings by technicians count only without a company filter.",
  });
export type Analytics = z.infer<typeof AnalyticsSchema>;
