import type pg from 'pg';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { appendMessage, lockConversation, setConversationTechnician } from '../../db/repositories/conversations.js';
import { findContactById } from '../../db/repositories/principals.js';
import { withTransaction } from '../../db/transaction.js';
import { isLanguage } from '../../i18n/languages.js';
import { t } from '../../i18n/translate.js';
import { requireTechnician } from '../access/require.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import type { ConversationView, MessageView } from './conversation-schemas.js';
import { getConversation } from './get-conversation.js';
import { messageView } from './message-view.js';
import type { ConversationRef } from './takeover-schemas.js';

/** A technician came in or left: what the user's window and the console must hear. */
export type Handoff = { conversationId: string; contactId: string; technician: { name: string } | null; notice: MessageView };

/**
 * The assistant tells the user, in the user's language, who from support came in or that it is back; stored like any
 * message, so the transcript keeps it.
 */
export async function recordHandoffNotice(
  client: pg.PoolClient,
  tenantId: string,
  conversation: { id: string; contact_id: string },
  key: 'assistant.handoff.joined' | 'assistant.handoff.back',
  technicianName: string,
): Promise<MessageView> {
  const contact = await findContactById(client, tenantId, conversation.contact_id);
  const language = isLanguage(contact?.language) ? contact.language : 'en';
  const appended = await appendMessage(client, tenantId, conversation.id, { role: 'assistant', text: t(language, key, { name: technicianName }) });
  return messageView(appended!.message);
}

/**
 * A technician takes the chat over: from now on the user's messages go to them and the assistant stays silent. One
 * technician at a time: another's join is refused naming who is in; joining again a chat one is already in only
 * reads it (after a reload or a reconnection), with no second notice.
 */
export async function joinConversation(
  pool: pg.Pool,
  ctx: Ctx,
  input: ConversationRef,
): Promise<{ conversation: ConversationView; contactId: string; handoff: Handoff | undefined }> {
  requireTechnician(ctx);
  const actor = ctx.actor;
  const { contactId, handoff } = await withTransaction(pool, async (client) => {
    const conversation = await lockConversation(client, ctx.tenantId, input.conversationId);
    if (!conversation) throw new AppError('not_found', 'no such conversation');
    if (conversation.technician_id === actor.id) return { contactId: conversation.contact_id, handoff: undefined };
    if (conversation.technician_id) {
      throw new AppError('conversation_taken', 'another technician is in this chat', { params: { name: conversation.technician_name ?? '' } });
    }
    await setConversationTechnician(client, ctx.tenantId, conversation.id, actor.id);
    const notice = await recordHandoffNotice(client, ctx.tenantId, conversation, 'assistant.handoff.joined', actor.name);
    await insertAuditEntry(client, ctx.tenantId, {
      actorKind: 'technician',
      actorId: actor.id,
      action: 'conversation.joined',
      targetKind: 'conversation',
      targetId: conversation.id,
    });
    const joined: Handoff = { conversationId: conversation.id, contactId: conversation.contact_id, technician: { name: actor.name }, notice };
    return { contactId: conversation.contact_id, handoff: joined };
  });
  return { conversation: await getConversation(pool, ctx, input.conversationId), contactId, handoff };
}
