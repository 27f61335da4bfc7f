import type pg from 'pg';
import { appendMessage, type NewMessage } from '../../db/repositories/conversations.js';
import { AppError } from '../errors.js';
import { maskInToolArgs, maskInToolResult, type AssistantTextGuard } from './assistant-text-guard.js';
import type { MessageView } from './conversation-schemas.js';
import { messageView } from './message-view.js';

/**
 * Stores the assistant's answer of a turn with its tool calls, results and citations, and what the next turn waits for.
 * Whatever engine wrote it, the stored text goes through the turn's guard (the one its streamed words went through):
 * no link out of the portal and none of the values the user's message of this turn had masked.
 */
export async function recordAssistantMessage(
  pool: pg.Pool,
  tenantId: string,
  conversationId: string,
  message: Omit<NewMessage, 'role'>,
  pending: unknown,
  guard: AssistantTextGuard,
): Promise<MessageView> {
  const { secrets } = guard;
  const appended = await appendMessage(
    pool,
    tenantId,
    conversationId,
    {
      ...message,
      role: 'assistant',
      text: guard.clean(message.text),
      toolCalls: message.toolCalls?.map((call) => ({ name: call.name, args: maskInToolArgs(call.args, secrets) as Record<string, unknown> })),
      toolResults: message.toolResults?.map((result) => maskInToolResult(result, secrets)),
    },
    // The ticket's latest activity is the user's message this answers, which marked it a moment before.
    { pending: pending ?? null, ticketActivity: false },
  );
  if (!appended) throw new AppError('not_found', 'no such conversation');
  return messageView(appended.message);
}
