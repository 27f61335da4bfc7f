import type { Queryable } from '../transaction.js';

export type EmailStatus = 'held' | 'pending' | 'sent' | 'failed';

export type OutboundEmailInput = {
  contactId: string | null;
  kind: 'welcome' | 'ticket_created' | 'ticket_reply' | 'ticket_resolved' | 'auto_reply';
  fromName: string;
  fromAddress: string;
  to: string;
  subject: string;
  text: string;
  status: 'held' | 'pending';
  /** Threading headers of ticket notifications and auto-replies, without angle brackets. */
  messageId?: string;
  inReplyTo?: string;
  replyTo?: string;
  ticketId?: string;
  /** One email per key: a notification announced twice is queued once. */
  notificationKey?: string;
};

export type OutboundEmailRow = {
  id: string;
  to_address: string;
  subject: string;
  text: string | null;
  status: EmailStatus;
  attempts: number;
  next_attempt_at: Date | null;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
};

export type DueEmailRow = {
  id: string;
  tenant_id: string;
  from_name: string;
  from_address: string;
  to_address: string;
  subject: string;
  kind: OutboundEmailInput['kind'];
  text: string;
  attempts: number;
  message_id: string | null;
  in_reply_to: string | null;
  reply_to: string | null;
};

/** Answers the new email's id, or undefined when an email with the same notification key exists already. */
export async function insertOutboundEmail(q: Queryable, tenantId: string, email: OutboundEmailInput): Promise<string | undefined> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO outbound_emails (tenant_id, contact_id, kind, from_name, from_address, to_address, subject, text, status, next_attempt_at,
       message_id, in_reply_to, reply_to, ticket_id, notification_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $9 = 'pending' THEN now() END, $10, $11, $12, $13, $14)
     ON CONFLICT (tenant_id, notification_key) WHERE notification_key IS NOT NULL DO NOTHING RETURNING id`,
    [
      tenantId,
      email.contactId,
      email.kind,
      email.fromName,
      email.fromAddress,
      email.to,
      email.subject,
      email.text,
      email.status,
      email.messageId ?? null,
      email.inReplyTo ?? null,
      email.replyTo ?? null,
      email.ticketId ?? null,
      email.notificationKey ?? null,
    ],
  );
  return rows[0]?.id;
}

/**
 * Takes up to `limit` emails whose attempt is due and moves their next attempt `leaseSeconds` ahead, so that no other
 * round or node sends them meanwhile; a node that dies mid-send leaves them to be tried again after the lease.
 */
export async function claimDueEmails(q: Queryable, limit: number, leaseSeconds: number): Promise<DueEmailRow[]> {
  const { rows } = await q.query<DueEmailRow>(
    `UPDATE outbound_emails SET next_attempt_at = now() + make_interval(secs => $2)
     WHERE id IN (SELECT id FROM outbound_emails WHERE status = 'pending' AND next_attempt_at <= now()
                  ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING id, tenant_id, kind, from_name, from_address, to_address, subject, text, attempts, message_id, in_reply_to, reply_to`,
    [limit, leaseSeconds],
  );
  return rows;
}

/** The SMTP server took it: the text, which holds a password, is no longer kept. */
export async function markEmailSent(q: Queryable, id: string): Promise<void> {
  await q.query(
    `UPDATE outbound_emails SET status = 'sent', text = NULL, attempts = attempts + 1, next_attempt_at = NULL, sent_at = now()
     WHERE id = $1 AND status = 'pending'`,
    [id],
  );
}

/** Records a failed attempt: tried again in `retryInSeconds`, or given up when that is null. */
export async function markEmailAttemptFailed(q: Queryable, id: string, error: string, retryInSeconds: number | null): Promise<void> {
  await q.query(
    `UPDATE outbound_emails SET attempts = attempts + 1, last_error = $2,
       status = CASE WHEN $3::float8 IS NULL THEN 'failed' ELSE 'pending' END,
       next_attempt_at = CASE WHEN $3::float8 IS NULL THEN NULL ELSE now() + make_interval(secs => $3::float8) END
     WHERE id = $1 AND status = 'pending'`,
    [id, error, retryInSeconds],
  );
}

/** Newest first; emails stored in one transaction share created_at, and the id keeps their order stable. */
export async function listOutboundEmails(q: Queryable, tenantId: string, limit: number): Promise<OutboundEmailRow[]> {
  const { rows } = await q.query<OutboundEmailRow>(
    `SELECT id, to_address, subject, text, status, attempts, next_attempt_at, last_error, created_at, sent_at
     FROM outbound_emails WHERE tenant_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
    [tenantId, limit],
  );
  return rows;
}

/** Deletes emails older than `keptSeconds` that are no longer waiting to be sent; answers how many. */
export async function deleteOldOutboundEmails(q: Queryable, keptSeconds: number): Promise<number> {
  const { rowCount } = await q.query(
    `DELETE FROM outbound_emails WHERE created_at <= now() - make_interval(secs => $1) AND status <> 'pending'`,
    [keptSeconds],
  );
  return rowCount ?? 0;
}
