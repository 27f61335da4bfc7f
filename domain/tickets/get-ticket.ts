import type { Queryable } from '../../db/transaction.js';
import { listComments } from '../../db/repositories/tickets.js';
import { requireSection } from '../access/require.js';
import type { Ctx } from '../context.js';
import type { TicketView } from './ticket-schemas.js';
import { loadVisibleTicket } from './ticket-access.js';
import { ticketView } from './ticket-view.js';

/** One ticket with its comments: portal users get the public ones only. */
export async function getTicket(q: Queryable, ctx: Ctx, ref: string): Promise<TicketView> {
  const { settings, customFields } = await requireSection(q, ctx, 'ticketing');
  const row = await loadVisibleTicket(q, ctx, settings, ref);
  const comments = await listComments(q, ctx.tenantId, row.id, ctx.actor.kind !== 'technician');
  return ticketView(row, ctx.actor, settings, customFields, comments);
}
