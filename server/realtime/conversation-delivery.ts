import type pg from 'pg';
import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import { describeActiveConversation } from '../../domain/conversations/list-active-conversations.js';
import type { PortalEvents } from './portal-events.js';
import { conversationRoom, techniciansRoom, userRoom } from './rooms.js';

/**
 * Tells everyone concerned what happened in a chat, whichever node it happened on: the user's windows and the
 * technician in the chat get the message (`chat:message`), the user's windows a technician coming or going
 * (`chat:handoff`), and the tenant's consoles the conversation's new line in their list (`conversations:changed`).
 */
export function startConversationDelivery(io: Server, pool: pg.Pool, logger: Logger, events: PortalEvents): void {
  const portal = io.of('/portal');
  const technicians = io.of('/console');
  const listChanged = (tenantId: string, conversationId: string) => {
    void describeActiveConversation(pool, tenantId, conversationId)
      .then((conversation) => conversation && technicians.to(techniciansRoom(tenantId)).emit('conversations:changed', { conversation }))
      .catch((error: unknown) => logger.error({ err: error, conversationId }, 'conversation list update failed'));
  };
  events.on('conversationMessage', (tenantId, conversationId, contactId, message, exceptSocket) => {
    const payload = { conversationId, message };
    const except = exceptSocket ? [exceptSocket] : [];
    portal.to(userRoom(tenantId, contactId)).except(except).emit('chat:message', payload);
    technicians.to(conversationRoom(tenantId, conversationId)).except(except).emit('chat:message', payload);
    listChanged(tenantId, conversationId);
  });
  events.on('conversationHandoff', (tenantId, { conversationId, contactId, technician, notice }) => {
    portal.to(userRoom(tenantId, contactId)).emit('chat:handoff', { conversationId, technician });
    events.emit('conversationMessage', tenantId, conversationId, contactId, notice, undefined);
  });
}
