import type pg from 'pg';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { insertComment, touchTicket, updateTicketStatus } from '../../db/repositories/tickets.js';
import { withTransaction } from '../../db/transaction.js';
import { requireSection } from '../access/require.js';
import type { Ctx } from '../context.js';
import { redactSecrets } from '../conversations/redact-secrets.js';
import { AppError } from '../errors.js';
import type { AddCommentInput, CommentView } from './ticket-schemas.js';
import { loadVisibleTicket } from './ticket-access.js';
import { commentView, isClosedStatus } from './ticket-view.js';

export type AddedComment = { comment: CommentView; ticketId: string; reopened: boolean };

/**
 * A portal user's comment is always public, stored with any secret masked, and, on a resolved or closed ticket,
 * reopens it, which the "cannot reopen" setting forbids; technicians may add internal notes.
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
    if (reopens) await updateTicketStatus(client, ctx.tenantId, ticket.id, 'open');
    else await touchTicket(client, ctx.tenantId, ticket.id);
    await insertAuditEntry(client, ctx.tenantId, {
      actorKind: ctx.actor.kind,
      actorId: ctx.actor.id,
      action: reopens ? 'ticket.commented_and_reopened' : 'ticket.commented',
      targetKind: 'ticket',
      targetId: ticket.id,
      details: { commentId: comment.id, public: comment.is_public },
    });
    return { comment: commentView(comment), ticketId: ticket.id, reopened: reopens };
  });
}
