import type { Router } from 'express';
import type pg from 'pg';
import * as z from 'zod';
import { listEmailOutbox, ListEmailOutboxQuerySchema, OutboxEmailSchema } from '../../domain/email/list-email-outbox.js';
import { EMAIL_KEPT_DAYS } from '../../domain/email/purge-email-outbox.js';
import { defineRoute, type RouteOptions } from '../http/route.js';

export function emailOutboxRoutes(router: Router, options: RouteOptions, deps: { pool: pg.Pool }): void {
  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/admin/outbox/email',
    summary: `The emails of the last ${EMAIL_KEPT_DAYS} days with their delivery state, newest first: held ones (no SMTP_URL) as the user would receive them, password included (admins)`,
    tags: ['admin'],
    access: 'session',
    query: ListEmailOutboxQuerySchema,
    response: z.object({ emails: z.array(OutboxEmailSchema) }),
    errors: [403],
    handler: async ({ ctx, query }) => ({ emails: await listEmailOutbox(deps.pool, ctx, query.limit) }),
  });
}
