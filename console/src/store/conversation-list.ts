// The pure part of the Conversations screen's store: its list and transcript kept in order as events arrive.
import type { MessageView } from '../../../domain/conversations/conversation-schemas.js';
import type { ActiveConversation } from '../../../domain/conversations/takeover-schemas.js';

const newestFirst = (a: ActiveConversation, b: ActiveConversation) => b.updatedAt.localeCompare(a.updatedAt);

/** The list with this conversation's line added or replaced, newest activity first; an older line never wins. */
export function upsertLine(lines: ActiveConversation[], line: ActiveConversation): ActiveConversation[] {
  const current = lines.find((each) => each.id === line.id);
  if (current && current.updatedAt > line.updatedAt) return lines;
  return [line, ...lines.filter((each) => each.id !== line.id)].sort(newestFirst);
}

/** The transcript with the message added once, in the order the server stored them. */
export function addMessage(messages: MessageView[], message: MessageView): MessageView[] {
  if (messages.some((each) => each.id === message.id)) return messages;
  return [...messages, message].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** A message's start as the list shows it: the Markdown's bold marks and link targets left out. */
export function plainExcerpt(excerpt: string): string {
  return excerpt.replace(/\*\*/g, '').replace(/\[([^\]]*)\]\([^)]*\)?/g, '$1');
}
