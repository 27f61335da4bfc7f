import type pg from 'pg';
import { listActionRequestsOfConversation } from '../../db/repositories/action-requests.js';
import { findConversation, firstUserMessages, listConversationsOfContact, listMessages, listReplyFeedback } from '../../db/repositories/conversations.js';
import { requireSection } from '../access/require.js';
import { actionView } from '../actions/action-view.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { channelKind } from './conversation-channel.js';
import type { ConversationSummary, ConversationView } from './conversation-schemas.js';
import { messageView, technicianRef, ticketRef } from './message-view.js';

/** A conversation with its messages and action requests: its user's own, or any of the tenant for a technician. */
export async function getConversation(pool: pg.Pool, ctx: Ctx, id: string): Promise<ConversationView> {
  if (ctx.actor.kind === 'contact') await requireSection(pool, ctx, 'assistant');
  const conversation = await findConversation(pool, ctx.tenantId, id);
  if (!conversation || (ctx.actor.kind === 'contact' && conversation.contact_id !== ctx.actor.id)) {
    throw new AppError('not_found', 'no such conversation');
  }
  const [messages, actions, feedback] = await Promise.all([
    listMessages(pool, ctx.tenantId, id),
    listActionRequestsOfConversation(pool, ctx.tenantId, id),
    listReplyFeedback(pool, ctx.tenantId, id),
  ]);
  return {
    id: conversation.id,
    ticket: ticketRef(conversation),
    messages: messages.filter((m) => m.role !== 'tool').map(messageView),
    actions: actions.map((action) => actionView(action)),
    feedback: feedback.map((f) => ({ messageId: f.message_id, solved: f.solved })),
    technician: technicianRef(conversation),
    channel: channelKind(conversation.channel),
    createdAt: conversation.created_at.toISOString(),
    updatedAt: conversation.updated_at.toISOString(),
  };
}

/** The signed-in user's recent conversations, newest first, each with the start of its first message. */
export async function listMyConversations(pool: pg.Pool, ctx: Ctx, limit: number): Promise<ConversationSummary[]> {
  if (ctx.actor.kind !== 'contact') throw new AppError('forbidden', 'portal users only');
  await requireSection(pool, ctx, 'assistant');
  const conversations = await listConversationsOfContact(pool, ctx.tenantId, ctx.actor.id, limit);
  const previews = await firstUserMessages(pool, ctx.tenantId, conversations.map((c) => c.id));
  return conversations.map((c) => ({
    id: c.id,
    ticket: ticketRef(c),
    preview: (previews.get(c.id) ?? '').slice(0, 120),
    channel: channelKind(c.channel),
    createdAt: c.created_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
  }));
}
