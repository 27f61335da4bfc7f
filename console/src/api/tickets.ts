import type { ListTicketsQuery, TicketView } from '../../../domain/tickets/ticket-schemas.js';
import { request } from '../../../portal-widget/src/api/http.js';

export type TicketFilters = Partial<Omit<ListTicketsQuery, 'status'>> & { status?: string[] };

/** The query string of a queue: empty filters are left out. */
export function ticketQuery(filters: TicketFilters): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    query.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

export const listTickets = (filters: TicketFilters) =>
  request<{ tickets: TicketView[]; total: number; limit: number; offset: number }>(`/api/v1/tickets${ticketQuery(filters)}`);
