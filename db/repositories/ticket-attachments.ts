import type { Queryable } from '../transaction.js';

export type AttachmentRow = {
  id: string;
  comment_id: string | null;
  filename: string;
  content_type: string;
  size: number;
  created_at: Date;
};

export async function insertAttachment(
  q: Queryable,
  tenantId: string,
  input: { ticketId: string; commentId: string | null; filename: string; contentType: string; content: Buffer },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO ticket_attachments (tenant_id, ticket_id, comment_id, filename, content_type, size, content)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [tenantId, input.ticketId, input.commentId, input.filename, input.contentType, input.content.length, input.content],
  );
  return rows[0]!.id;
}

/** A ticket's files without their content; `publicOnly` leaves out those of internal notes. */
export async function listAttachments(q: Queryable, tenantId: string, ticketId: string, publicOnly: boolean): Promise<AttachmentRow[]> {
  const { rows } = await q.query<AttachmentRow>(
    `SELECT a.id, a.comment_id, a.filename, a.content_type, a.size, a.created_at FROM ticket_attachments a
     LEFT JOIN ticket_comments c ON c.id = a.comment_id
     WHERE a.tenant_id = $1 AND a.ticket_id = $2 AND (NOT $3 OR c.id IS NULL OR c.is_public)
     ORDER BY a.created_at, a.id`,
    [tenantId, ticketId, publicOnly],
  );
  return rows;
}

export async function findAttachmentContent(
  q: Queryable,
  tenantId: string,
  ticketId: string,
  id: string,
  publicOnly: boolean,
): Promise<(AttachmentRow & { content: Uint8Array }) | undefined> {
  const { rows } = await q.query<AttachmentRow & { content: Uint8Array }>(
    `SELECT a.id, a.comment_id, a.filename, a.content_type, a.size, a.created_at, a.content FROM ticket_attachments a
     LEFT JOIN ticket_comments c ON c.id = a.comment_id
     WHERE a.tenant_id = $1 AND a.ticket_id = $2 AND a.id = $3 AND (NOT $4 OR c.id IS NULL OR c.is_public)`,
    [tenantId, ticketId, id, publicOnly],
  );
  return rows[0];
}
