import type { Queryable } from '../transaction.js';
import type { ContactRow } from './principals.js';

export type InboundOutcome = 'ticket' | 'comment' | 'queued' | 'refused' | 'ignored' | 'failed';

/** The tenants that answer mail for a domain: by one of their hostnames, or one of their companies' email domains. */
export async function findMailTenants(q: Queryable, domain: string): Promise<string[]> {
  const { rows } = await q.query<{ tenant_id: string }>(
    `SELECT tenant_id FROM tenant_hostnames WHERE hostname = $1
     UNION SELECT tenant_id FROM company_email_domains WHERE domain = $1`,
    [domain],
  );
  return rows.map((row) => row.tenant_id);
}

export async function listTenantIds(q: Queryable): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>('SELECT id FROM tenants ORDER BY created_at LIMIT 2');
  return rows.map((row) => row.id);
}

/**
 * Stores a received message; answers its id, or undefined when the tenant holds this Message-ID already (the sender
 * tried again after losing our answer).
 */
export async function insertInboundEmail(
  q: Queryable,
  tenantId: string,
  email: { messageId: string; fromAddress: string; subject: string; text: string },
): Promise<string | undefined> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO inbound_emails (tenant_id, message_id, from_address, subject, text) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, message_id) DO NOTHING RETURNING id`,
    [tenantId, email.messageId, email.fromAddress, email.subject, email.text],
  );
  return rows[0]?.id;
}

export async function setInboundOutcome(
  q: Queryable,
  tenantId: string,
  id: string,
  outcome: { outcome: InboundOutcome; ticketId?: string; contactId?: string; detail?: string },
): Promise<void> {
  await q.query('UPDATE inbound_emails SET outcome = $3, ticket_id = $4, contact_id = $5, detail = $6 WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    id,
    outcome.outcome,
    outcome.ticketId ?? null,
    outcome.contactId ?? null,
    outcome.detail ?? null,
  ]);
}

/** The ticket a reply belongs to by the Message-IDs it answers: a notification's, or an earlier message of the ticket. */
export async function findTicketByMessageIds(q: Queryable, tenantId: string, messageIds: string[]): Promise<string | undefined> {
  if (messageIds.length === 0) return undefined;
  const { rows } = await q.query<{ ticket_id: string }>(
    `SELECT ticket_id FROM ticket_email_threads WHERE tenant_id = $1 AND message_id = ANY($2::text[])
     UNION ALL SELECT ticket_id FROM inbound_emails WHERE tenant_id = $1 AND message_id = ANY($2::text[]) AND ticket_id IS NOT NULL
     LIMIT 1`,
    [tenantId, messageIds],
  );
  return rows[0]?.ticket_id;
}

export async function insertTicketThreadId(q: Queryable, tenantId: string, ticketId: string, messageId: string): Promise<void> {
  await q.query('INSERT INTO ticket_email_threads (tenant_id, message_id, ticket_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
    tenantId,
    messageId,
    ticketId,
  ]);
}

/** The Message-ID of the message that opened a ticket by email, which its notifications answer so they thread. */
export async function findOpeningMessageId(q: Queryable, tenantId: string, ticketId: string): Promise<string | undefined> {
  const { rows } = await q.query<{ message_id: string }>(
    `SELECT message_id FROM inbound_emails WHERE tenant_id = $1 AND ticket_id = $2 AND outcome IN ('ticket', 'queued')
     ORDER BY received_at LIMIT 1`,
    [tenantId, ticketId],
  );
  return rows[0]?.message_id;
}

export async function findContactByEmail(q: Queryable, tenantId: string, email: string): Promise<ContactRow | undefined> {
  const { rows } = await q.query<ContactRow>(
    `SELECT c.id, c.tenant_id, c.company_id, co.name AS company_name, c.name, c.email, c.username,
       c.password_hash, c.language, c.phone, c.is_primary
     FROM contacts c JOIN companies co ON co.id = c.company_id WHERE c.tenant_id = $1 AND c.email = $2`,
    [tenantId, email],
  );
  return rows[0];
}

export async function findCompanyByEmailDomain(q: Queryable, tenantId: string, domain: string): Promise<string | undefined> {
  const { rows } = await q.query<{ company_id: string }>('SELECT company_id FROM company_email_domains WHERE tenant_id = $1 AND domain = $2', [
    tenantId,
    domain,
  ]);
  return rows[0]?.company_id;
}

/** A ticket's requester and where its notifications go, in their language. */
export async function findTicketRequester(
  q: Queryable,
  tenantId: string,
  ticketId: string,
): Promise<{ id: string; name: string; email: string; language: string } | undefined> {
  const { rows } = await q.query<{ id: string; name: string; email: string; language: string }>(
    `SELECT c.id, c.name, c.email, c.language FROM tickets t JOIN contacts c ON c.tenant_id = t.tenant_id AND c.id = t.requester_id
     WHERE t.tenant_id = $1 AND t.id = $2`,
    [tenantId, ticketId],
  );
  return rows[0];
}

export async function findTicketResolvedAt(q: Queryable, tenantId: string, ticketId: string): Promise<Date | null> {
  const { rows } = await q.query<{ resolved_at: Date | null }>('SELECT resolved_at FROM tickets WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    ticketId,
  ]);
  return rows[0]?.resolved_at ?? null;
}
