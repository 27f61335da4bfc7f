import type { TicketView } from '../../../domain/tickets/ticket-schemas.js';
import { request } from './http.js';

export const listTickets = () => request<{ tickets: TicketView[]; total: number }>('/api/v1/tickets');
