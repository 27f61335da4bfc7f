import type pg from 'pg';
import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import { describeActiveConversation } from '../../domain/conversations/list-active-conversations.js';
import type { ChannelOutbounds } from '../channels/channel-outbound.js';
import type { PortalEvents } from './portal-events.js';
import { conversationRoom, techniciansRoom } from './rooms.js';

// A turn stores the user's message and the assistant's answer moments apart: the consoles' list line is read once for
// both, at the end of this wait after the first, rather than once per message.
const LIST_LINE_WAIT_MS = 250;

/**
 * Tells everyone concerned what happened in a chat, whichever node it happened on: the user on the conversation's
 * channel gets the message and hears of a technician coming or going, the technician in the chat gets the message
 * (`chat:message`), and the tenant's consoles the conversation's new line in their list (`conversations:changed`).
 * Returns what stops it.
 */
export function startConversationDelivery(
  io: Server,
  pool: pg.Pool,
  logger: Logger,
  events: PortalEvents,
  channels: ChannelOutbounds,
  clustered: boolean,
): () => void {
  const technicians = io.of('/console');
  const waiting = new Map<string, NodeJS.Timeout>();
  // A node alone holds every console there is: with none of the tenant's open, no one would read the new line.
  const nobodyWatches = (tenantId: string) => !clustered && !technicians.adapter.rooms.get(techniciansRoom(tenantId))?.size;
  const listChanged = (tenantId: string, conversationId: string) => {
    const key = `${tenantId}:${conversationId}`;
    if (waiting.has(key) || nobodyWatches(tenantId)) return;
    const read = () => {
      waiting.delete(key);
      void describeActiveConversation(pool, tenantId, conversationId)
        .then((conversation) => conversation && technicians.to(techniciansRoom(tenantId)).emit('conversations:changed', { conversation }))
        .catch((error: unknown) => logger.error({ err: error, conversationId }, 'conversation list update failed'));
    };
    waiting.set(key, setTimeout(read, LIST_LINE_WAIT_MS));
  };
  events.on('conversationMessage', (tenantId, conversationId, _contactId, message, exceptSocket) => {
    channels.sendTo(tenantId, conversationId, 'message', (channel, to) => channel.message(to, message, exceptSocket));
    technicians
      .to(conversationRoom(tenantId, conversationId))
      .except(exceptSocket ? [exceptSocket] : [])
      .emit('chat:message', { conversationId, message });
    listChanged(tenantId, conversationId);
  });
  events.on('conversationHandoff', (tenantId, { conversationId, contactId, technician, notice }) => {
    channels.sendTo(tenantId, conversationId, 'handoff', (channel, to) => channel.handoff(to, technician));
    events.emit('conversationMessage', tenantId, conversationId, contactId, notice, undefined);
  });
  return () => {
    for (const timer of waiting.values()) clearTimeout(timer);
    waiting.clear();
  };
}
