import { insertAuditEntry } from '../../db/repositories/audit.js';
import { findConversationChannel, linkConversationToTicket } from '../../db/repositories/conversations.js';
import { takeTicketNumber } from '../../db/repositories/tenants.js';
import { flagTicketForTechnician, insertTicket } from '../../db/repositories/tickets.js';
import type { Queryable } from '../../db/transaction.js';
import type { ContactActor } from '../context.js';
import type { TicketType } from '../tickets/ticket-schemas.js';

export function subjectFromText(text: string): string {
  const firstLine = text.trim().split('\n', 1)[0]!.trim();
  return firstLine.length <= 80 ? firstLine : `${firstLine.slice(0, 79)}…`;
}

/** Where a chat's ticket came from: the chat app it was held in, else the portal's assistant. */
const SOURCE_OF_CHANNEL: Record<string, string> = { slack: 'slack', teams: 'teams' };

/**
 * Opens the ticket of a chat session, linked to its conversation: the ticket shows the conversation and its actions as
 * they grow, so nothing is copied and nothing goes stale. Runs inside the caller's transaction.
 */
export async function openChatTicket(
  client: Queryable,
  tenantId: string,
  actor: ContactActor,
  conversationId: string,
  input: { subject: string; description: string; type?: TicketType; needsTechnician: boolean },
): Promise<{ id: string; number: number }> {
  const number = await takeTicketNumber(client, tenantId);
  const channel = await findConversationChannel(client, tenantId, conversationId);
  const source = (channel && SOURCE_OF_CHANNEL[channel.channel]) ?? 'ai_assistant';
  const id = await insertTicket(client, tenantId, {
    number,
    subject: input.subject,
    description: input.description,
    priority: 'medium',
    type: input.type ?? 'incident',
    source,
    requesterId: actor.id,
    companyId: actor.companyId,
    customFields: {},
  });
  if (input.needsTechnician) await flagTicketForTechnician(client, tenantId, id);
  await linkConversationToTicket(client, tenantId, conversationId, id);
  await insertAuditEntry(client, tenantId, {
    actorKind: 'contact',
    actorId: actor.id,
    action: 'ticket.created',
    targetKind: 'ticket',
    targetId: id,
    details: { number, source, conversationId },
  });
  return { id, number };
}
