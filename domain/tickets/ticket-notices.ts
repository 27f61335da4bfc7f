import { findComment, findTicket, findTicketNumber, listTicketReaders, type TicketRow } from '../../db/repositories/tickets.js';
import type { Queryable } from '../../db/transaction.js';
import { contactActor } from '../auth/actor-from-row.js';
import { loadPortalConfig } from '../settings/load-settings.js';
import { visibilityOf, type PortalSettings } from '../settings/settings-schema.js';
import { sectionsForActor } from '../settings/sections-for-actor.js';
import { visibleStatusesFor } from './ticket-access.js';
import {
  TicketCommentEventSchema,
  TicketsChangedEventSchema,
  TicketUpdatedEventSchema,
  type TicketCommentEvent,
  type TicketsChangedEvent,
  type TicketUpdatedEvent,
} from './ticket-schemas.js';

/** A live notice about a ticket and the portal users who should get it now. */
export type TicketNotice<P> = { payload: P; contactIds: string[] };

/**
 * The portal users who may read the ticket as it is now: its requester and its company's primary contacts, each only
 * while the ticketing section is on for them and the ticket's status is one the portal shows.
 */
async function currentReaders(q: Queryable, tenantId: string, ticket: TicketRow, settings: PortalSettings): Promise<string[]> {
  const rows = await listTicketReaders(q, tenantId, ticket.id);
  return rows
    .map(contactActor)
    .filter((actor) => sectionsForActor(settings, actor).ticketing && visibleStatusesFor(actor, settings).includes(ticket.status))
    .map((actor) => actor.id);
}

/** A public comment for its ticket's readers other than its author; an internal note is nobody's notice. */
export async function commentNotice(q: Queryable, tenantId: string, commentId: string): Promise<TicketNotice<TicketCommentEvent> | undefined> {
  const comment = await findComment(q, tenantId, commentId);
  if (!comment?.is_public) return undefined;
  const ticket = await findTicket(q, tenantId, { id: comment.ticket_id });
  if (!ticket) return undefined;
  const { settings } = await loadPortalConfig(q, tenantId);
  const readers = await currentReaders(q, tenantId, ticket, settings);
  const author = comment.author_kind === 'contact' ? comment.author_id : null;
  // Parsed, so that nothing beyond the contract (the public flag, the author's id) can slip into the event.
  const payload = TicketCommentEventSchema.parse({
    ticketId: ticket.id,
    number: ticket.number,
    comment: {
      id: comment.id,
      body: comment.body,
      author: { name: comment.author_name, role: comment.author_kind },
      createdAt: comment.created_at.toISOString(),
    },
  });
  return { payload, contactIds: readers.filter((id) => id !== author) };
}

/** A ticket changed: its readers' windows refresh it; the status is left out where the portal hides it. */
export async function ticketUpdateNotice(q: Queryable, tenantId: string, ticketId: string): Promise<TicketNotice<TicketUpdatedEvent> | undefined> {
  const ticket = await findTicket(q, tenantId, { id: ticketId });
  if (!ticket) return undefined;
  const { settings } = await loadPortalConfig(q, tenantId);
  const payload = TicketUpdatedEventSchema.parse({
    ticketId: ticket.id,
    number: ticket.number,
    ...(visibilityOf(settings, 'status') === 'hidden' ? {} : { status: ticket.status }),
  });
  return { payload, contactIds: await currentReaders(q, tenantId, ticket, settings) };
}

/** For the tenant's technicians, who may read every ticket: which one to read again. */
export async function technicianNotice(q: Queryable, tenantId: string, ticketId: string): Promise<TicketsChangedEvent | undefined> {
  const number = await findTicketNumber(q, tenantId, ticketId);
  return number === undefined ? undefined : TicketsChangedEventSchema.parse({ ticketId, number });
}

/** A comment, public or internal, is a change of its ticket for the technicians. */
export async function technicianCommentNotice(q: Queryable, tenantId: string, commentId: string): Promise<TicketsChangedEvent | undefined> {
  const comment = await findComment(q, tenantId, commentId);
  return comment ? technicianNotice(q, tenantId, comment.ticket_id) : undefined;
}
