import type { Router } from 'express';
import type pg from 'pg';
import * as z from 'zod';
import { CatalogAppViewSchema } from '../../domain/catalog/catalog-schemas.js';
import { listCatalog } from '../../domain/catalog/list-catalog.js';
import { ConversationSummarySchema, ConversationViewSchema } from '../../domain/conversations/conversation-schemas.js';
import { getConversation, listMyConversations } from '../../domain/conversations/get-conversation.js';
import { DeviceViewSchema } from '../../domain/devices/device-schemas.js';
import { listMyDevices } from '../../domain/devices/list-my-devices.js';
import { defineRoute, type RouteOptions } from '../http/route.js';

const IdParams = z.strictObject({ id: z.uuid() });

/** The REST side of the assistant: conversations to restore, and the devices and catalog that self-service offers. */
export function assistantRoutes(router: Router, options: RouteOptions, deps: { pool: pg.Pool }): void {
  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/conversations',
    summary: "The user's recent conversations with the assistant, newest first",
    tags: ['assistant'],
    access: 'session',
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(50).default(20) }),
    response: z.object({ conversations: z.array(ConversationSummarySchema) }),
    errors: [403],
    handler: async ({ ctx, query }) => ({ conversations: await listMyConversations(deps.pool, ctx, query.limit) }),
  });

  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/conversations/:id',
    summary: 'One conversation with its messages and action requests',
    tags: ['assistant'],
    access: 'session',
    params: IdParams,
    response: ConversationViewSchema,
    errors: [403, 404],
    handler: ({ ctx, params }) => getConversation(deps.pool, ctx, params.id),
  });

  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/devices',
    summary: 'The devices assigned to the user',
    tags: ['self-service'],
    access: 'session',
    response: z.object({ devices: z.array(DeviceViewSchema) }),
    errors: [403],
    handler: async ({ ctx }) => ({ devices: await listMyDevices(deps.pool, ctx) }),
  });

  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/catalog',
    summary: 'The software the user may install (technicians: the whole catalog)',
    tags: ['self-service'],
    access: 'session',
    response: z.object({ apps: z.array(CatalogAppViewSchema) }),
    errors: [403],
    handler: async ({ ctx }) => ({ apps: await listCatalog(deps.pool, ctx) }),
  });
}
