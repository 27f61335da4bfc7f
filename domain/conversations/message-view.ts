import type { ConversationRow, MessageRow } from '../../db/repositories/conversations.js';
import { isLanguage } from '../../i18n/languages.js';
import type { MessageView } from './conversation-schemas.js';

/** Tool messages and tool results stay on the server: they are for the model and the technician's transcript. */
export function messageView(row: MessageRow): MessageView {
  return {
    id: row.id,
    role: row.role === 'tool' ? 'system' : row.role,
    text: row.text,
    toolCalls: row.tool_calls.map((call) => ({ name: call.name, args: call.args })),
    citations: row.citations.map(({ lang, ...citation }) => (isLanguage(lang) ? { ...citation, lang } : citation)),
    ...(row.limited_mode ? { limitedMode: true } : {}),
    ...(row.quick_replies.length > 0 ? { quickReplies: row.quick_replies } : {}),
    ...(row.role === 'technician' && row.author_name ? { author: { name: row.author_name } } : {}),
    createdAt: row.created_at.toISOString(),
  };
}

export function ticketRef(row: ConversationRow): { id: string; number: number } | null {
  return row.ticket_id && row.ticket_number !== null ? { id: row.ticket_id, number: row.ticket_number } : null;
}

export function technicianRef(row: ConversationRow): { name: string } | null {
  return row.technician_id && row.technician_name ? { name: row.technician_name } : null;
}
