import type pg from 'pg';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { listConversationIdsHeldBy, lockConversation, setConversationTechnician } from '../../db/repositories/conversations.js';
import { withTransaction } from '../../db/transaction.js';
import { requireTechnician } from '../access/require.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { recordHandoffNotice, type Handoff } from './join-conversation.js';
import type { ConversationRef } from './takeover-schemas.js';

/**
 * The technician hands the chat back: the assistant answers the user's next message again, and says it is back.
 * `reason` is for the audit log: left, or given back because their console went away.
 */
export async function leaveConversation(pool: pg.Pool, ctx: Ctx, input: ConversationRef & { reason?: 'left' | 'disconnected' }): Promise<Handoff> {
  requireTechnician(ctx);
  const actor = ctx.actor;
  return withTransaction(pool, async (client) => {
    const conversation = await lockConversation(client, ctx.tenantId, input.conversationId);
    if (!conversation) throw new AppError('not_found', 'no such conversation');
    if (conversation.technician_id !== actor.id) throw new AppError('conversation_not_joined', 'not in this chat');
    await setConversationTechnician(client, ctx.tenantId, conversation.id, null);
    const notice = await recordHandoffNotice(client, ctx.tenantId, conversation, 'assistant.handoff.back', actor.name);
    await insertAuditEntry(client, ctx.tenantId, {
      actorKind: 'technician',
      actorId: actor.id,
      action: 'conversation.left',
      targetKind: 'conversation',
      targetId: conversation.id,
      details: { reason: input.reason ?? 'left' },
    });
    return { conversationId: conversation.id, contactId: conversation.contact_id, technician: null, notice };
  });
}

/** Every chat the technician is still in goes back to the assistant: their console went away and did not come back. */
export async function handBackConversations(pool: pg.Pool, ctx: Ctx): Promise<Handoff[]> {
  requireTechnician(ctx);
  const handoffs: Handoff[] = [];
  for (const conversationId of await listConversationIdsHeldBy(pool, ctx.tenantId, ctx.actor.id)) {
    try {
      handoffs.push(await leaveConversation(pool, ctx, { conversationId, reason: 'disconnected' }));
    } catch (error) {
      // Left meanwhile, from another window: nothing to hand back.
      if (!(error instanceof AppError && error.code === 'conversation_not_joined')) throw error;
    }
  }
  return handoffs;
}
