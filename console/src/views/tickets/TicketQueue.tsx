import { useEffect, useState } from 'preact/hooks';
import type { TicketView } from '../../../../domain/tickets/ticket-schemas.js';
import { listTickets, type TicketPage } from '../../api/tickets.js';
import { followLink, href, navigate, search } from '../../app/router.js';
import { OptionalSelect } from '../../components/OptionalSelect.js';
import { timeAgo, tr } from '../../i18n/i18n.js';
import { me } from '../../store/session.js';
import {
  apiFilters,
  filtersFromSearch,
  PAGE_SIZE,
  searchOf,
  TICKET_SOURCES,
  TICKET_STATUSES,
  type QueueFilters,
  type TicketStatus,
} from '../../store/ticket-filters.js';
import { companies, loadTicketReferences, queueSearch, technicians, useTicketEvents } from '../../store/tickets.js';

type Queue = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; page: TicketPage };

/** Applies a change of filters to the address; any change but the page's starts again at the first page. */
function setFilters(current: QueueFilters, change: Partial<QueueFilters>): void {
  const next = { ...current, page: 1, ...change };
  navigate(`/tickets${searchOf(next)}`, { replace: true });
}

function Filters({ filters, counts }: { filters: QueueFilters; counts: Partial<Record<TicketStatus, number>> }) {
  const [text, setText] = useState(filters.q ?? '');
  useEffect(() => setText(filters.q ?? ''), [filters.q]);
  // Typing narrows the queue after a pause, as a search box does; Enter at once.
  useEffect(() => {
    if (text.trim() === (filters.q ?? '')) return;
    const timer = setTimeout(() => setFilters(filters, { q: text.trim() || undefined }), 400);
    return () => clearTimeout(timer);
  }, [text]);
  const toggleStatus = (status: TicketStatus, on: boolean) =>
    setFilters(filters, { status: TICKET_STATUSES.filter((s) => (s === status ? on : filters.status.includes(s))) });
  const isDefault = searchOf({ ...filters, page: 1 }) === '';
  return (
    <form
      class="filters"
      role="search"
      aria-label={tr('console.tickets.filters')}
      onSubmit={(event) => {
        event.preventDefault();
        setFilters(filters, { q: text.trim() || undefined });
      }}
    >
      <label class="filter-search">
        <span>{tr('console.tickets.filter.search')}</span>
        <input type="search" value={text} placeholder={tr('console.tickets.filter.searchHint')} onInput={(event) => setText(event.currentTarget.value)} />
      </label>
      <fieldset class="filter-status">
        <legend>{tr('console.tickets.status')}</legend>
        {TICKET_STATUSES.map((status) => (
          <label key={status} class="chip">
            <input type="checkbox" checked={filters.status.includes(status)} onChange={(event) => toggleStatus(status, event.currentTarget.checked)} />
            <span>
              {tr(`status.${status}`)} <span class="chip-count">{counts[status] ?? ''}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <OptionalSelect
        label={tr('console.tickets.filter.company')}
        anyLabel={tr('console.tickets.filter.anyCompany')}
        value={filters.companyId}
        options={companies.value.map((company) => ({ value: company.id, label: company.name }))}
        onChange={(companyId) => setFilters(filters, { companyId })}
      />
      <OptionalSelect
        label={tr('console.tickets.filter.source')}
        anyLabel={tr('console.tickets.filter.anySource')}
        value={filters.source}
        options={TICKET_SOURCES.map((source) => ({ value: source, label: tr(`console.tickets.source.${source}`) }))}
        onChange={(source) => setFilters(filters, { source })}
      />
      <OptionalSelect
        label={tr('console.tickets.assignee')}
        anyLabel={tr('console.tickets.filter.anyone')}
        value={filters.assignee}
        options={[
          { value: 'me', label: tr('console.tickets.filter.me') },
          { value: 'none', label: tr('console.tickets.unassigned') },
          ...technicians.value.filter((technician) => technician.id !== me.value?.user.id).map((technician) => ({ value: technician.id, label: technician.name })),
        ]}
        onChange={(assignee) => setFilters(filters, { assignee })}
      />
      <OptionalSelect
        label={tr('console.tickets.filter.escalation')}
        anyLabel={tr('console.tickets.filter.allTickets')}
        value={filters.escalated === undefined ? undefined : filters.escalated ? 'true' : 'false'}
        options={[
          { value: 'true', label: tr('console.tickets.filter.escalatedOnly') },
          { value: 'false', label: tr('console.tickets.filter.notEscalated') },
        ]}
        onChange={(escalated) => setFilters(filters, { escalated: escalated === undefined ? undefined : escalated === 'true' })}
      />
      {!isDefault && (
        <button type="button" class="secondary filter-clear" onClick={() => navigate('/tickets', { replace: true })}>
          {tr('console.tickets.filter.clear')}
        </button>
      )}
    </form>
  );
}

function Row({ ticket }: { ticket: TicketView }) {
  const to = `/tickets/${ticket.number}`;
  return (
    <tr
      class="queue-row"
      onClick={(event) => {
        // The whole row opens the ticket for a mouse; the subject is the link keyboards and screen readers use.
        if ((event.target as HTMLElement).closest('a')) return;
        navigate(to);
      }}
    >
      <td class="cell-number">#{ticket.number}</td>
      <td class="cell-subject">
        <a href={href(to)} onClick={(event) => followLink(event, to)}>
          {ticket.subject ?? tr('console.tickets.noSubject')}
        </a>
        <span class="sub">
          {tr(`console.tickets.source.${ticket.source}`)}
          {ticket.escalated && <span class="badge badge-escalated">{tr('console.tickets.escalated')}</span>}
        </span>
      </td>
      <td class="cell-requester">
        {ticket.requester?.name}
        {ticket.company && <span class="sub">{ticket.company.name}</span>}
      </td>
      <td class="cell-status">{ticket.status && <span class={`status status-${ticket.status}`}>{tr(`status.${ticket.status}`)}</span>}</td>
      <td class="cell-priority">{ticket.priority && <span class={`priority priority-${ticket.priority}`}>{tr(`console.priority.${ticket.priority}`)}</span>}</td>
      <td class="cell-assignee">{ticket.assignee ? ticket.assignee.name : <span class="muted">{tr('console.tickets.unassigned')}</span>}</td>
      <td class="cell-updated">
        <time dateTime={ticket.updatedAt} title={ticket.updatedAt}>
          {timeAgo(ticket.updatedAt)}
        </time>
      </td>
    </tr>
  );
}

function Pages({ filters, page }: { filters: QueueFilters; page: TicketPage }) {
  const first = page.total === 0 ? 0 : page.offset + 1;
  const last = Math.min(page.offset + page.tickets.length, page.total);
  return (
    <nav class="pages" aria-label={tr('console.tickets.pages')}>
      <span>{tr('console.tickets.range', { first, last, total: page.total })}</span>
      <button type="button" class="secondary" disabled={filters.page <= 1} onClick={() => setFilters(filters, { page: filters.page - 1 })}>
        {tr('console.tickets.previous')}
      </button>
      <button
        type="button"
        class="secondary"
        disabled={page.offset + PAGE_SIZE >= page.total}
        onClick={() => setFilters(filters, { page: filters.page + 1 })}
      >
        {tr('console.tickets.next')}
      </button>
    </nav>
  );
}

/** The queue: filters kept in the address, a count per status under the other filters, newest update first. */
export function TicketQueue() {
  const filters = filtersFromSearch(search.value);
  const [queue, setQueue] = useState<Queue>({ state: 'loading' });
  const [counts, setCounts] = useState<Partial<Record<TicketStatus, number>>>({});
  const meId = me.value?.user.id ?? '';

  const load = async (quiet: boolean) => {
    const asked = search.peek();
    if (!quiet) setQueue((current) => (current.state === 'ready' ? current : { state: 'loading' }));
    const [answer, ...perStatus] = await Promise.all([
      listTickets(apiFilters(filters, meId)),
      ...TICKET_STATUSES.map((status) => listTickets({ ...apiFilters({ ...filters, status: [status] }, meId), limit: 1, offset: 0 })),
    ]);
    // An answer for filters the technician has since changed is not shown.
    if (search.peek() !== asked) return;
    setQueue(answer.ok ? { state: 'ready', page: answer.body } : { state: 'failed', message: answer.error.message });
    setCounts(Object.fromEntries(TICKET_STATUSES.map((status, i) => [status, perStatus[i]!.ok ? perStatus[i]!.body.total : undefined])));
  };

  useEffect(() => {
    void loadTicketReferences();
  }, []);
  useEffect(() => {
    queueSearch.value = search.value;
    void load(false);
  }, [search.value]);
  useTicketEvents(() => void load(true));

  return (
    <section class="panel queue-panel" aria-labelledby="tickets-title">
      <div class="queue-head">
        <h1 id="tickets-title">{tr('console.tickets.title')}</h1>
        <p class="muted queue-count" aria-live="polite">
          {queue.state === 'ready' ? tr('console.tickets.count', { count: queue.page.total }) : ''}
        </p>
      </div>
      <Filters filters={filters} counts={counts} />
      {queue.state === 'loading' && (
        <p class="muted loading" role="status">
          {tr('shell.loading')}
        </p>
      )}
      {queue.state === 'failed' && (
        <p class="error" role="alert">
          {queue.message}
        </p>
      )}
      {queue.state === 'ready' && queue.page.tickets.length === 0 && <p class="empty">{tr('console.tickets.empty')}</p>}
      {queue.state === 'ready' && queue.page.tickets.length > 0 && (
        <>
          <table class="queue">
            <caption class="visually-hidden">{tr('console.tickets.count', { count: queue.page.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('console.tickets.number')}</th>
                <th scope="col">{tr('console.tickets.subject')}</th>
                <th scope="col">{tr('console.tickets.requester')}</th>
                <th scope="col">{tr('console.tickets.status')}</th>
                <th scope="col">{tr('console.tickets.priority')}</th>
                <th scope="col">{tr('console.tickets.assignee')}</th>
                <th scope="col">{tr('console.tickets.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.page.tickets.map((ticket) => (
                <Row key={ticket.id} ticket={ticket} />
              ))}
            </tbody>
          </table>
          <Pages filters={filters} page={queue.page} />
        </>
      )}
    </section>
  );
}
