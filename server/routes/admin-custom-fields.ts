import type { Router } from 'express';
import type pg from 'pg';
import { createCustomField } from '../../domain/tickets/create-custom-field.js';
import {
  CreateCustomFieldSchema,
  CustomFieldListSchema,
  CustomFieldParamsSchema,
  CustomFieldViewSchema,
  UpdateCustomFieldSchema,
} from '../../domain/tickets/custom-field-schemas.js';
import { deleteCustomField } from '../../domain/tickets/delete-custom-field.js';
import { listCustomFields } from '../../domain/tickets/list-custom-fields.js';
import { updateCustomField } from '../../domain/tickets/update-custom-field.js';
import { defineRoute, type RouteOptions } from '../http/route.js';
import type { PortalEvents } from '../realtime/portal-events.js';

export function adminCustomFieldRoutes(router: Router, options: RouteOptions, deps: { pool: pg.Pool; events: PortalEvents }): void {
  const { pool, events } = deps;
  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/admin/custom-fields',
    summary: 'The custom ticket fields in form order, each with its visibility in the portal (admins)',
    tags: ['admin'],
    access: 'session',
    response: CustomFieldListSchema,
    errors: [403],
    handler: async ({ ctx }) => ({ fields: await listCustomFields(pool, ctx) }),
  });

  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/admin/custom-fields',
    summary: "Add a custom ticket field (admins); signed-in users' new-ticket forms show it at once (`settings:updated`)",
    tags: ['admin'],
    access: 'session',
    body: CreateCustomFieldSchema,
    response: CustomFieldViewSchema,
    status: 201,
    errors: [403, 409],
    handler: async ({ ctx, body }) => {
      const field = await createCustomField(pool, ctx, body);
      events.emit('settingsChanged', ctx.tenantId);
      return field;
    },
  });

  defineRoute(router, options, {
    method: 'patch',
    path: '/api/v1/admin/custom-fields/:id',
    summary: "Change a custom field's label, options, required flag, visibility or place (admins); its key and kind stay",
    tags: ['admin'],
    access: 'session',
    params: CustomFieldParamsSchema,
    body: UpdateCustomFieldSchema,
    response: CustomFieldViewSchema,
    errors: [403, 404],
    handler: async ({ ctx, params, body }) => {
      const field = await updateCustomField(pool, ctx, params.id, body);
      events.emit('settingsChanged', ctx.tenantId);
      return field;
    },
  });

  defineRoute(router, options, {
    method: 'delete',
    path: '/api/v1/admin/custom-fields/:id',
    summary: 'Remove a custom field with its values on tickets and its visibility setting (admins)',
    tags: ['admin'],
    access: 'session',
    params: CustomFieldParamsSchema,
    errors: [403, 404],
    handler: async ({ ctx, params }) => {
      await deleteCustomField(pool, ctx, params.id);
      events.emit('settingsChanged', ctx.tenantId);
    },
  });
}
