import { findAttachmentContent } from '../../db/repositories/ticket-attachments.js';
import type { Queryable } from '../../db/transaction.js';
import { requireSection } from '../access/require.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { loadVisibleTicket } from './ticket-access.js';

export type AttachmentFile = { filename: string; contentType: string; content: Buffer };

/**
 * One file of a ticket, for whoever may read the ticket: a technician, its requester, or a primary contact of its
 * company. A portal user never gets a file of an internal note; anything else is not found.
 */
export async function getTicketAttachment(q: Queryable, ctx: Ctx, input: { ticket: string; attachmentId: string }): Promise<AttachmentFile> {
  const { settings } = await requireSection(q, ctx, 'ticketing');
  const ticket = await loadVisibleTicket(q, ctx, settings, input.ticket);
  const file = await findAttachmentContent(q, ctx.tenantId, ticket.id, input.attachmentId, ctx.actor.kind !== 'technician');
  if (!file) throw new AppError('not_found', 'no such attachment on this ticket');
  return { filename: file.filename, contentType: file.content_type, content: Buffer.from(file.content) };
}
