// A queue's filters live in the address (/console/tickets?status=open&assignee=me&q=vpn) so that a view can be
// reloaded, bookmarked and sent to a colleague; "me" stays "me" for whoever opens the link.
import type { TicketView } from '../../../domain/tickets/ticket-schemas.js';
import type { TicketFilters } from '../api/tickets.js';

export type TicketStatus = NonNullable<TicketView['status']>;
export type TicketSource = NonNullable<TicketFilters['source']>;

// Records rather than the server's lists, which would bring the validation library into the console's bundle; the
// compiler checks that each names every value of its type.
const STATUS_ORDER: Record<TicketStatus, number> = { open: 0, pending: 1, resolved: 2, closed: 3 };
const SOURCE_SET: Record<TicketSource, true> = { portal: true, email: true, ai_assistant: true, phone: true, technician: true, slack: true, teams: true };
export const TICKET_STATUSES = Object.keys(STATUS_ORDER) as TicketStatus[];
export const TICKET_SOURCES = Object.keys(SOURCE_SET) as TicketSource[];

export const PAGE_SIZE = 25;
/** The queue a technician opens: what still needs work. */
export const DEFAULT_STATUSES: TicketStatus[] = ['open', 'pending'];

export type QueueFilters = {
  /** Empty: every status. */
  status: TicketStatus[];
  companyId?: string;
  source?: TicketSource;
  /** `me`, `none` (unassigned) or a technician's id. */
  assignee?: string;
  escalated?: boolean;
  q?: string;
  page: number;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the address says; anything it cannot mean is left out rather than sent to be refused. */
export function filtersFromSearch(search: string): QueueFilters {
  const params = new URLSearchParams(search);
  const status = params.get('status');
  const source = params.get('source');
  const assignee = params.get('assignee');
  const escalated = params.get('escalated');
  const page = Number(params.get('page'));
  const q = params.get('q')?.trim();
  return {
    status:
      status === null
        ? [...DEFAULT_STATUSES]
        : TICKET_STATUSES.filter((each) => status.split(',').includes(each)),
    ...(params.get('companyId') && UUID.test(params.get('companyId')!) ? { companyId: params.get('companyId')! } : {}),
    ...(source && (TICKET_SOURCES as string[]).includes(source) ? { source: source as TicketSource } : {}),
    ...(assignee && (assignee === 'me' || assignee === 'none' || UUID.test(assignee)) ? { assignee } : {}),
    ...(escalated === 'true' || escalated === 'false' ? { escalated: escalated === 'true' } : {}),
    ...(q ? { q: q.slice(0, 200) } : {}),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The address's query for these filters, "" for the default queue. */
export function searchOf(filters: QueueFilters): string {
  const params = new URLSearchParams();
  const sameAsDefault = filters.status.length === DEFAULT_STATUSES.length && DEFAULT_STATUSES.every((s) => filters.status.includes(s));
  if (!sameAsDefault) params.set('status', filters.status.join(','));
  if (filters.companyId) params.set('companyId', filters.companyId);
  if (filters.source) params.set('source', filters.source);
  if (filters.assignee) params.set('assignee', filters.assignee);
  if (filters.escalated !== undefined) params.set('escalated', String(filters.escalated));
  if (filters.q) params.set('q', filters.q);
  if (filters.page > 1) params.set('page', String(filters.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The API's query for one page of the queue, "me" being the signed-in technician. */
export function apiFilters(filters: QueueFilters, meId: string): TicketFilters {
  return {
    status: filters.status,
    companyId: filters.companyId,
    source: filters.source,
    assigneeId: filters.assignee === 'me' ? meId : filters.assignee,
    escalated: filters.escalated,
    q: filters.q,
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
  };
}
