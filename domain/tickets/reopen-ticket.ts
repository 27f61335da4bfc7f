import type pg from 'pg';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { updateTicketStatus } from '../../db/repositories/tickets.js';
import { withTransaction } from '../../db/transaction.js';
import { requireSection } from '../access/require.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import type { TicketView } from './ticket-schemas.js';
import { loadVisibleTicket } from './ticket-access.js';
import { getTicket } from './get-ticket.js';
import { isClosedStatus } from './ticket-view.js';

export async function reopenTicket(pool: pg.Pool, ctx: Ctx, ref: string): Promise<TicketView> {
  const { settings } = await requireSection(pool, ctx, 'ticketing');
  const ticket = await loadVisibleTicket(pool, ctx, settings, ref);
  if (ctx.actor.kind !== 'technician' && settings.tickets.cannotReopen) {
    throw new AppError('ticket_cannot_be_reopened', 'reopen refused by settings');
  }
  if (!isClosedStatus(ticket.status)) throw new AppError('conflict', `ticket is ${ticket.status}, not resolved or closed`);
  await withTransaction(pool, async (client) => {
    await updateTicketStatus(client, ctx.tenantId, ticket.id, 'open');
    await insertAuditEntry(client, ctx.tenantId, {
      actorKind: ctx.actor.kind,
      actorId: ctx.actor.id,
      action: 'ticket.reopened',
      targetKind: 'ticket',
      targetId: ticket.id,
      details: { from: ticket.status },
    });
  });
  return getTicket(pool, ctx, ticket.id);
}
