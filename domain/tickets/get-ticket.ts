import type { Queryable } from '../../db/transaction.js';
import { listActionEvents, listActionRequestsOfConversation } from '../../db/repositories/action-requests.js';
import { findConversationOfTicket, listMessages } from '../../db/repositories/conversations.js';
import { listAttachments } from '../../db/repositories/ticket-attachments.js';
import { listComments } from '../../db/repositories/tickets.js';
import { actionLogView } from '../actions/action-view.js';
import { messageAsText } from '../conversations/message-as-text.js';
import { messageView } from '../conversations/message-view.js';
import { requireSection } from '../access/require.js';
import type { Ctx } from '../context.js';
import type { TicketView } from './ticket-schemas.js';
import { loadVisibleTicket } from './ticket-access.js';
import { ticketView } from './ticket-view.js';

/** One ticket with its comments and files (portal users get the public ones only) and, for a chat's ticket, its transcript and actions. */
export async function getTicket(q: Queryable, ctx: Ctx, ref: string): Promise<TicketView> {
  const { settings, customFields } = await requireSection(q, ctx, 'ticketing');
  const row = await loadVisibleTicket(q, ctx, settings, ref);
  const comments = await listComments(q, ctx.tenantId, row.id, ctx.actor.kind !== 'technician');
  const view = ticketView(row, ctx.actor, settings, customFields, comments);
  const files = await listAttachments(q, ctx.tenantId, row.id, ctx.actor.kind !== 'technician');
  view.attachments = files.map((file) => ({
    id: file.id,
    filename: file.filename,
    contentType: file.content_type,
    size: file.size,
    commentId: file.comment_id,
    createdAt: file.created_at.toISOString(),
  }));
  const conversation = row.source === 'ai_assistant' ? await findConversationOfTicket(q, ctx.tenantId, row.id) : undefined;
  if (!conversation) return view;
  const [messages, actions] = await Promise.all([
    listMessages(q, ctx.tenantId, conversation.id),
    listActionRequestsOfConversation(q, ctx.tenantId, conversation.id),
  ]);
  view.transcript = messages
    .filter((m): m is typeof m & { role: Exclude<typeof m.role, 'tool'> } => m.role !== 'tool')
    .map((m) => ({ role: m.role, text: messageAsText(messageView(m), ctx.actor.language), createdAt: m.created_at.toISOString() }));
  const events = await listActionEvents(q, ctx.tenantId, actions.map((a) => a.id));
  view.actions = actions.map((action) => actionLogView(action, events, ctx.actor.language));
  return view;
}
