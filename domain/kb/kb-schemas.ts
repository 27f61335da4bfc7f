import * as z from 'zod';
import { LANGUAGES } from '../../i18n/languages.js';

export const KbSearchQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(500),
  lang: z.enum(LANGUAGES).optional().meta({ description: "Preferred language of the results; defaults to the user's." }),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type KbSearchQuery = z.infer<typeof KbSearchQuerySchema>;

export const KbSearchResultSchema = z
  .object({
    articleId: z.string(),
    slug: z.string(),
    title: z.string(),
    snippet: z.string().meta({ description: 'HTML-escaped text with the matched words in <mark>.' }),
    score: z.number(),
    lang: z.enum(LANGUAGES),
  })
  .meta({ id: 'KbSearchResult' });
export type KbSearchResult = z.infer<typeof KbSearchResultSchema>;

export const ArticleRefSchema = z
  .string()
  .regex(/^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9]+(-[a-z0-9]+)*)$/i, 'expected an article id or slug')
  .max(200);

export const ArticleVisibilitySchema = z.enum(['portal', 'technicians']);

export const ArticleViewSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    lang: z.enum(LANGUAGES),
    tags: z.array(z.string()),
    html: z.string().meta({ description: 'The body rendered from Markdown and sanitized.' }),
    markdown: z.string().optional().meta({ description: 'Technicians only: the source Markdown.' }),
    visibility: ArticleVisibilitySchema.optional(),
    views: z.number().int(),
    helpful: z.number().int(),
    notHelpful: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Article' });
export type ArticleView = z.infer<typeof ArticleViewSchema>;

export const ArticleInputSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(300),
    body: z.string().min(1).max(200_000).meta({ description: 'Markdown.' }),
    lang: z.enum(LANGUAGES),
    tags: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
    slug: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .max(120)
      .optional(),
    visibility: ArticleVisibilitySchema.default('portal'),
  })
  .meta({ id: 'ArticleInput' });
export type ArticleInput = z.infer<typeof ArticleInputSchema>;

export const FeedbackSchema = z.strictObject({ helpful: z.boolean() }).meta({ id: 'ArticleFeedback' });

export const ImportSummarySchema = z
  .object({
    imported: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    removed: z.number().int(),
    skipped: z.array(z.object({ path: z.string(), reason: z.string() })),
    chunks: z.number().int(),
  })
  .meta({ id: 'KbImportSummary' });
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

export const AdminArticleQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(200).optional().meta({ description: 'Words in the title or a tag, accents and case ignored.' }),
  language: z.enum(LANGUAGES).optional(),
  visibility: ArticleVisibilitySchema.optional(),
  tag: z.string().trim().min(1).max(60).optional().meta({ description: 'Articles carrying exactly this tag.' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type AdminArticleQuery = z.infer<typeof AdminArticleQuerySchema>;

/** What the technicians' list and the editor both say of an article. */
const ARTICLE_HEAD = {
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  lang: z.enum(LANGUAGES),
  tags: z.array(z.string()),
  visibility: ArticleVisibilitySchema,
};

export const AdminArticleSummarySchema = z
  .object({
    ...ARTICLE_HEAD,
    views: z.number().int(),
    helpful: z.number().int(),
    notHelpful: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AdminArticleSummary' });
export type AdminArticleSummary = z.infer<typeof AdminArticleSummarySchema>;

export const AdminArticlePageSchema = z
  .object({
    articles: z.array(AdminArticleSummarySchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    tags: z.array(z.string()).meta({ description: "Every tag of the tenant's articles, for the tag filter." }),
  })
  .meta({ id: 'AdminArticlePage' });
export type AdminArticlePage = z.infer<typeof AdminArticlePageSchema>;

/** What the editor opens: the article's fields and its Markdown source, whatever its visibility. */
export const ArticleSourceSchema = z
  .object({
    ...ARTICLE_HEAD,
    body: z.string().meta({ description: 'The Markdown source.' }),
    sourcePath: z.string().nullable().meta({ description: 'The file an import took it from; null for an article written here.' }),
    updatedAt: z.string(),
  })
  .meta({ id: 'ArticleSource' });
export type ArticleSource = z.infer<typeof ArticleSourceSchema>;

export const ArticlePreviewInputSchema = z.strictObject({ body: z.string().max(200_000).meta({ description: 'Markdown.' }) }).meta({ id: 'ArticlePreviewInput' });
export type ArticlePreviewInput = z.infer<typeof ArticlePreviewInputSchema>;
