import * as z from 'zod';
import { listTickets } from '../domain/tickets/list-tickets.js';
import { defineTool } from './tool.js';

export const listMyTicketsTool = defineTool({
  name: 'list_my_tickets',
  description: "Lists the user's most recent support tickets (number, subject, status, last update), newest first.",
  schema: z.strictObject({
    status: z.enum(['open', 'pending', 'resolved', 'closed']).optional(),
    limit: z.number().int().min(1).max(20).default(5),
  }),
  handler: async ({ deps, ctx }, args) => {
    const page = await listTickets(deps.pool, ctx, { status: args.status && [args.status], limit: args.limit, offset: 0 });
    return {
      total: page.total,
      tickets: page.tickets.map((ticket) => ({
        number: ticket.number,
        subject: ticket.subject,
        status: ticket.status,
        updatedAt: ticket.updatedAt,
      })),
    };
  },
});
