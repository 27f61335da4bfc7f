import * as z from 'zod';
import { openTicketFromChat } from '../domain/conversations/open-ticket-from-chat.js';
import { defineTool } from './tool.js';

export const escalateToTechnicianTool = defineTool({
  name: 'escalate_to_technician',
  description:
    'Hands the conversation over to a human technician: the ticket of this chat (opened if needed) is flagged for a ' +
    'technician, with the transcript. Use it when the user asks for a person, or the problem needs hands-on help. ' +
    'Tell the user the ticket number and that a technician will reply in the portal.',
  schema: z.strictObject({
    reason: z.string().trim().min(1).max(2000).optional().describe('Why a technician is needed, in one or two sentences'),
  }),
  handler: async ({ deps, ctx, conversationId, secrets, record }, args) => {
    const ticket = await openTicketFromChat(deps.pool, ctx, { conversationId, summary: args.reason, escalate: true, secrets });
    record.tickets.push({ id: ticket.id, created: ticket.created });
    return { ticket: { number: ticket.number, created: ticket.created, escalated: true } };
  },
});
