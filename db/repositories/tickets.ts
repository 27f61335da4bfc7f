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
  created_at: Date;
  updated_at: Date;
};

export type CommentRow = {
  id: string;
  author_kind: 'contact' | 'technician' | 'system';
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
  t.needs_technician, t.created_at, t.updated_at`;

const FROM_TICKETS = `FROM tickets t
  LEFT JOIN contacts r ON r.id = t.requester_id
  LEFT JOIN companies co ON co.id = t.company_id`;

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

export async function listTickets(
  q: Queryable,
  tenantId: string,
  scope: TicketScope,
  filter: { statuses: string[]; limit: number; offset: number },
): Promise<{ rows: TicketRow[]; total: number }> {
  const where = scopeFilter(scope, 4);
  const { rows } = await q.query<TicketRow & { total: string }>(
    `SELECT ${TICKET_COLUMNS}, count(*) OVER () AS total ${FROM_TICKETS}
     WHERE t.tenant_id = $1 AND t.status = ANY($2::text[]) AND ${where.sql}
     ORDER BY t.updated_at DESC, t.number DESC LIMIT $3 OFFSET ${Number(filter.offset)}`,
    [tenantId, filter.statuses, filter.limit, ...where.params],
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
  input: { ticketId: string; authorKind: 'contact' | 'technician' | 'system'; authorId: string | null; authorName: string; body: string; isPublic: boolean },
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
