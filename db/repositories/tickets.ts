import type { Queryable } from '../transaction.js';

export type TicketStatus = 'open' | 'pending' | 'resolved' | 'closed';

export type TicketRow = {
  id: string;
  number: number;
  subject: string;
  description: string;
  status: TicketStatus;
  priority: string;
  type: string;
  source: string;
  requester_id: string | null;
  requester_name: string | null;
  company_id: string | null;
  company_name: string | null;
  custom_fields: Record<string, unknown>;
  needs_technician: boolean;
  assignee_id: string | null;
  assignee_name: string | null;
  created_at: Date;
  updated_at: Date;
};

export type CommentAuthorKind = 'contact' | 'technician' | 'assistant' | 'system';

export type CommentRow = {
  id: string;
  author_kind: CommentAuthorKind;
  author_name: string;
  body: string;
  is_public: boolean;
  created_at: Date;
};

/** Which tickets a reader may see: the whole tenant, one company, or one requester. */
export type TicketScope =
  | { kind: 'tenant' }
  | { kind: 'company'; companyId: string }
  | { kind: 'requester'; contactId: string };

const TICKET_COLUMNS = `t.id, t.number, t.subject, t.description, t.status, t.priority, t.type, t.source,
  t.requester_id, r.name AS requester_name, t.company_id, co.name AS company_name, t.custom_fields,
  t.needs_technician, t.assignee_id, a.name AS assignee_name, t.created_at, t.updated_at`;

const FROM_TICKETS = `FROM tickets t
  LEFT JOIN contacts r ON r.id = t.requester_id
  LEFT JOIN companies co ON co.id = t.company_id
  LEFT JOIN technicians a ON a.id = t.assignee_id`;

function scopeFilter(scope: TicketScope, firstParam: number): { sql: string; params: string[] } {
  switch (scope.kind) {
    case 'tenant':
      return { sql: 'TRUE', params: [] };
    case 'company':
      return { sql: `t.company_id = $${firstParam}`, params: [scope.companyId] };
    case 'requester':
      return { sql: `t.requester_id = $${firstParam}`, params: [scope.contactId] };
  }
}

/** What narrows a list of tickets within the reader's scope; absent filters do not narrow. */
export type TicketFilter = {
  statuses: string[];
  companyId?: string;
  source?: string;
  /** A technician's id, or null for the unassigned ones. */
  assigneeId?: string | null;
  escalated?: boolean;
  /** Words of the subject or description, or the ticket's number. */
  text?: string;
  limit: number;
  offset: number;
};

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listTickets(
  q: Queryable,
  tenantId: string,
  scope: TicketScope,
  filter: TicketFilter,
): Promise<{ rows: TicketRow[]; total: number }> {
  const params: unknown[] = [tenantId, filter.statuses, filter.limit];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where = scopeFilter(scope, 4);
  params.push(...where.params);
  const conditions = ['t.tenant_id = $1', 't.status = ANY($2::text[])', where.sql];
  if (filter.companyId !== undefined) conditions.push(`t.company_id = ${param(filter.companyId)}`);
  if (filter.source !== undefined) conditions.push(`t.source = ${param(filter.source)}`);
  if (filter.assigneeId === null) conditions.push('t.assignee_id IS NULL');
  else if (filter.assigneeId !== undefined) conditions.push(`t.assignee_id = ${param(filter.assigneeId)}`);
  if (filter.escalated !== undefined) conditions.push(`t.needs_technician = ${param(filter.escalated)}`);
  if (filter.text !== undefined) {
    const pattern = param(likePattern(filter.text));
    const number = /^#?\d{1,9}$/.test(filter.text) ? Number(filter.text.replace('#', '')) : null;
    conditions.push(
      `(t.subject ILIKE ${pattern} OR t.description ILIKE ${pattern}${number === null ? '' : ` OR t.number = ${param(number)}`})`,
    );
  }
  const { rows } = await q.query<TicketRow & { total: string }>(
    `SELECT ${TICKET_COLUMNS}, count(*) OVER () AS total ${FROM_TICKETS}
     WHERE ${conditions.join(' AND ')}
     ORDER BY t.updated_at DESC, t.number DESC LIMIT $3 OFFSET ${Number(filter.offset)}`,
    params,
  );
  return { rows, total: rows[0] ? Number(rows[0].total) : 0 };
}

export async function findTicket(
  q: Queryable,
  tenantId: string,
  by: { id: string } | { number: number },
): Promise<TicketRow | undefined> {
  const [column, value] = 'id' in by ? ['t.id', by.id] : ['t.number', by.number];
  const { rows } = await q.query<TicketRow>(`SELECT ${TICKET_COLUMNS} ${FROM_TICKETS} WHERE t.tenant_id = $1 AND ${column} = $2`, [
    tenantId,
    value,
  ]);
  return rows[0];
}

/** A ticket's number, found by its id: all a notice of a change needs of it. */
export async function findTicketNumber(q: Queryable, tenantId: string, id: string): Promise<number | undefined> {
  const { rows } = await q.query<{ number: number }>('SELECT number FROM tickets WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
  return rows[0]?.number;
}

export async function insertTicket(
  q: Queryable,
  tenantId: string,
  input: {
    number: number;
    subject: string;
    description: string;
    status?: TicketStatus;
    priority: string;
    type: string;
    source: string;
    requesterId: string | null;
    companyId: string | null;
    customFields: Record<string, unknown>;
  },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO tickets (tenant_id, number, subject, description, status, priority, type, source, requester_id, company_id, custom_fields)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      tenantId,
      input.number,
      input.subject,
      input.description,
      input.status ?? 'open',
      input.priority,
      input.type,
      input.source,
      input.requesterId,
      input.companyId,
      JSON.stringify(input.customFields),
    ],
  );
  return rows[0]!.id;
}

/** The fields a technician changes, read under a lock so concurrent changes are audited from what they really replaced. */
export async function lockTicketFields(
  q: Queryable,
  tenantId: string,
  id: string,
): Promise<Pick<TicketRow, 'status' | 'priority' | 'assignee_id' | 'custom_fields'> | undefined> {
  const { rows } = await q.query<Pick<TicketRow, 'status' | 'priority' | 'assignee_id' | 'custom_fields'>>(
    'SELECT status, priority, assignee_id, custom_fields FROM tickets WHERE tenant_id = $1 AND id = $2 FOR UPDATE',
    [tenantId, id],
  );
  return rows[0];
}

/** Writes a technician's changes; `resolved_at` follows the status as `updateTicketStatus` keeps it. */
export async function updateTicketFields(
  q: Queryable,
  tenantId: string,
  id: string,
  fields: { status: TicketStatus; priority: string; assigneeId: string | null; customFields: Record<string, unknown> },
): Promise<void> {
  await q.query(
    `UPDATE tickets SET status = $3, priority = $4, assignee_id = $5, custom_fields = $6, updated_at = now(),
       resolved_at = CASE WHEN $3 IN ('resolved', 'closed') THEN coalesce(resolved_at, now()) ELSE NULL END
     WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id, fields.status, fields.priority, fields.assigneeId, JSON.stringify(fields.customFields)],
  );
}

export async function updateTicketStatus(q: Queryable, tenantId: string, id: string, status: TicketStatus): Promise<void> {
  await q.query(
    `UPDATE tickets SET status = $3, updated_at = now(),
       resolved_at = CASE WHEN $3 IN ('resolved', 'closed') THEN coalesce(resolved_at, now()) ELSE NULL END
     WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id, status],
  );
}

export async function touchTicket(q: Queryable, tenantId: string, id: string): Promise<void> {
  await q.query('UPDATE tickets SET updated_at = now() WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
}

export async function listComments(q: Queryable, tenantId: string, ticketId: string, publicOnly: boolean): Promise<CommentRow[]> {
  const { rows } = await q.query<CommentRow>(
    `SELECT id, author_kind, author_name, body, is_public, created_at FROM ticket_comments
     WHERE tenant_id = $1 AND ticket_id = $2 AND (is_public OR NOT $3) ORDER BY created_at, id`,
    [tenantId, ticketId, publicOnly],
  );
  return rows;
}

export async function insertComment(
  q: Queryable,
  tenantId: string,
  input: { ticketId: string; authorKind: CommentAuthorKind; authorId: string | null; authorName: string; body: string; isPublic: boolean },
): Promise<CommentRow> {
  const { rows } = await q.query<CommentRow>(
    `INSERT INTO ticket_comments (tenant_id, ticket_id, author_kind, author_id, author_name, body, is_public)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, author_kind, author_name, body, is_public, created_at`,
    [tenantId, input.ticketId, input.authorKind, input.authorId, input.authorName, input.body, input.isPublic],
  );
  return rows[0]!;
}

export async function flagTicketForTechnician(q: Queryable, tenantId: string, id: string): Promise<void> {
  await q.query('UPDATE tickets SET needs_technician = true, updated_at = now() WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
}

export async function setTicketType(q: Queryable, tenantId: string, id: string, type: TicketRow['type']): Promise<void> {
  await q.query('UPDATE tickets SET type = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2', [tenantId, id, type]);
}

/** One comment with its ticket, for telling the ticket's readers about it. */
export async function findComment(
  q: Queryable,
  tenantId: string,
  id: string,
): Promise<(CommentRow & { ticket_id: string; author_id: string | null }) | undefined> {
  const { rows } = await q.query<CommentRow & { ticket_id: string; author_id: string | null }>(
    `SELECT id, ticket_id, author_kind, author_id, author_name, body, is_public, created_at FROM ticket_comments
     WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id],
  );
  return rows[0];
}

export type TicketReaderRow = { id: string; name: string; company_id: string; is_primary: boolean; language: string };

/** The contacts who may read a ticket by who they are: its requester and the primary contacts of its company. */
export async function listTicketReaders(q: Queryable, tenantId: string, ticketId: string): Promise<TicketReaderRow[]> {
  const { rows } = await q.query<TicketReaderRow>(
    `SELECT c.id, c.name, c.company_id, c.is_primary, c.language FROM tickets t
     JOIN contacts c ON c.tenant_id = t.tenant_id AND (c.id = t.requester_id OR (c.is_primary AND c.company_id = t.company_id))
     WHERE t.tenant_id = $1 AND t.id = $2`,
    [tenantId, ticketId],
  );
  return rows;
}

/** Whether a ticket of this tenant may be assigned to this technician: only to one of the same tenant. */
export async function isTechnicianOfTenant(q: Queryable, tenantId: string, technicianId: string): Promise<boolean> {
  const { rowCount } = await q.query('SELECT 1 FROM technicians WHERE tenant_id = $1 AND id = $2', [tenantId, technicianId]);
  return (rowCount ?? 0) > 0;
}
