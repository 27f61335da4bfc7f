import type { Router } from 'express';
import type pg from 'pg';
import * as z from 'zod';
import { ContactSummarySchema, listContacts, ListContactsQuerySchema } from '../../domain/contacts/list-contacts.js';
import { EmbedSecretSchema, getEmbedSecret } from '../../domain/embed/get-embed-secret.js';
import { rotateEmbedSecret } from '../../domain/embed/rotate-embed-secret.js';
import type { SecretBox } from '../../domain/secrets/secret-box.js';
import { getSettings } from '../../domain/settings/get-settings.js';
import { PortalSettingsSchema } from '../../domain/settings/settings-schema.js';
import { SettingsPatchSchema, updateSettings } from '../../domain/settings/update-settings.js';
import { defineRoute, type RouteOptions } from '../http/route.js';
import type { PortalEvents } from '../realtime/portal-events.js';

export function adminRoutes(router: Router, options: RouteOptions, deps: { pool: pg.Pool; events: PortalEvents; secrets: SecretBox | undefined }): void {
  const { pool } = deps;
  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/admin/settings',
    summary: 'The portal settings document (technicians)',
    tags: ['admin'],
    access: 'session',
    response: PortalSettingsSchema,
    errors: [403],
    handler: ({ ctx }) => getSettings(pool, ctx),
  });

  defineRoute(router, options, {
    method: 'patch',
    path: '/api/v1/admin/settings',
    summary: 'Change the portal settings with a JSON merge patch (admins); applies to signed-in users at once',
    tags: ['admin'],
    access: 'session',
    body: SettingsPatchSchema,
    response: PortalSettingsSchema,
    errors: [403],
    handler: async ({ ctx, body }) => {
      const settings = await updateSettings(pool, ctx, body);
      deps.events.emit('settingsChanged', ctx.tenantId);
      return settings;
    },
  });

  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/admin/contacts',
    summary: 'Search contacts by name, email, username or company (technicians)',
    tags: ['admin'],
    access: 'session',
    query: ListContactsQuerySchema,
    response: z.object({ contacts: z.array(ContactSummarySchema) }),
    errors: [403],
    handler: async ({ ctx, query }) => ({ contacts: await listContacts(pool, ctx, query) }),
  });

  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/admin/embed/secret',
    summary: 'The key host pages sign verified identities with (admins); created on first read',
    tags: ['admin'],
    access: 'session',
    response: EmbedSecretSchema,
    errors: [403, 503],
    handler: ({ ctx }) => getEmbedSecret({ pool, secrets: deps.secrets }, ctx),
  });

  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/admin/embed/secret/rotate',
    summary: 'Replace the embed secret (admins); identities signed with the old one are refused at once',
    tags: ['admin'],
    access: 'session',
    response: EmbedSecretSchema,
    errors: [403, 503],
    handler: ({ ctx }) => rotateEmbedSecret({ pool, secrets: deps.secrets }, ctx),
  });
}
