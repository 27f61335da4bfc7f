// The portal's one socket.io connection (namespace /portal, authenticated by the session cookie, or embedded by the
// bearer token in the handshake's `auth.token`): the chat and the live updates of actions and settings. Every request
// resolves with its acknowledgement, or with an error when the server refused it or did not answer in time.
import { io, type Socket } from 'socket.io-client';
import type { ActionView } from '../../../domain/actions/action-schemas.js';
import type { ChatSend, ConversationView, MessageView, ReplyFeedback } from '../../../domain/conversations/conversation-schemas.js';
import type { ChatHandoffEvent, ChatTypingEvent, ConversationRef } from '../../../domain/conversations/takeover-schemas.js';
import type { TicketCommentEvent, TicketUpdatedEvent } from '../../../domain/tickets/ticket-schemas.js';
import { embedded, portalUrl } from '../app/environment.js';
import { followConnection, requestWithAck, type Ack, type ConnectionHandlers } from './socket-request.js';
import { currentToken } from './token.js';

export type ServerEvents = {
  'chat:history': (payload: { conversation: ConversationView }) => void;
  'chat:delta': (payload: { conversationId: string; messageId: string; delta: string }) => void;
  'chat:message': (payload: { conversationId: string; message: MessageView }) => void;
  'chat:typing': (payload: ChatTypingEvent) => void;
  'chat:handoff': (payload: ChatHandoffEvent) => void;
  'chat:action': (payload: { conversationId: string; action: ActionView }) => void;
  'chat:error': (payload: { conversationId: string }) => void;
  'action:update': (payload: { action: ActionView }) => void;
  'settings:updated': () => void;
  'ticket:comment': (payload: TicketCommentEvent) => void;
  'ticket:updated': (payload: TicketUpdatedEvent) => void;
};

/** What each request acknowledges when it succeeds. */
export type Requests = {
  'chat:send': [ChatSend, { conversationId: string; messageId: string }];
  'chat:feedback': [ReplyFeedback, { ok: true }];
  'chat:typing': [ConversationRef, { ok: true }];
  'action:confirm': [{ actionId: string }, { action: ActionView; needsPhone: boolean }];
  'action:cancel': [{ actionId: string }, { action: ActionView }];
  'action:verify': [{ actionId: string; code: string }, { action: ActionView }];
  'phone:set': [{ phone: string }, { ok: true }];
};

export type { Ack };

type PortalSocket = Socket<ServerEvents>;

let socket: PortalSocket | undefined;

export function connect(handlers: ConnectionHandlers, events: Partial<ServerEvents>): void {
  if (socket) return;
  // Read at each reconnection: a refreshed token goes with it.
  const auth = (give: (data: object) => void) => give({ token: currentToken()?.token });
  const opened: PortalSocket = io(portalUrl('/portal'), embedded() ? { auth } : {});
  socket = opened;
  followConnection(opened as Socket, handlers);
  for (const [name, listener] of Object.entries(events)) opened.on(name as keyof ServerEvents, listener as never);
}

export function disconnect(): void {
  socket?.disconnect();
  socket = undefined;
}

export const connected = () => socket?.connected ?? false;

/** Refused at once while disconnected (code `disconnected`), and when the connection drops before the answer. */
export function send<E extends keyof Requests>(event: E, payload: Requests[E][0], noAnswer: string): Promise<Ack<Requests[E][1]>> {
  return requestWithAck(socket as Socket | undefined, event, payload, noAnswer);
}
