// What the Tickets screen reads besides the tickets: the companies and technicians its filters and assignee picker
// offer, and the fields a technician sets; loaded once per sign-in. The queue's last address is kept so that "back"
// from a ticket returns to the same view. The queue and the open ticket follow the server's ticket events.
import { signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { Company } from '../../../domain/companies/company-schemas.js';
import type { TechnicianSummary } from '../../../domain/technicians/list-technicians.js';
import type { TicketForm, TicketsChangedEvent } from '../../../domain/tickets/ticket-schemas.js';
import * as socket from '../api/console-socket.js';
import { getTicketForm, listCompanies, listTechnicians } from '../api/tickets.js';

export const companies = signal<Company[]>([]);
export const technicians = signal<TechnicianSummary[]>([]);
export const customFields = signal<TicketForm['fields']>([]);
export const queueSearch = signal('');

let loading: Promise<void> | undefined;

export function loadTicketReferences(): Promise<void> {
  loading ??= Promise.all([listCompanies(), listTechnicians(), getTicketForm()]).then(([c, t, f]) => {
    if (c.ok) companies.value = c.body.companies;
    if (t.ok) technicians.value = t.body.technicians;
    if (f.ok) customFields.value = f.body.fields.filter((field) => field.kind === 'custom');
    if (!c.ok || !t.ok || !f.ok) loading = undefined;
  });
  return loading;
}

/** Events that come in a burst (a reply that also reopens, an escalation with its note) are read once. */
export const REFRESH_DEBOUNCE_MS = 300;

/**
 * Calls `refresh` when the server says a ticket changed (`tickets:changed`), for the tickets `concerns` keeps, at most
 * once per burst. No polling: the event comes for every creation, change and comment. Only when the connection opens
 * (a first connection after the screen loaded, or again after a drop) is the screen read once more, since changes made
 * while nothing listened told nobody; a connection recovered within the server's window was given them instead.
 */
export function useTicketEvents(refresh: () => void, concerns: (event: TicketsChangedEvent) => boolean = () => true): void {
  const latest = useRef({ refresh, concerns });
  latest.current = { refresh, concerns };
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => latest.current.refresh(), REFRESH_DEBOUNCE_MS);
    };
    const stop = socket.listen({
      connected: (recovered) => {
        if (!recovered) soon();
      },
      events: { 'tickets:changed': (event) => latest.current.concerns(event) && soon() },
    });
    socket.connect();
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, []);
}
