import type pg from 'pg';
import type { Logger } from 'pino';
import type { EmailDispatch } from '../../../domain/email/email-transport.js';
import { queueTicketNotification, type TicketNotification } from '../../../domain/email/queue-ticket-notification.js';
import { withTransaction } from '../../../db/transaction.js';
import type { PortalEvents } from '../../realtime/portal-events.js';

export type NotificationDeps = { pool: pg.Pool; logger: Logger; email: EmailDispatch };

/** Queues one notification and asks for it to be sent; a failure is logged, never the caller's. */
export function notifyTicketByEmail(deps: NotificationDeps, tenantId: string, notice: TicketNotification): void {
  const { pool, logger, email } = deps;
  void withTransaction(pool, (client) => queueTicketNotification(client, email, tenantId, notice))
    .then((queued) => queued && email.wake())
    .catch((error: unknown) => logger.error({ err: error }, 'ticket notification failed'));
}

/**
 * Emails a ticket's requester when a technician answers in public or the ticket is resolved, whichever route or socket
 * made the change: the events carry ids only, and the use case decides from the database what is worth an email, so an
 * internal note never goes out.
 */
export function startTicketNotifications(pool: pg.Pool, logger: Logger, events: PortalEvents, email: EmailDispatch): void {
  const notify = (tenantId: string, notice: TicketNotification) => notifyTicketByEmail({ pool, logger, email }, tenantId, notice);
  events.on('ticketCommented', (tenantId, commentId) => notify(tenantId, { kind: 'reply', commentId }));
  events.on('ticketChanged', (tenantId, ticketId) => notify(tenantId, { kind: 'resolved', ticketId }));
}
