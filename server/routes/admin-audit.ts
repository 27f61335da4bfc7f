import type { Router } from 'express';
import type pg from 'pg';
import { AuditPageSchema, AuditQuerySchema } from '../../domain/audit/audit-schemas.js';
import { listAuditLog } from '../../domain/audit/list-audit-log.js';
import { defineRoute, type RouteOptions } from '../http/route.js';

export function adminAuditRoutes(router: Router, options: RouteOptions, deps: { pool: pg.Pool }): void {
  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/admin/audit',
    summary:
      'The audit log, newest first (technicians): who changed what and when, filtered by actor, action (or its family), entity, time and text. Pages by `limit` and `offset` out of `total`',
    tags: ['admin'],
    access: 'session',
    query: AuditQuerySchema,
    response: AuditPageSchema,
    errors: [403],
    handler: ({ ctx, query }) => listAuditLog(deps.pool, ctx, query),
  });
}
