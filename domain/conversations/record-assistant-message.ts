import type pg from 'pg';
import { insertMessage, touchConversation, type NewMessage } from '../../db/repositories/conversations.js';
import { touchTicket } from '../../db/repositories/tickets.js';
import { withTransaction } from '../../db/transaction.js';
import type { MessageView } from './conversation-schemas.js';
import { messageView } from './message-view.js';
import { redactSecrets } from './redact-secrets.js';

/** Stores the assistant's answer of a turn with its tool calls, results and citations, and what the next turn waits for. */
export async function recordAssistantMessage(
  pool: pg.Pool,
  tenantId: string,
  conversationId: string,
  message: Omit<NewMessage, 'role'>,
  pending: unknown,
): Promise<MessageView> {
  return withTransaction(pool, async (client) => {
    const row = await insertMessage(client, tenantId, conversationId, { ...message, role: 'assistant', text: redactSecrets(message.text) });
    const { ticketId } = await touchConversation(client, tenantId, conversationId, { pending: pending ?? null });
    if (ticketId) await touchTicket(client, tenantId, ticketId);
    return messageView(row);
  });
}
