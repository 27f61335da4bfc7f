import type { Queryable } from '../../db/transaction.js';
import { findTicket, type TicketRow, type TicketScope } from '../../db/repositories/tickets.js';
import type { Actor, Ctx } from '../context.js';
import { AppError } from '../errors.js';
import type { PortalSettings } from '../settings/settings-schema.js';

/** Technicians see the tenant; a primary contact their company; any other contact their own tickets. */
export function ticketScopeFor(actor: Actor): TicketScope {
  if (actor.kind === 'technician') return { kind: 'tenant' };
  return actor.primary ? { kind: 'company', companyId: actor.companyId } : { kind: 'requester', contactId: actor.id };
}

function inScope(row: TicketRow, scope: TicketScope): boolean {
  switch (scope.kind) {
    case 'tenant':
      return true;
    case 'company':
      return row.company_id === scope.companyId;
    case 'requester':
      return row.requester_id === scope.contactId;
  }
}

/** Statuses a reader may see: portal users only those the settings list. */
export function visibleStatusesFor(actor: Actor, settings: PortalSettings): string[] {
  return actor.kind === 'technician' ? ['open', 'pending', 'resolved', 'closed'] : settings.tickets.visibleStatuses;
}

/** A ticket the actor may see, by id or number; anything else, including another company's or tenant's, is not found. */
export async function loadVisibleTicket(q: Queryable, ctx: Ctx, settings: PortalSettings, ref: string): Promise<TicketRow> {
  const by = /^\d+$/.test(ref) ? { number: Number(ref) } : { id: ref.toLowerCase() };
  const row = await findTicket(q, ctx.tenantId, by);
  if (!row || !inScope(row, ticketScopeFor(ctx.actor)) || !visibleStatusesFor(ctx.actor, settings).includes(row.status)) {
    throw new AppError('not_found', 'ticket not visible');
  }
  return row;
}
