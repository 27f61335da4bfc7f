import type { Router } from 'express';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { EmailDispatch } from '../../domain/email/email-transport.js';
import * as z from 'zod';
import { addComment } from '../../domain/tickets/add-comment.js';
import { createTicket } from '../../domain/tickets/create-ticket.js';
import { describeTicketForm } from '../../domain/tickets/describe-ticket-form.js';
import { getTicket } from '../../domain/tickets/get-ticket.js';
import { getTicketAttachment } from '../../domain/tickets/get-ticket-attachment.js';
import { listTickets } from '../../domain/tickets/list-tickets.js';
import { reopenTicket } from '../../domain/tickets/reopen-ticket.js';
import { updateTicket } from '../../domain/tickets/update-ticket.js';
import {
  AddCommentSchema,
  AttachmentParamsSchema,
  CommentViewSchema,
  CreateTicketSchema,
  ListTicketsQuerySchema,
  TicketFormSchema,
  TicketListSchema,
  TicketRefSchema,
  TicketViewSchema,
  UpdateTicketSchema,
} from '../../domain/tickets/ticket-schemas.js';
import { defineRoute, type RouteOptions } from '../http/route.js';
import { notifyTicketByEmail } from '../channels/email/ticket-notifications.js';
import type { PortalEvents } from '../realtime/portal-events.js';

const TicketParams = z.strictObject({ id: TicketRefSchema });

export function ticketRoutes(
  router: Router,
  options: RouteOptions,
  deps: { pool: pg.Pool; events: PortalEvents; email: EmailDispatch; logger: Logger },
): void {
  const { pool, events } = deps;
  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/tickets',
    summary:
      "The tickets the user may see, newest update first: a technician's whole queue with its filters; a portal user's own, or their company's for a primary contact. Pages by `limit` and `offset`: the next page is at `offset + limit` while that is below `total`",
    tags: ['tickets'],
    access: 'session',
    query: ListTicketsQuerySchema,
    response: TicketListSchema,
    errors: [403],
    handler: ({ ctx, query }) => listTickets(pool, ctx, query),
  });

  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/tickets',
    summary: 'Open a ticket; its requester gets an email with its `[#number]`',
    tags: ['tickets'],
    access: 'session',
    body: CreateTicketSchema,
    response: TicketViewSchema,
    status: 201,
    errors: [403, 429],
    handler: async ({ ctx, body }) => {
      const ticket = await createTicket(pool, ctx, body);
      events.emit('ticketCreated', ctx.tenantId, ticket.id);
      notifyTicketByEmail(deps, ctx.tenantId, { kind: 'created', ticketId: ticket.id });
      return ticket;
    },
  });

  // Before /tickets/:id, which would take "form" for a ticket reference.
  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/tickets/form',
    summary: 'The new-ticket form as this user may fill it: visible fields, which are editable, and whether manual creation is on',
    tags: ['tickets'],
    access: 'session',
    response: TicketFormSchema,
    errors: [403],
    handler: ({ ctx }) => describeTicketForm(pool, ctx),
  });

  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/tickets/:id',
    summary: 'One ticket with its public comments',
    tags: ['tickets'],
    access: 'session',
    params: TicketParams,
    response: TicketViewSchema,
    errors: [403, 404],
    handler: ({ ctx, params }) => getTicket(pool, ctx, params.id),
  });

  defineRoute(router, options, {
    method: 'get',
    path: '/api/v1/tickets/:id/attachments/:attachmentId',
    summary:
      "Download one of a ticket's files, for whoever may read the ticket; always as an attachment (never shown inline), with the type its content was recognised as",
    tags: ['tickets'],
    access: 'session',
    params: AttachmentParamsSchema,
    file: 'The file, with `Content-Disposition: attachment`',
    errors: [403, 404],
    handler: async ({ ctx, params, res }) => {
      const file = await getTicketAttachment(pool, ctx, { ticket: params.id, attachmentId: params.attachmentId });
      // attachment() sets a type from the name's extension; the content's recognised type replaces it.
      res.attachment(file.filename);
      res.set({
        'Content-Type': file.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : file.contentType,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
        'Content-Security-Policy': "default-src 'none'; sandbox",
      });
      res.send(file.content);
    },
  });

  defineRoute(router, options, {
    method: 'patch',
    path: '/api/v1/tickets/:id',
    summary: "Technicians: change a ticket's status, priority, assignee or custom fields; each change is audited and its readers' portals hear of it",
    tags: ['tickets'],
    access: 'session',
    params: TicketParams,
    body: UpdateTicketSchema,
    response: TicketViewSchema,
    errors: [403, 404],
    handler: async ({ ctx, params, body }) => {
      const { ticket, changed } = await updateTicket(pool, ctx, params.id, body);
      if (changed.length > 0) events.emit('ticketChanged', ctx.tenantId, ticket.id, changed.some((field) => field !== 'assignee'));
      return ticket;
    },
  });

  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/tickets/:id/comments',
    summary:
      "Add a comment; a portal user's on a resolved or closed ticket reopens it, unless the settings forbid reopening. A public comment reaches the ticket's other readers as `ticket:comment`; a technician's internal note never reaches a portal user",
    tags: ['tickets'],
    access: 'session',
    params: TicketParams,
    body: AddCommentSchema,
    response: CommentViewSchema,
    status: 201,
    errors: [403, 404],
    handler: async ({ ctx, params, body }) => {
      const { comment, ticketId, reopened } = await addComment(pool, ctx, params.id, body);
      events.emit('ticketCommented', ctx.tenantId, comment.id);
      if (reopened) events.emit('ticketChanged', ctx.tenantId, ticketId, true);
      return comment;
    },
  });

  defineRoute(router, options, {
    method: 'post',
    path: '/api/v1/tickets/:id/reopen',
    summary: 'Reopen a resolved or closed ticket',
    tags: ['tickets'],
    access: 'session',
    params: TicketParams,
    response: TicketViewSchema,
    errors: [403, 404, 409],
    handler: async ({ ctx, params }) => {
      const ticket = await reopenTicket(pool, ctx, params.id);
      events.emit('ticketChanged', ctx.tenantId, ticket.id, true);
      return ticket;
    },
  });
}
