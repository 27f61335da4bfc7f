import { signal } from '@preact/signals';
import type { TicketView } from '../../../domain/tickets/ticket-schemas.js';
import { listTickets } from '../api/tickets.js';

export type TicketsState = { state: 'idle' } | { state: 'loading' } | { state: 'loaded'; tickets: TicketView[] } | { state: 'failed'; message: string };

export const tickets = signal<TicketsState>({ state: 'idle' });

/** Fetched again each time the list is shown, since the chat may have opened a ticket meanwhile. */
export async function loadTickets(): Promise<void> {
  if (tickets.value.state !== 'loaded') tickets.value = { state: 'loading' };
  const answer = await listTickets();
  tickets.value = answer.ok ? { state: 'loaded', tickets: answer.body.tickets } : { state: 'failed', message: answer.error.message };
}

export function forgetTickets(): void {
  tickets.value = { state: 'idle' };
}
