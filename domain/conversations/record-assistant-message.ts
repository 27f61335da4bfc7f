import type pg from 'pg';
import { appendMessage, type NewMessage } from '../../db/repositories/conversations.js';
import { AppError } from '../errors.js';
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
  const appended = await appendMessage(
    pool,
    tenantId,
    conversationId,
    { ...message, role: 'assistant', text: redactSecrets(message.text) },
    { pending: pending ?? null },
  );
  if (!appended) throw new AppError('not_found', 'no such conversation');
  return messageView(appended.message);
}
