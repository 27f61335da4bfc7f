import type { Company } from '../../../domain/companies/company-schemas.js';
import type { TechnicianSummary } from '../../../domain/technicians/list-technicians.js';
import type {
  AddCommentInput,
  CommentView,
  ListTicketsQuery,
  TicketForm,
  TicketView,
  UpdateTicketInput,
} from '../../../domain/tickets/ticket-schemas.js';
import { request } from '../../../portal-widget/src/api/http.js';

export type TicketFilters = Partial<Omit<ListTicketsQuery, 'status'>> & { status?: string[] };
export type TicketPage = { tickets: TicketView[]; total: number; limit: number; offset: number };

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

export const listTickets = (filters: TicketFilters) => request<TicketPage>(`/api/v1/tickets${ticketQuery(filters)}`);
export const getTicket = (ref: string) => request<TicketView>(`/api/v1/tickets/${encodeURIComponent(ref)}`);
export const updateTicket = (id: string, patch: UpdateTicketInput) => request<TicketView>(`/api/v1/tickets/${id}`, { method: 'PATCH', body: patch });
export const addComment = (id: string, comment: AddCommentInput) =>
  request<CommentView>(`/api/v1/tickets/${id}/comments`, { method: 'POST', body: comment });
/** Every field a technician may set, custom ones with their labels and kinds. */
export const getTicketForm = () => request<TicketForm>('/api/v1/tickets/form');
export const listCompanies = () => request<{ companies: Company[] }>('/api/v1/admin/companies');
export const listTechnicians = () => request<{ technicians: TechnicianSummary[] }>('/api/v1/admin/technicians');
