import type pg from 'pg';
import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import { commentNotice, ticketUpdateNotice, type TicketNotice } from '../../domain/tickets/ticket-notices.js';
import type { PortalEvents } from './portal-events.js';
import { userRoom } from './rooms.js';

/**
 * Tells the portal users who read a ticket what happened to it: a public comment by someone else (`ticket:comment`),
 * a change of the ticket (`ticket:updated`). The events on the bus carry ids only; who hears what is decided here,
 * from the database, so an internal note can never go out whoever announced it.
 */
export function startTicketDelivery(io: Server, pool: pg.Pool, logger: Logger, events: PortalEvents): void {
  const portal = io.of('/portal');
  const send = <P>(tenantId: string, event: string, notice: TicketNotice<P> | undefined) => {
    if (!notice || notice.contactIds.length === 0) return;
    portal.to(notice.contactIds.map((id) => userRoom(tenantId, id))).emit(event, notice.payload);
  };
  const failed = (error: unknown) => logger.error({ err: error }, 'ticket notice failed');
  events.on('ticketCommented', (tenantId, commentId) => {
    void commentNotice(pool, tenantId, commentId)
      .then((notice) => send(tenantId, 'ticket:comment', notice))
      .catch(failed);
  });
  events.on('ticketChanged', (tenantId, ticketId) => {
    void ticketUpdateNotice(pool, tenantId, ticketId)
      .then((notice) => send(tenantId, 'ticket:updated', notice))
      .catch(failed);
  });
}
