import type { Router } from 'express';
import * as z from 'zod';
import { requireTechnician } from '../../domain/access/require.js';
import { AppError } from '../../domain/errors.js';
import { getArticle } from '../../domain/kb/get-article.js';
import { getArticleSource } from '../../domain/kb/get-article-source.js';
import { importArticles, type ArticleFile } from '../../domain/kb/import-articles.js';
import {
  AdminArticlePageSchema,
  AdminArticleQuerySchema,
  ArticleInputSchema,
  ArticlePreviewInputSchema,
  ArticleRefSchema,
  ArticleSourceSchema,
  ArticleViewSchema,
  FeedbackSchema,
  ImportSummarySchema,
  KbSearchQuerySchema,
  KbSearchResultSchema,
} from '../../domain/kb/kb-schemas.js';
import type { KnowledgeBase } from '../../domain/kb/knowledge-base.js';
import { listArticlesForTechnicians } from '../../domain/kb/list-articles-for-technicians.js';
import { listPopular } from '../../domain/kb/list-popular-articles.js';
import { createArticle, deleteArticle, updateArticleContent } from '../../domain/kb/manage-articles.js';
import { previewArticle } from '../../domain/kb/preview-article.js';
import { recordFeedback } from '../../domain/kb/record-feedback.js';
import { searchArticles } from '../../domain/kb/search-articles.js';
import { readZipEntries } from '../../kb-index/import/read-zip.js';
import { defineRoute, type RouteOptions } from '../http/route.js';

const ArticleParams = z.strictObject({ id: ArticleRefSchema });

const ImportRequestSchema = z
  .union([
    z.strictObject({
      files: z
        .array(z.strictObject({ path: z.string().min(1).max(500), contentBase64: z.string().max(3_000_000) }))
        .min(1)
        .max(500),
      prune: z.boolean().default(false),
    }),
    z.strictObject({ zipBase64: z.string().min(1).max(28_000_000), prune: z.boolean().default(false) }),
  ])
  .meta({ id: 'KbImportRequest', description: 'Article files (.md with front matter, .html), or one zip of them, base64-encoded.' });

function filesOf(body: z.infer<typeof ImportRequestSchema>): ArticleFile[] {
  if ('files' in body) return body.files.map((f) => ({ relativePath: f.path, content: Buffer.from(f.contentBase64, 'base64') }));
  const zip = readZipEntries(Buffer.from(body.zipBase64, 'base64'));
  if (!zip.ok) throw new AppError('validation_failed', zip.reason, { params: { detail: `zipBase64: ${zip.reason}` } });
  return zip.files;
}

export function kbRoutes(router: Router, options: RouteOptions, kb: KnowledgeBase): void {
  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/kb/search',
    summary: 'Search the knowledge base in any of the five languages, best first',
    tags: ['knowledge base'],
    access: 'session',
    query: KbSearchQuerySchema,
    response: z.object({ results: z.array(KbSearchResultSchema) }),
    errors: [403],
    handler: async ({ ctx, query }) => ({ results: await searchArticles(kb, ctx, query) }),
  });

  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/kb/popular',
    summary: 'The most viewed articles',
    tags: ['knowledge base'],
    access: 'session',
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(50).default(10) }),
    response: z.object({
      articles: z.array(z.object({ articleId: z.string(), slug: z.string(), title: z.string(), lang: z.string(), views: z.number().int() })),
    }),
    errors: [403],
    handler: async ({ ctx, query }) => ({ articles: await listPopular(kb.pool, ctx, query.limit) }),
  });

  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/kb/articles/:id',
    summary: 'One article by id or slug, rendered to sanitized HTML',
    tags: ['knowledge base'],
    access: 'session',
    params: ArticleParams,
    response: ArticleViewSchema,
    errors: [403, 404],
    handler: ({ ctx, params }) => getArticle(kb.pool, ctx, params.id),
  });

  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/kb/articles/:id/feedback',
    summary: 'Was this article helpful?',
    tags: ['knowledge base'],
    access: 'session',
    params: ArticleParams,
    body: FeedbackSchema,
    response: z.object({ helpful: z.number().int(), notHelpful: z.number().int() }),
    errors: [403, 404],
    handler: ({ ctx, params, body }) => recordFeedback(kb.pool, ctx, params.id, body.helpful),
  });

  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/admin/kb/articles',
    summary:
      "Every article of the tenant whatever its visibility (technicians), newest change first, filtered by words in the title or tags, language, visibility and tag. Pages by `limit` and `offset` out of `total`",
    tags: ['knowledge base admin'],
    access: 'session',
    query: AdminArticleQuerySchema,
    response: AdminArticlePageSchema,
    errors: [403],
    handler: ({ ctx, query }) => listArticlesForTechnicians(kb.pool, ctx, query),
  });

  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/admin/kb/articles/:id',
    summary: 'One article by id or slug with its Markdown source, for editing (technicians); counts no view',
    tags: ['knowledge base admin'],
    access: 'session',
    params: ArticleParams,
    response: ArticleSourceSchema,
    errors: [403, 404],
    handler: ({ ctx, params }) => getArticleSource(kb.pool, ctx, params.id),
  });

  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/admin/kb/preview',
    summary: "Markdown rendered and sanitized exactly as the portal shows an article (technicians): the editor's preview",
    tags: ['knowledge base admin'],
    access: 'session',
    body: ArticlePreviewInputSchema,
    response: z.object({ html: z.string() }),
    errors: [403],
    handler: async ({ ctx, body }) => previewArticle(ctx, body),
  });

  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/admin/kb/articles',
    summary: 'Write an article (technicians)',
    tags: ['knowledge base admin'],
    access: 'session',
    body: ArticleInputSchema,
    response: ArticleViewSchema,
    status: 201,
    errors: [403, 409],
    handler: ({ ctx, body }) => createArticle(kb, ctx, body),
  });

  defineRoute(router, options, {
    method: 'put',
    path: '/api/v1/admin/kb/articles/:id',
    summary: 'Replace an article (technicians); re-indexes it alone',
    tags: ['knowledge base admin'],
    access: 'session',
    params: ArticleParams,
    body: ArticleInputSchema,
    response: ArticleViewSchema,
    errors: [403, 404, 409],
    handler: ({ ctx, params, body }) => updateArticleContent(kb, ctx, params.id, body),
  });

  defineRoute(router, options, {
    method: 'delete',
    path: '/api/v1/admin/kb/articles/:id',
    summary: 'Delete an article (technicians)',
    tags: ['knowledge base admin'],
    access: 'session',
    params: ArticleParams,
    errors: [403, 404],
    handler: ({ ctx, params }) => deleteArticle(kb, ctx, params.id),
  });

  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/admin/kb/import',
    summary: 'Import article files or a zip (technicians); re-importing updates, never duplicates',
    tags: ['knowledge base admin'],
    access: 'session',
    body: ImportRequestSchema,
    response: ImportSummarySchema,
    errors: [403, 413],
    handler: ({ ctx, body }) => {
      requireTechnician(ctx);
      return importArticles(kb, ctx.tenantId, filesOf(body), { prune: body.prune });
    },
  });
}
