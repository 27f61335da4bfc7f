import type pg from 'pg';
import {
  appendMessage,
  findContactMessage,
  findConversation,
  findConversationInChannel,
  insertConversation,
  isUniqueViolation,
} from '../../db/repositories/conversations.js';
import { withTransaction } from '../../db/transaction.js';
import { requireContact, requireSection } from '../access/require.js';
import type { ContactActor, Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { withinCreationAllowance } from '../limits/creation-limits.js';
import type { ConversationChannel } from './conversation-channel.js';
import type { ChatSend, MessageView } from './conversation-schemas.js';
import { messageView } from './message-view.js';
import { openChatTicket, subjectFromText } from './open-chat-ticket.js';
import { redactSecrets } from './redact-secrets.js';

/**
 * `secrets` are the values masked in the stored message, for this turn's answer to be cleaned of; never stored.
 * `repeated` says the message was stored before under its client id: nothing new happened, no turn is owed.
 * `assistantReplies` is false while a technician is in the chat: the message is theirs to answer, and no channel runs
 * the assistant's turn for it. `openedTicketId`: the chat's ticket that this message opened ("ticket per chat session").
 */
export type PostedMessage = {
  conversationId: string;
  message: MessageView;
  secrets: string[];
  repeated: boolean;
  assistantReplies: boolean;
  openedTicketId?: string;
};

/** A conversation of the signed-in user; anyone else's does not exist for them. */
export async function loadOwnConversation(q: pg.Pool | pg.PoolClient, ctx: Ctx & { actor: ContactActor }, id: string) {
  const conversation = await findConversation(q, ctx.tenantId, id);
  if (!conversation || conversation.contact_id !== ctx.actor.id) throw new AppError('not_found', 'no such conversation');
  return conversation;
}

/** A user's message as any channel hands it over; without `channel`, the widget's. */
export type UserMessageInput = ChatSend & { channel?: ConversationChannel };

/**
 * Stores the user's chat message (secrets masked) before anything else happens, starting the conversation if needed,
 * within the user's allowance of new conversations; with "ticket per chat session" on, a session's first message also
 * opens its ticket, counted with its conversation. A message in a channel's thread continues the conversation that
 * thread started, whichever channel it is.
 */
export async function postUserMessage(pool: pg.Pool, ctx: Ctx, input: UserMessageInput): Promise<PostedMessage> {
  requireContact(ctx);
  const actor = ctx.actor;
  const { settings } = await requireSection(pool, ctx, 'assistant');
  const storedBefore = async () => {
    const message = input.clientMessageId && (await findContactMessage(pool, ctx.tenantId, actor.id, input.clientMessageId));
    return message
      ? { conversationId: message.conversation_id, message: messageView(message), secrets: [], repeated: true, assistantReplies: false }
      : undefined;
  };
  const repeated = await storedBefore();
  if (repeated) return repeated;
  const store = async () => storeUserMessage(pool, { ...ctx, actor }, await inChannelThread(pool, { ...ctx, actor }, input), settings.tickets.ticketPerChatSession);
  try {
    return await store();
  } catch (error) {
    // The same message sent twice at once: the second insert met the first one's id.
    if (!isUniqueViolation(error)) throw error;
    const first = await storedBefore();
    if (first) return first;
    // Two first messages of one channel thread at once: the other one started its conversation, this one continues it.
    if (input.channel && input.channel.kind !== 'widget' && !input.conversationId) return store();
    throw new AppError('conflict', 'client message id already used', { cause: error });
  }
}

/** A message in a channel's thread that already has a conversation goes into it; only its own user's, though. */
async function inChannelThread(pool: pg.Pool, ctx: Ctx & { actor: ContactActor }, input: UserMessageInput): Promise<UserMessageInput> {
  if (input.conversationId || !input.channel || input.channel.kind === 'widget') return input;
  const known = await findConversationInChannel(pool, ctx.tenantId, input.channel.kind, input.channel.thread);
  if (!known) return input;
  if (known.contact_id !== ctx.actor.id) throw new AppError('not_found', 'no such conversation');
  return { ...input, conversationId: known.id };
}

async function storeUserMessage(pool: pg.Pool, ctx: Ctx & { actor: ContactActor }, input: UserMessageInput, wantsTicket: boolean): Promise<PostedMessage> {
  const actor = ctx.actor;
  const { text, secrets } = redactSecrets(input.text);
  const id = input.clientMessageId;
  const ticketFor = (client: pg.PoolClient, conversationId: string) =>
    openChatTicket(client, ctx.tenantId, actor, conversationId, { subject: subjectFromText(text), description: text, needsTechnician: false });

  if (input.conversationId) {
    // The common case, a message in an ongoing chat, is one statement.
    const appended = await appendMessage(pool, ctx.tenantId, input.conversationId, { id, role: 'user', text }, { contactId: actor.id });
    if (!appended) throw new AppError('not_found', 'no such conversation');
    // The setting was switched on during this chat: its ticket starts now.
    const opened =
      wantsTicket && !appended.ticketId
        ? await withTransaction(pool, async (client) => {
            const conversation = await loadOwnConversation(client, ctx, input.conversationId!);
            return conversation.ticket_id ? undefined : ticketFor(client, conversation.id);
          })
        : undefined;
    return {
      conversationId: input.conversationId,
      message: messageView(appended.message),
      secrets,
      repeated: false,
      assistantReplies: appended.technicianId === null,
      ...(opened ? { openedTicketId: opened.id } : {}),
    };
  }
  return withinCreationAllowance(pool, ctx, 'conversations', () =>
    withTransaction(pool, async (client) => {
      const channel = input.channel && input.channel.kind !== 'widget' ? input.channel : undefined;
      const conversation = await insertConversation(
        client,
        ctx.tenantId,
        actor.id,
        channel ? { kind: channel.kind, thread: channel.thread, address: channel.address } : undefined,
      );
      const opened = wantsTicket ? await ticketFor(client, conversation.id) : undefined;
      const appended = await appendMessage(client, ctx.tenantId, conversation.id, { id, role: 'user', text });
      return {
        conversationId: conversation.id,
        message: messageView(appended!.message),
        secrets,
        repeated: false,
        assistantReplies: true,
        ...(opened ? { openedTicketId: opened.id } : {}),
      };
    }),
  );
}
