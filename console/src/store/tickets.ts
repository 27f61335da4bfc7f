// What the Tickets screen reads besides the tickets: the companies and technicians its filters and assignee picker
// offer, and the fields a technician sets; loaded once per sign-in. The queue's last address is kept so that "back"
// from a ticket returns to the same view.
import { signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { Company } from '../../../domain/companies/company-schemas.js';
import type { TechnicianSummary } from '../../../domain/technicians/list-technicians.js';
import type { TicketForm } from '../../../domain/tickets/ticket-schemas.js';
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

/** How often an open queue or ticket asks again while its tab is shown: no technician event exists yet. */
export const REFRESH_MS = 15_000;

/**
 * Calls `refresh` every REFRESH_MS while the page is visible, and at once when it becomes visible again; a hidden tab
 * asks nothing.
 */
export function useLiveRefresh(refresh: () => void): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    const tick = () => {
      if (document.visibilityState === 'visible') latest.current();
    };
    const timer = setInterval(tick, REFRESH_MS);
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, []);
}
