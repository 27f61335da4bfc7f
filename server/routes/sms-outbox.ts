import type { Router } from 'express';
import type pg from 'pg';
import * as z from 'zod';
import { ListSmsOutboxQuerySchema, listSmsOutbox, OutboxSmsSchema } from '../../domain/sms/list-sms-outbox.js';
import { SMS_OUTBOX_KEPT_HOURS } from '../../domain/sms/purge-sms-outbox.js';
import { defineRoute, type RouteOptions } from '../http/route.js';

export function smsOutboxRoutes(router: Router, options: RouteOptions, deps: { pool: pg.Pool }): void {
  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/admin/outbox/sms',
    summary: `Text messages kept instead of sent while no SMS provider is configured, for ${SMS_OUTBOX_KEPT_HOURS} hours, newest first (admins)`,
    tags: ['admin'],
    access: 'session',
    query: ListSmsOutboxQuerySchema,
    response: z.object({ messages: z.array(OutboxSmsSchema) }),
    errors: [403],
    handler: async ({ ctx, query }) => ({ messages: await listSmsOutbox(deps.pool, ctx, query.limit) }),
  });
}
