import type pg from 'pg';
import { appendMessage, findConversation } from '../../db/repositories/conversations.js';
import { requireTechnician } from '../access/require.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import type { MessageView } from './conversation-schemas.js';
import { messageView } from './message-view.js';
import type { TechnicianSend } from './takeover-schemas.js';

/** A technician writes to the user of a chat they are in; stored, with their name, before anyone hears of it. */
export async function postTechnicianMessage(pool: pg.Pool, ctx: Ctx, input: TechnicianSend): Promise<{ message: MessageView; contactId: string }> {
  requireTechnician(ctx);
  // Only while this technician is in the chat, checked in the same statement that stores the message.
  const appended = await appendMessage(
    pool,
    ctx.tenantId,
    input.conversationId,
    { role: 'technician', text: input.text, authorName: ctx.actor.name },
    { technicianId: ctx.actor.id },
  );
  if (appended) return { message: messageView(appended.message), contactId: appended.contactId };
  if (!(await findConversation(pool, ctx.tenantId, input.conversationId))) throw new AppError('not_found', 'no such conversation');
  throw new AppError('conversation_not_joined', 'not in this chat');
}
