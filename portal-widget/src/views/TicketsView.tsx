import { useEffect, useRef } from 'preact/hooks';
import type { TicketView } from '../../../domain/tickets/ticket-schemas.js';
import { portalUrl } from '../app/environment.js';
import { dateTime, timeAgo, tr } from '../i18n/i18n.js';
import { isPrimary } from '../store/session.js';
import {
  cancelNewTicket,
  closeTicket,
  creatingTicket,
  loadTicketForm,
  loadTickets,
  openTicket,
  showTicket,
  startNewTicket,
  ticketForm,
  tickets,
} from '../store/tickets.js';
import { NewTicketForm } from './NewTicketForm.js';
import { TicketDetail } from './TicketDetail.js';
import { Loaded } from '../components/Loaded.js';
import { useFocusAfterRender } from '../components/use-focus-after-render.js';

/** A real link (the portal also answers at /tickets/<number>), so keyboards and "open in new tab" work. */
function TicketLink({ ticket }: { ticket: TicketView }) {
  return (
    <a
      href={portalUrl(`/tickets/${ticket.number}`)}
      data-ticket={ticket.number}
      onClick={(event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        void showTicket(ticket.number);
      }}
    >
      {ticket.subject ?? `#${ticket.number}`}
    </a>
  );
}

function TicketRow({ ticket }: { ticket: TicketView }) {
  return (
    <tr>
      <td>#{ticket.number}</td>
      <td>
        <TicketLink ticket={ticket} />
      </td>
      <td>{ticket.status && <span class={`status status-${ticket.status}`}>{tr(`status.${ticket.status}`)}</span>}</td>
      <td>
        <time dateTime={ticket.updatedAt} title={dateTime(ticket.updatedAt)}>
          {timeAgo(ticket.updatedAt)}
        </time>
      </td>
    </tr>
  );
}

function TicketList() {
  const state = tickets.value;
  const list = state.state === 'loaded' ? state.tickets : [];
  const status =
    state.state === 'failed'
      ? state.message
      : state.state === 'loaded'
        ? list.length === 0
          ? tr('shell.noTickets')
          : tr('shell.tickets.count', { count: list.length })
        : tr('shell.loading');
  return (
    <>
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
    </>
  );
}

/** The user's tickets, or the company's for a primary contact; one of them opened in place of the list. */
export function TicketsView({ hidden }: { hidden: boolean }) {
  const section = useRef<HTMLElement>(null);
  const lastOpened = useRef<number | undefined>(undefined);
  const focusAfterRender = useFocusAfterRender();
  useEffect(() => {
    if (hidden) return;
    void loadTicketForm();
    if (!openTicket.value) void loadTickets();
  }, [hidden]);
  const open = openTicket.value;
  const form = ticketForm.value.state === 'loaded' ? ticketForm.value.value : undefined;
  if (open?.state === 'loaded') lastOpened.current = open.value.number;

  const back = () => {
    // Back where the user left: the link of the ticket just read.
    focusAfterRender(() => section.current?.querySelector<HTMLElement>(`[data-ticket="${lastOpened.current}"]`));
    closeTicket();
  };

  return (
    <section id="tickets" ref={section} class="card" hidden={hidden} role="tabpanel" aria-labelledby="tab-tickets">
      <h1 id="tickets-title">{tr(isPrimary.value ? 'shell.companyTickets' : 'shell.myTickets')}</h1>
      {creatingTicket.value && form ? (
        <NewTicketForm
          form={form}
          onCancel={() => {
            focusAfterRender(() => section.current?.querySelector<HTMLElement>('.new-ticket-button'));
            cancelNewTicket();
          }}
        />
      ) : open ? (
        <>
          <button type="button" class="secondary back" onClick={back}>
            {tr('shell.tickets.back')}
          </button>
          <Loaded value={open}>{(ticket) => <TicketDetail ticket={ticket} />}</Loaded>
        </>
      ) : (
        <>
          {form?.manualCreation && (
            <button type="button" class="new-ticket-button" onClick={startNewTicket}>
              {tr('shell.tickets.new')}
            </button>
          )}
          <TicketList />
        </>
      )}
    </section>
  );
}
