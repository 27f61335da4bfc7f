import type pg from 'pg';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { insertAttachment } from '../../db/repositories/ticket-attachments.js';
import { insertComment, touchTicket, updateTicketStatus } from '../../db/repositories/tickets.js';
import { withTransaction } from '../../db/transaction.js';
import { requireSection } from '../access/require.js';
import { screenAttachments } from '../attachments/attachment-policy.js';
import type { Ctx } from '../context.js';
import { redactSecrets } from '../conversations/redact-secrets.js';
import { AppError } from '../errors.js';
import type { AddCommentInput, CommentView } from './ticket-schemas.js';
import { loadVisibleTicket } from './ticket-access.js';
import { commentView, isClosedStatus } from './ticket-view.js';

export type AddedComment = { comment: CommentView; ticketId: string; reopened: boolean };

/**
 * A portal user's comment is always public, stored with any secret masked, and, on a resolved or closed ticket,
 * reopens it, which the "cannot reopen" setting forbids; technicians may add internal notes. Its files are kept with
 * it when every one of them is of an accepted type and size, else the comment is refused naming the others.
 */
export async function addComment(pool: pg.Pool, ctx: Ctx, ref: string, input: AddCommentInput): Promise<AddedComment> {
  const { settings } = await requireSection(pool, ctx, 'ticketing');
  const ticket = await loadVisibleTicket(pool, ctx, settings, ref);
  const isTechnician = ctx.actor.kind === 'technician';
  if (!isTechnician && input.internal === true) {
    throw new AppError('field_not_writable', 'contacts cannot write internal notes', { params: { field: 'internal' } });
  }
  const reopens = !isTechnician && isClosedStatus(ticket.status);
  if (reopens && settings.tickets.cannotReopen) {
    throw new AppError('ticket_cannot_be_reopened', 'comment on a closed ticket');
  }
  const files = await screenAttachments((input.attachments ?? []).map((file) => ({ filename: file.filename, content: Buffer.from(file.content, 'base64') })));
  if (files.refused.length > 0) {
    throw new AppError('attachment_refused', 'files of a refused type or size', { params: { files: files.refused.map((file) => file.filename).join(', ') } });
  }
  return withTransaction(pool, async (client) => {
    const comment = await insertComment(client, ctx.tenantId, {
      ticketId: ticket.id,
      authorKind: ctx.actor.kind,
      authorId: ctx.actor.id,
      authorName: ctx.actor.name,
      // A user's password typed into a comment would otherwise sit in front of every technician.
      body: isTechnician ? input.body : redactSecrets(input.body).text,
      isPublic: !(isTechnician && input.internal === true),
    });
    for (const file of files.kept) await insertAttachment(client, ctx.tenantId, { ticketId: ticket.id, commentId: comment.id, ...file });
    if (reopens) await updateTicketStatus(client, ctx.tenantId, ticket.id, 'open');
    else await touchTicket(client, ctx.tenantId, ticket.id);
    await insertAuditEntry(client, ctx.tenantId, {
      actorKind: ctx.actor.kind,
      actorId: ctx.actor.id,
      action: reopens ? 'ticket.commented_and_reopened' : 'ticket.commented',
      targetKind: 'ticket',
      targetId: ticket.id,
      details: {
        commentId: comment.id,
        public: comment.is_public,
        ...(files.kept.length > 0 ? { attachments: files.kept.map((file) => ({ filename: file.filename, size: file.content.length })) } : {}),
      },
    });
    return { comment: commentView(comment), ticketId: ticket.id, reopened: reopens };
  });
}
