import { useEffect, useState } from 'preact/hooks';
import type { TicketView } from '../../../domain/tickets/ticket-schemas.js';
import { listTickets } from '../api/tickets.js';
import { followLink, href } from '../app/router.js';
import { timeAgo, tr } from '../i18n/i18n.js';

type Queue = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; tickets: TicketView[]; total: number };

export function TicketsView() {
  const [queue, setQueue] = useState<Queue>({ state: 'loading' });
  useEffect(() => {
    void listTickets({ status: ['open', 'pending'] }).then((answer) =>
      setQueue(answer.ok ? { state: 'ready', ...answer.body } : { state: 'failed', message: answer.error.message }),
    );
  }, []);

  return (
    <section class="panel" aria-labelledby="tickets-title">
      <h1 id="tickets-title">{tr('console.tickets.title')}</h1>
      {queue.state === 'loading' && <p class="muted">{tr('shell.loading')}</p>}
      {queue.state === 'failed' && (
        <p class="error" role="alert">
          {queue.message}
        </p>
      )}
      {queue.state === 'ready' && queue.tickets.length === 0 && <p class="empty">{tr('console.tickets.empty')}</p>}
      {queue.state === 'ready' && queue.tickets.length > 0 && (
        <table class="queue">
          <caption class="visually-hidden">{tr('console.tickets.count', { count: queue.total })}</caption>
          <thead>
            <tr>
              <th scope="col">{tr('console.tickets.number')}</th>
              <th scope="col">{tr('console.tickets.subject')}</th>
              <th scope="col">{tr('console.tickets.requester')}</th>
              <th scope="col">{tr('console.tickets.status')}</th>
              <th scope="col">{tr('console.tickets.priority')}</th>
              <th scope="col">{tr('console.tickets.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {queue.tickets.map((ticket) => (
              <tr key={ticket.id}>
                <td>#{ticket.number}</td>
                <td>
                  <a href={href(`/tickets/${ticket.number}`)} onClick={(event) => followLink(event, `/tickets/${ticket.number}`)}>
                    {ticket.subject}
                  </a>
                </td>
                <td>
                  {ticket.requester?.name}
                  {ticket.company && <span class="sub">{ticket.company.name}</span>}
                </td>
                <td>{ticket.status && <span class={`status status-${ticket.status}`}>{tr(`status.${ticket.status}`)}</span>}</td>
                <td>{ticket.priority && <span class={`priority priority-${ticket.priority}`}>{tr(`console.priority.${ticket.priority}`)}</span>}</td>
                <td>
                  <time dateTime={ticket.updatedAt}>{timeAgo(ticket.updatedAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
