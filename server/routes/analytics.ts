import type { Router } from 'express';
import { AnalyticsQuerySchema, AnalyticsSchema } from '../../domain/analytics/analytics-schemas.js';
import { getAnalytics } from '../../domain/analytics/get-analytics.js';
import type { KnowledgeBase } from '../../domain/kb/knowledge-base.js';
import { defineRoute, type RouteOptions } from '../http/route.js';

export function analyticsRoutes(router: Router, options: RouteOptions, deps: { kb: KnowledgeBase }): void {
  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/admin/analytics',
    summary:
      'Chat sessions and what became of them, escalations, actions, installs, cited articles and the questions the knowledge base could not answer, ' +
      'for a period and optionally a company (technicians)',
    tags: ['admin'],
    access: 'session',
    query: AnalyticsQuerySchema,
    response: AnalyticsSchema,
    errors: [403, 404],
    handler: ({ ctx, query }) => getAnalytics({ kb: deps.kb }, ctx, query),
  });
}
