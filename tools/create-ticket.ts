import * as z from 'zod';
import { openTicketFromChat } from '../domain/conversations/open-ticket-from-chat.js';
import { TICKET_TYPES } from '../domain/tickets/ticket-schemas.js';
import { defineTool } from './tool.js';

export const createTicketTool = defineTool({
  name: 'create_ticket',
  description:
    'Opens a support ticket for the user carrying this whole conversation (or returns the one this chat already has). ' +
    'Use it when the user asks for a ticket or when self-help did not solve the problem. Returns the ticket number.',
  schema: z.strictObject({
    subject: z.string().trim().min(1).max(200).optional().describe('A short title for the problem'),
    summary: z.string().trim().min(1).max(4000).optional().describe('What the user needs and what was tried'),
    type: z.enum(TICKET_TYPES).optional().describe('request for something new (such as software the catalog lacks), incident for something broken'),
  }),
  handler: async ({ deps, ctx, conversationId, secrets, record }, args) => {
    const ticket = await openTicketFromChat(deps.pool, ctx, { conversationId, ...args, escalate: false, secrets });
    record.tickets.push({ id: ticket.id, created: ticket.created });
    return { ticket: { number: ticket.number, created: ticket.created } };
  },
});
