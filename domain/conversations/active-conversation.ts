import type { ActiveConversationRow } from '../../db/repositories/conversations.js';
import { channelKind } from './conversation-channel.js';
import type { ActiveConversation } from './takeover-schemas.js';
import { ticketRef } from './message-view.js';

const EXCERPT_LENGTH = 140;

/** One line of the console's list: who is chatting, what was said last, who from support is in. */
export function activeConversationView(row: ActiveConversationRow): ActiveConversation {
  return {
    id: row.id,
    user: { id: row.contact_id, name: row.contact_name, company: row.company_name },
    lastMessage:
      row.last_role && row.last_text !== null && row.last_at
        ? {
            role: row.last_role === 'tool' ? 'system' : row.last_role,
            excerpt: row.last_text.length > EXCERPT_LENGTH ? `${row.last_text.slice(0, EXCERPT_LENGTH - 1)}…` : row.last_text,
            createdAt: row.last_at.toISOString(),
          }
        : null,
    technician: row.technician_id && row.technician_name ? { id: row.technician_id, name: row.technician_name } : null,
    ticket: ticketRef(row),
    channel: channelKind(row.channel),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
