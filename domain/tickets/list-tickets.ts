import type { Queryable } from '../../db/transaction.js';
import { listTickets as selectTickets } from '../../db/repositories/tickets.js';
import { requireSection } from '../access/require.js';
import type { Ctx } from '../context.js';
import type { ListTicketsQuery, TicketView } from './ticket-schemas.js';
import { ticketScopeFor, visibleStatusesFor } from './ticket-access.js';
import { ticketView } from './ticket-view.js';

export async function listTickets(
  q: Queryable,
  ctx: Ctx,
  query: ListTicketsQuery,
): Promise<{ tickets: TicketView[]; total: number; limit: number; offset: number }> {
  const { settings, customFields } = await requireSection(q, ctx, 'ticketing');
  const visible = visibleStatusesFor(ctx.actor, settings);
  const statuses = query.status ? visible.filter((s) => s === query.status) : visible;
  const { rows, total } = await selectTickets(q, ctx.tenantId, ticketScopeFor(ctx.actor), {
    statuses,
    limit: query.limit,
    offset: query.offset,
  });
  return {
    tickets: rows.map((row) => ticketView(row, ctx.actor, settings, customFields)),
    total,
    limit: query.limit,
    offset: query.offset,
  };
}
