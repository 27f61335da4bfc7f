import type pg from 'pg';
import {
  findConversation,
  insertConversation,
  insertMessage,
  touchConversation,
  type ConversationRow,
} from '../../db/repositories/conversations.js';
import { touchTicket } from '../../db/repositories/tickets.js';
import { withTransaction } from '../../db/transaction.js';
import { requireContact, requireSection } from '../access/require.js';
import type { ContactActor, Ctx } from '../context.js';
import { AppError } from '../errors.js';
import type { ChatSend, MessageView } from './conversation-schemas.js';
import { messageView } from './message-view.js';
import { openChatTicket, subjectFromText } from './open-chat-ticket.js';
import { redactSecrets } from './redact-secrets.js';

export type PostedMessage = { conversation: ConversationRow; message: MessageView; ticketOpened: boolean };

/** A conversation of the signed-in user; anyone else's does not exist for them. */
export async function loadOwnConversation(q: pg.Pool | pg.PoolClient, ctx: Ctx & { actor: ContactActor }, id: string) {
  const conversation = await findConversation(q, ctx.tenantId, id);
  if (!conversation || conversation.contact_id !== ctx.actor.id) throw new AppError('not_found', 'no such conversation');
  return conversation;
}

/**
 * Stores the user's chat message (secrets masked) before anything else happens, starting the conversation if needed;
 * with "ticket per chat session" on, a session's first message also opens its ticket.
 */
export async function postUserMessage(pool: pg.Pool, ctx: Ctx, input: ChatSend): Promise<PostedMessage> {
  requireContact(ctx);
  const actor = ctx.actor;
  const { settings } = await requireSection(pool, ctx, 'assistant');
  const text = redactSecrets(input.text);
  return withTransaction(pool, async (client) => {
    const conversation = input.conversationId
      ? await loadOwnConversation(client, { ...ctx, actor }, input.conversationId)
      : await insertConversation(client, ctx.tenantId, actor.id);
    let ticketOpened = false;
    if (settings.tickets.ticketPerChatSession && !conversation.ticket_id) {
      const ticket = await openChatTicket(client, ctx.tenantId, actor, conversation.id, {
        subject: subjectFromText(text),
        description: text,
        needsTechnician: false,
      });
      Object.assign(conversation, { ticket_id: ticket.id, ticket_number: ticket.number });
      ticketOpened = true;
    }
    const message = await insertMessage(client, ctx.tenantId, conversation.id, { role: 'user', text });
    await touchConversation(client, ctx.tenantId, conversation.id);
    if (conversation.ticket_id) await touchTicket(client, ctx.tenantId, conversation.ticket_id);
    return { conversation, message: messageView(message), ticketOpened };
  });
}
