import type pg from 'pg';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { findConversation, listMessages } from '../../db/repositories/conversations.js';
import { flagTicketForTechnician, insertComment, setTicketType } from '../../db/repositories/tickets.js';
import { withTransaction } from '../../db/transaction.js';
import { requireContact } from '../access/require.js';
import type { ContactActor, Ctx } from '../context.js';
import { takeCreation } from '../limits/creation-limits.js';
import type { TicketType } from '../tickets/ticket-schemas.js';
import { loadOwnConversation } from './post-user-message.js';
import { openChatTicket, subjectFromText } from './open-chat-ticket.js';
import { maskSecretValues, redactSecrets } from './redact-secrets.js';

/** `secrets`: what the user's message of this turn had masked; the subject and summary must not carry them either. */
export type ChatTicketInput = { conversationId: string; subject?: string; summary?: string; type?: TicketType; escalate: boolean; secrets?: readonly string[] };
export type ChatTicket = { id: string; number: number; created: boolean; escalated: boolean };

/**
 * Opens the conversation's ticket (or reuses the one the session already has) so a technician can take over; it works
 * whatever "disable manual ticket creation" says, since steering users through the chat is that setting's purpose.
 * Escalating flags the ticket for a technician and notes why. A new ticket comes from the user's allowance of new
 * tickets, taken before the transaction (embedded mode has one connection).
 */
export async function openTicketFromChat(pool: pg.Pool, ctx: Ctx, input: ChatTicketInput): Promise<ChatTicket> {
  requireContact(ctx);
  const conversation = await loadOwnConversation(pool, ctx, input.conversationId);
  if (conversation.ticket_id) return openOrReuseTicket(pool, ctx, input);
  const giveBack = await takeCreation(pool, ctx, 'tickets');
  try {
    const ticket = await openOrReuseTicket(pool, ctx, input);
    // Another request opened it meanwhile: this one created nothing.
    if (!ticket.created) await giveBack();
    return ticket;
  } catch (error) {
    await giveBack();
    throw error;
  }
}

async function openOrReuseTicket(pool: pg.Pool, ctx: Ctx & { actor: ContactActor }, input: ChatTicketInput): Promise<ChatTicket> {
  const actor = ctx.actor;
  return withTransaction(pool, async (client) => {
    const conversation = await loadOwnConversation(client, { ...ctx, actor }, input.conversationId);
    // The subject and summary are the model's rewording of what the user typed: masked like the user's own words.
    const mask = (text: string) => redactSecrets(maskSecretValues(text.trim(), input.secrets ?? [])).text;
    const summary = input.summary ? mask(input.summary) : '';
    let ticket = conversation.ticket_id ? { id: conversation.ticket_id, number: conversation.ticket_number! } : null;
    const created = !ticket;
    if (!ticket) {
      const firstUserText = (await listMessages(client, ctx.tenantId, conversation.id)).find((m) => m.role === 'user')?.text ?? '';
      const subject = input.subject?.trim() ? mask(input.subject).slice(0, 200) : subjectFromText(summary || firstUserText);
      ticket = await openChatTicket(client, ctx.tenantId, actor, conversation.id, {
        subject: subject || subjectFromText(firstUserText),
        description: summary || firstUserText,
        ...(input.type ? { type: input.type } : {}),
        needsTechnician: input.escalate,
      });
    }
    // The chat's ticket, opened with the conversation, becomes what the user now asks for ("ask a technician for
    // this app": a request).
    if (!created && input.type) await setTicketType(client, ctx.tenantId, ticket.id, input.type);
    if (input.escalate) {
      await flagTicketForTechnician(client, ctx.tenantId, ticket.id);
      if (summary) {
        await insertComment(client, ctx.tenantId, {
          ticketId: ticket.id,
          authorKind: 'assistant',
          authorId: null,
          authorName: 'AI assistant',
          body: summary,
          isPublic: false,
        });
      }
      await insertAuditEntry(client, ctx.tenantId, {
        actorKind: 'contact',
        actorId: actor.id,
        action: 'ticket.escalated',
        targetKind: 'ticket',
        targetId: ticket.id,
        details: { number: ticket.number, conversationId: conversation.id },
      });
    }
    const after = await findConversation(client, ctx.tenantId, conversation.id);
    return { id: after!.ticket_id!, number: after!.ticket_number!, created, escalated: input.escalate };
  });
}
