// The Tickets tab: the list, one ticket open with its thread, and the new-ticket form as the settings allow it.
import { signal } from '@preact/signals';
import type { CreateTicketInput, TicketForm, TicketView } from '../../../domain/tickets/ticket-schemas.js';
import { encodeFiles } from '../api/files.js';
import type { ApiError } from '../api/http.js';
import { getTicket, getTicketForm, listTickets, postComment, postReopen, postTicket } from '../api/tickets.js';
import { tr } from '../i18n/i18n.js';
import type { Loadable } from './loadable.js';

export type TicketsState = { state: 'idle' } | { state: 'loading' } | { state: 'loaded'; tickets: TicketView[] } | { state: 'failed'; message: string };

export const tickets = signal<TicketsState>({ state: 'idle' });
/** The ticket shown instead of the list, by its number. */
export const openTicket = signal<Loadable<TicketView> | undefined>(undefined);
/** The form also names custom fields: their admin's labels live there only. */
export const ticketForm = signal<Loadable<TicketForm>>({ state: 'idle' });
/** The new-ticket form shown instead of the list. */
export const creatingTicket = signal(false);

/** Fetched again each time the list is shown, since the chat may have opened a ticket meanwhile. */
export async function loadTickets(): Promise<void> {
  if (tickets.value.state !== 'loaded') tickets.value = { state: 'loading' };
  const answer = await listTickets();
  tickets.value = answer.ok ? { state: 'loaded', tickets: answer.body.tickets } : { state: 'failed', message: answer.error.message };
}

export async function loadTicketForm(): Promise<void> {
  if (ticketForm.value.state === 'loading') return;
  const answer = await getTicketForm();
  ticketForm.value = answer.ok ? { state: 'loaded', value: answer.body } : { state: 'failed', message: answer.error.message };
}

/** An admin changed the settings: the form's fields and the statuses listed may differ now, without a new login. */
export function ticketSettingsChanged(): void {
  if (ticketForm.value.state === 'loaded') void loadTicketForm();
  if (tickets.value.state === 'loaded') void loadTickets();
}

export async function showTicket(ref: string | number): Promise<void> {
  openTicket.value = { state: 'loading' };
  void loadTicketForm();
  await refreshTicket(ref);
}

export async function refreshTicket(ref: string | number): Promise<void> {
  const answer = await getTicket(ref);
  openTicket.value = answer.ok ? { state: 'loaded', value: answer.body } : { state: 'failed', message: answer.error.message };
}

/** A technician's reply or a change of status, heard live: the list and the open ticket show it without a reload. */
export async function ticketChanged(ticketId: string): Promise<void> {
  if (tickets.value.state === 'loaded') void loadTickets();
  const open = openTicket.value;
  if (open?.state === 'loaded' && open.value.id === ticketId) await refreshTicket(ticketId);
}

/** The server's message is already in the user's language; only a lost connection has none. */
const messageOf = (error: ApiError) => error.message || tr('shell.tickets.failed');

/** Adds a public comment and shows the ticket as it now is (a comment may have reopened it); the error otherwise. */
export async function commentOnTicket(ticketId: string, body: string, files: File[] = []): Promise<string | undefined> {
  const answer = await postComment(ticketId, { body, ...(files.length > 0 ? { attachments: await encodeFiles(files) } : {}) });
  if (!answer.ok) return messageOf(answer.error);
  await refreshTicket(ticketId);
  return undefined;
}

export async function reopenOpenTicket(ticketId: string): Promise<string | undefined> {
  const answer = await postReopen(ticketId);
  if (!answer.ok) return messageOf(answer.error);
  openTicket.value = { state: 'loaded', value: answer.body };
  return undefined;
}

export function startNewTicket(): void {
  creatingTicket.value = true;
  void loadTicketForm();
}

export function cancelNewTicket(): void {
  creatingTicket.value = false;
}

/** Opens the ticket once the server has it; the error otherwise. */
export async function createNewTicket(input: CreateTicketInput): Promise<string | undefined> {
  const answer = await postTicket(input);
  if (!answer.ok) return messageOf(answer.error);
  creatingTicket.value = false;
  await showTicket(answer.body.number);
  return undefined;
}

export function closeTicket(): void {
  openTicket.value = undefined;
  void loadTickets();
}

export function forgetTickets(): void {
  tickets.value = { state: 'idle' };
  openTicket.value = undefined;
  ticketForm.value = { state: 'idle' };
  creatingTicket.value = false;
}
