import * as z from 'zod';
import { getTicket } from '../domain/tickets/get-ticket.js';
import { defineTool } from './tool.js';

export const getTicketStatusTool = defineTool({
  name: 'get_ticket_status',
  description:
    "Gets the status of one of the user's tickets by its number, with its latest public replies. Tickets the user may " +
    'not see answer not_found.',
  schema: z.strictObject({ number: z.coerce.number().int().min(1).max(2_147_483_647) }),
  handler: async ({ deps, ctx }, args) => {
    const ticket = await getTicket(deps.pool, ctx, String(args.number));
    return {
      number: ticket.number,
      subject: ticket.subject,
      status: ticket.status,
      priority: ticket.priority,
      updatedAt: ticket.updatedAt,
      latestReplies: (ticket.comments ?? []).slice(-3).map((c) => ({ author: c.author.name, text: c.body.slice(0, 500), at: c.createdAt })),
    };
  },
});
