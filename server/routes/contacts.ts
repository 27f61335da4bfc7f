import type { Router } from 'express';
import type pg from 'pg';
import type { Logger } from 'pino';
import {
  ContactImportParamsSchema,
  ContactImportQuerySchema,
  ContactImportSchema,
  ImportContactsSchema,
} from '../../domain/contacts/contact-import-schemas.js';
import { CreateContactSchema, CreatedContactSchema, createContact } from '../../domain/contacts/create-contact.js';
import { getContactImport } from '../../domain/contacts/get-contact-import.js';
import { ContactDetailSchema, getContact } from '../../domain/contacts/get-contact.js';
import { ContactParamsSchema, sendWelcomeEmail, WelcomeQueuedSchema } from '../../domain/contacts/send-welcome-email.js';
import { startContactImport } from '../../domain/contacts/start-contact-import.js';
import { updateContact, UpdateContactSchema } from '../../domain/contacts/update-contact.js';
import type { EmailDispatch } from '../../domain/email/email-transport.js';
import { defineRoute, type RouteOptions } from '../http/route.js';
import type { PortalEvents } from '../realtime/portal-events.js';

export function contactRoutes(router: Router, options: RouteOptions, deps: { pool: pg.Pool; email: EmailDispatch; events: PortalEvents; logger: Logger }): void {
  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/admin/contacts',
    summary:
      'Create a contact with a generated username and password, answered this once; the welcome email goes out when the setting welcomeEmail.automatic is on (technicians)',
    tags: ['admin'],
    access: 'session',
    body: CreateContactSchema,
    response: CreatedContactSchema,
    status: 201,
    errors: [403, 404, 409],
    handler: ({ ctx, body }) => createContact(deps, ctx, body),
  });

  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/admin/contacts/:id/welcome',
    summary: "Reset the contact's password and send the welcome email with the new one; their sessions end (technicians)",
    tags: ['admin'],
    access: 'session',
    params: ContactParamsSchema,
    response: WelcomeQueuedSchema,
    status: 202,
    errors: [403, 404],
    handler: async ({ ctx, params }) => {
      const { endedSessions, ...queued } = await sendWelcomeEmail(deps, ctx, params.id);
      for (const key of endedSessions) deps.events.emit('sessionEnded', key);
      return queued;
    },
  });

  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/admin/contacts/import',
    summary:
      'Import contacts from CSV (admins): the header is checked at once, then each contact is created in the background as POST /api/v1/admin/contacts does (generated credentials, welcome email per welcomeEmail.automatic); follow the import by its id',
    tags: ['admin'],
    access: 'session',
    body: ImportContactsSchema,
    response: ContactImportSchema,
    status: 202,
    errors: [403, 409, 413],
    handler: async ({ ctx, body }) => {
      const { job, run } = await startContactImport(deps, ctx, body.csv);
      void run().catch((error: unknown) => deps.logger.error({ err: error, importId: job.id }, 'contact import stopped'));
      return job;
    },
  });

  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/admin/contacts/import/:jobId',
    summary: "A contact import's progress and its report per row: created, or skipped with the reason (admins)",
    tags: ['admin'],
    access: 'session',
    params: ContactImportParamsSchema,
    query: ContactImportQuerySchema,
    response: ContactImportSchema,
    errors: [403, 404],
    handler: ({ ctx, params, query }) => getContactImport(deps.pool, ctx, params.jobId, query.rowsFrom),
  });

  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/admin/contacts/:id',
    summary: 'One contact with the devices assigned to them (technicians)',
    tags: ['admin'],
    access: 'session',
    params: ContactParamsSchema,
    response: ContactDetailSchema,
    errors: [403, 404],
    handler: ({ ctx, params }) => getContact(deps.pool, ctx, params.id),
  });

  defineRoute(router, options, {
    method: 'patch',
    path: '/api/v1/admin/contacts/:id',
    summary:
      "Edit a contact's name, language, primary flag, company or phone, each change audited (technicians); replacing or removing a saved phone is a 2FA reset, for admins",
    tags: ['admin'],
    access: 'session',
    params: ContactParamsSchema,
    body: UpdateContactSchema,
    response: ContactDetailSchema,
    errors: [403, 404],
    handler: ({ ctx, params, body }) => updateContact(deps.pool, ctx, params.id, body),
  });
}
