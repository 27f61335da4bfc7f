import { useEffect } from 'preact/hooks';
import type { TicketView } from '../../../domain/tickets/ticket-schemas.js';
import { language, tr } from '../i18n/i18n.js';
import { isPrimary, me } from '../store/session.js';
import { loadTickets, tickets } from '../store/tickets.js';

function TicketRow({ ticket }: { ticket: TicketView }) {
  return (
    <tr>
      <td>#{ticket.number}</td>
      <td>{ticket.subject ?? ''}</td>
      <td>{ticket.status && <span class={`status status-${ticket.status}`}>{tr(`status.${ticket.status}`)}</span>}</td>
      <td>{new Date(ticket.updatedAt).toLocaleDateString(language.value)}</td>
    </tr>
  );
}

/** The user's tickets, or the company's for a primary contact; a tab panel beside the chat, or the only view. */
export function TicketsView({ hidden, asTab }: { hidden: boolean; asTab: boolean }) {
  const ticketing = me.value?.sections.ticketing ?? false;
  useEffect(() => {
    if (!hidden && ticketing) void loadTickets();
  }, [hidden, ticketing]);

  const state = tickets.value;
  const list = state.state === 'loaded' ? state.tickets : [];
  const status = !ticketing
    ? tr('shell.ticketingOff')
    : state.state === 'failed'
      ? state.message
      : state.state === 'loaded'
        ? list.length === 0
          ? tr('shell.noTickets')
          : ''
        : tr('shell.loading');

  return (
    <section id="tickets" class="card" hidden={hidden} role={asTab ? 'tabpanel' : undefined} aria-labelledby={asTab ? 'tab-tickets' : 'tickets-title'}>
      <h1 id="tickets-title">{tr(isPrimary.value ? 'shell.companyTickets' : 'shell.myTickets')}</h1>
      <p id="tickets-status" role="status" aria-live="polite">
        {status}
      </p>
      <table id="tickets-table" hidden={!ticketing || list.length === 0}>
        <thead>
          <tr>
            <th scope="col">{tr('shell.number')}</th>
            <th scope="col">{tr('shell.subject')}</th>
            <th scope="col">{tr('shell.status')}</th>
            <th scope="col">{tr('shell.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((ticket) => (
            <TicketRow key={ticket.id} ticket={ticket} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
