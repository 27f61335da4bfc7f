import { useEffect } from 'preact/hooks';
import type { TicketView } from '../../../domain/tickets/ticket-schemas.js';
import { language, tr } from '../i18n/i18n.js';
import { isPrimary } from '../store/session.js';
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

/** The user's tickets, or the company's for a primary contact. */
export function TicketsView({ hidden }: { hidden: boolean }) {
  useEffect(() => {
    if (!hidden) void loadTickets();
  }, [hidden]);

  const state = tickets.value;
  const list = state.state === 'loaded' ? state.tickets : [];
  const status =
    state.state === 'failed'
      ? state.message
      : state.state === 'loaded'
        ? list.length === 0
          ? tr('shell.noTickets')
          : ''
        : tr('shell.loading');

  return (
    <section id="tickets" class="card" hidden={hidden} role="tabpanel" aria-labelledby="tab-tickets">
      <h1 id="tickets-title">{tr(isPrimary.value ? 'shell.companyTickets' : 'shell.myTickets')}</h1>
      <p id="tickets-status" role="status" aria-live="polite">
        {status}
      </p>
      <table id="tickets-table" hidden={list.length === 0}>
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
