// The console's socket.io connection (namespace /console, authenticated by the technician's session cookie): the
// tenant's active conversations as they change, and the live takeover of one. Every request resolves with its
// acknowledgement, or with an error when the server refused it or did not answer in time.
import { io, type Socket } from 'socket.io-client';
import type { ConversationView, MessageView } from '../../../domain/conversations/conversation-schemas.js';
import type { ActiveConversation, ChatTypingEvent, ConversationRef, TechnicianSend } from '../../../domain/conversations/takeover-schemas.js';
import { followConnection, requestWithAck, type Ack, type ConnectionHandlers } from '../../../portal-widget/src/api/socket-request.js';

export type ServerEvents = {
  'conversations:changed': (payload: { conversation: ActiveConversation }) => void;
  'chat:message': (payload: { conversationId: string; message: MessageView }) => void;
  'chat:typing': (payload: ChatTypingEvent) => void;
};

/** What each request acknowledges when it succeeds. */
export type Requests = {
  'conversations:active': [Record<string, never>, { conversations: ActiveConversation[] }];
  'chat:join': [ConversationRef, { conversation: ConversationView }];
  'chat:send': [TechnicianSend, { conversationId: string; messageId: string; message: MessageView }];
  'chat:leave': [ConversationRef, { ok: true }];
  'chat:typing': [ConversationRef, { ok: true }];
};

type ConsoleSocket = Socket<ServerEvents>;

let socket: ConsoleSocket | undefined;

/** Opens the connection once per signed-in session; a connection the server closed is opened again. */
export function connect(handlers: ConnectionHandlers, events: ServerEvents): void {
  if (socket?.active) return;
  socket?.removeAllListeners();
  const opened: ConsoleSocket = io('/console');
  socket = opened;
  followConnection(opened as Socket, handlers);
  for (const [name, listener] of Object.entries(events)) opened.on(name as keyof ServerEvents, listener as never);
}

export function disconnect(): void {
  socket?.disconnect();
  socket = undefined;
}

/** Refused at once while disconnected (code `disconnected`), and when the connection drops before the answer. */
export function send<E extends keyof Requests>(event: E, payload: Requests[E][0], noAnswer: string): Promise<Ack<Requests[E][1]>> {
  return requestWithAck(socket as Socket | undefined, event, payload, noAnswer);
}
