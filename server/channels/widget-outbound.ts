import type { Server } from 'socket.io';
import { userRoom } from '../realtime/rooms.js';
import type { ChannelOutbound, ConversationTo } from './channel-outbound.js';

/** The widget's channel: every open window of the conversation's user, on any node, through their socket room. */
export function widgetOutbound(io: Server): ChannelOutbound {
  const portal = io.of('/portal');
  const windows = (to: ConversationTo) => portal.to(userRoom(to.tenantId, to.contactId));
  return {
    typing: (to, typing) => void windows(to).emit('chat:typing', { conversationId: to.conversationId, typing }),
    delta: (to, messageId, delta) => void windows(to).emit('chat:delta', { conversationId: to.conversationId, messageId, delta }),
    message: (to, message, exceptSocket) =>
      void windows(to)
        .except(exceptSocket ? [exceptSocket] : [])
        .emit('chat:message', { conversationId: to.conversationId, message }),
    handoff: (to, technician) => void windows(to).emit('chat:handoff', { conversationId: to.conversationId, technician }),
    action: (to, action) => void windows(to).emit('chat:action', { conversationId: to.conversationId, action }),
    actionUpdate: (to, action) => void windows(to).emit('action:update', { action }),
    failed: (to) => void windows(to).emit('chat:error', { conversationId: to.conversationId, error: { code: 'internal' } }),
  };
}
