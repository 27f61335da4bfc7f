import type { AddCommentInput, CommentView, CreateTicketInput, TicketForm, TicketView } from '../../../domain/tickets/ticket-schemas.js';
import { portalUrl } from '../app/environment.js';
import { request } from './http.js';

const ticketPath = (ref: string | number) => `/api/v1/tickets/${encodeURIComponent(String(ref))}`;

export const listTickets = () => request<{ tickets: TicketView[]; total: number }>('/api/v1/tickets');
export const getTicket = (ref: string | number) => request<TicketView>(ticketPath(ref));
export const getTicketForm = () => request<TicketForm>('/api/v1/tickets/form');
export const postComment = (ref: string, comment: AddCommentInput) => request<CommentView>(`${ticketPath(ref)}/comments`, { method: 'POST', body: comment });
export const postReopen = (ref: string) => request<TicketView>(`${ticketPath(ref)}/reopen`, { method: 'POST' });
export const postTicket = (input: CreateTicketInput) => request<TicketView>('/api/v1/tickets', { method: 'POST', body: input });
export const attachmentUrl = (ticketId: string, attachmentId: string) => portalUrl(`${ticketPath(ticketId)}/attachments/${attachmentId}`);
