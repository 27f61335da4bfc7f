import type { Queryable } from '../../db/transaction.js';
import { listTickets as selectTickets } from '../../db/repositories/tickets.js';
import { requireSection } from '../access/require.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { TECHNICIAN_FILTERS, type ListTicketsQuery, type TicketView } from './ticket-schemas.js';
import { ticketScopeFor, visibleStatusesFor } from './ticket-access.js';
import { ticketView } from './ticket-view.js';

/**
 * The tickets the reader may see, newest update first: a technician's queue with its filters, or a portal user's own
 * (a primary contact's company's). Filters on what portal users are not shown (assignee, escalation, company) and the
 * text search, which would reveal fields the settings hide, are the technicians'.
 */
export async function listTickets(
  q: Queryable,
  ctx: Ctx,
  query: ListTicketsQuery,
): Promise<{ tickets: TicketView[]; total: number; limit: number; offset: number }> {
  const { settings, customFields } = await requireSection(q, ctx, 'ticketing');
  if (ctx.actor.kind !== 'technician') {
    const field = TECHNICIAN_FILTERS.find((name) => query[name] !== undefined);
    if (field) throw new AppError('forbidden', `filter ${field} is for technicians`);
  }
  const visible = visibleStatusesFor(ctx.actor, settings);
  const statuses = query.status ? visible.filter((s) => query.status!.includes(s as (typeof query.status)[number])) : visible;
  const { rows, total } = await selectTickets(q, ctx.tenantId, ticketScopeFor(ctx.actor), {
    statuses,
    companyId: query.companyId,
    source: query.source,
    assigneeId: query.assigneeId === 'none' ? null : query.assigneeId,
    escalated: query.escalated,
    text: query.q,
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
