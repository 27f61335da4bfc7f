import type { Router } from 'express';
import type pg from 'pg';
import { ChatAppsPatchSchema, ChatAppsSchema } from '../../domain/chat-apps/chat-apps-schemas.js';
import { getChatApps } from '../../domain/chat-apps/get-chat-apps.js';
import { updateChatApps } from '../../domain/chat-apps/update-chat-apps.js';
import type { SecretBox } from '../../domain/secrets/secret-box.js';
import { defineRoute, type RouteOptions } from '../http/route.js';
import type { PortalEvents } from '../realtime/portal-events.js';

export function adminChatAppRoutes(router: Router, options: RouteOptions, deps: { pool: pg.Pool; events: PortalEvents; secrets: SecretBox | undefined }): void {
  const { pool } = deps;
  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/admin/chat-apps',
    summary: "The tenant's own Slack and Teams apps (admins): which secrets are saved, never their values",
    tags: ['admin'],
    access: 'session',
    response: ChatAppsSchema,
    errors: [403],
    handler: ({ ctx }) => getChatApps(pool, ctx),
  });

  defineRoute(router, options, {
    method: 'patch',
    path: '/api/v1/admin/chat-apps',
    summary: 'Change the Slack and Teams apps (admins); an absent secret is kept, null clears it; requests use the change at once',
    tags: ['admin'],
    access: 'session',
    body: ChatAppsPatchSchema,
    response: ChatAppsSchema,
    errors: [403, 503],
    handler: async ({ ctx, body }) => {
      const apps = await updateChatApps({ pool, secrets: deps.secrets }, ctx, body);
      deps.events.emit('chatAppsChanged', ctx.tenantId);
      return apps;
    },
  });
}
