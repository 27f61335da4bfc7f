import type pg from 'pg';
import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import {
  commentNotice,
  technicianCommentNotice,
  technicianNotice,
  ticketUpdateNotice,
  type TicketNotice,
} from '../../domain/tickets/ticket-notices.js';
import type { TicketsChangedEvent } from '../../domain/tickets/ticket-schemas.js';
import type { PortalEvents } from './portal-events.js';
import { techniciansRoom, userRoom } from './rooms.js';

/**
 * Tells who reads a ticket what happened to it. The portal users who read it: a public comment by someone else
 * (`ticket:comment`), a change they can see (`ticket:updated`). The tenant's technicians: any creation, change or
 * comment (`tickets:changed`, ids only), so their consoles read the ticket again. The events on the bus carry ids only;
 * who hears what is decided here, from the database, so an internal note can never go out whoever announced it.
 */
export function startTicketDelivery(io: Server, pool: pg.Pool, logger: Logger, events: PortalEvents): void {
  const portal = io.of('/portal');
  const technicians = io.of('/console');
  const send = <P>(tenantId: string, event: string, notice: TicketNotice<P> | undefined) => {
    if (!notice || notice.contactIds.length === 0) return;
    portal.to(notice.contactIds.map((id) => userRoom(tenantId, id))).emit(event, notice.payload);
  };
  const tell = (tenantId: string, notice: TicketsChangedEvent | undefined) => {
    if (notice) technicians.to(techniciansRoom(tenantId)).emit('tickets:changed', notice);
  };
  const failed = (error: unknown) => logger.error({ err: error }, 'ticket notice failed');
  events.on('ticketCreated', (tenantId, ticketId) => {
    void technicianNotice(pool, tenantId, ticketId)
      .then((notice) => tell(tenantId, notice))
      .catch(failed);
  });
  events.on('ticketCommented', (tenantId, commentId) => {
    void commentNotice(pool, tenantId, commentId)
      .then((notice) => send(tenantId, 'ticket:comment', notice))
      .catch(failed);
    void technicianCommentNotice(pool, tenantId, commentId)
      .then((notice) => tell(tenantId, notice))
      .catch(failed);
  });
  events.on('ticketChanged', (tenantId, ticketId, readersSee) => {
    if (readersSee) {
      void ticketUpdateNotice(pool, tenantId, ticketId)
        .then((notice) => send(tenantId, 'ticket:updated', notice))
        .catch(failed);
    }
    void technicianNotice(pool, tenantId, ticketId)
      .then((notice) => tell(tenantId, notice))
      .catch(failed);
  });
}
