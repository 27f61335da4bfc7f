// The console's socket.io connection (namespace /console, authenticated by the technician's session cookie), one per
// signed-in session and shared by the screens that follow the tenant live: the active conversations and the live
// takeover of one, and the ticket queue. Every request resolves with its acknowledgement, or with an error when the
// server refused it or did not answer in time.
import { io, type Socket } from 'socket.io-client';
import type { ConversationView, MessageView } from '../../../domain/conversations/conversation-schemas.js';
import type { ActiveConversation, ChatTypingEvent, ConversationRef, TechnicianSend } from '../../../domain/conversations/takeover-schemas.js';
import type { TicketsChangedEvent } from '../../../domain/tickets/ticket-schemas.js';
import { followConnection, requestWithAck, type Ack, type ConnectionHandlers } from '../../../portal-widget/src/api/socket-request.js';

export type ServerEvents = {
  'conversations:changed': (payload: { conversation: ActiveConversation }) => void;
  'chat:message': (payload: { conversationId: string; message: MessageView }) => void;
  'chat:typing': (payload: ChatTypingEvent) => void;
  'tickets:changed': (payload: TicketsChangedEvent) => void;
};

/** What each request acknowledges when it succeeds. */
export type Requests = {
  'conversations:active': [Record<string, never>, { conversations: ActiveConversation[] }];
  'chat:join': [ConversationRef, { conversation: ConversationView }];
  'chat:send': [TechnicianSend, { conversationId: string; messageId: string; message: MessageView }];
  'chat:leave': [ConversationRef, { ok: true }];
  'chat:typing': [ConversationRef, { ok: true }];
};

/** One screen's interest in the connection: how it goes, and the server's events it wants. */
export type Listener = Partial<ConnectionHandlers> & { events: Partial<ServerEvents> };

type ConsoleSocket = Socket<ServerEvents>;

let socket: ConsoleSocket | undefined;
const listeners = new Set<Listener>();

/** Opens the connection once per signed-in session; a connection the server closed is opened again. */
export function connect(): void {
  if (socket?.active) return;
  socket?.removeAllListeners();
  const opened: ConsoleSocket = io('/console');
  socket = opened;
  followConnection(opened as Socket, {
    connected: (recovered) => listeners.forEach((listener) => listener.connected?.(recovered)),
    lost: () => listeners.forEach((listener) => listener.lost?.()),
    refused: () => listeners.forEach((listener) => listener.refused?.()),
  });
  opened.onAny((event: string, payload: unknown) => {
    for (const listener of listeners) (listener.events[event as keyof ServerEvents] as ((payload: unknown) => void) | undefined)?.(payload);
  });
}

export function isConnected(): boolean {
  return socket?.connected ?? false;
}

/** Hears the connection and its events from now on, whichever socket carries them; the answer stops it. */
export function listen(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function disconnect(): void {
  socket?.disconnect();
  socket = undefined;
}

/** Refused at once while disconnected (code `disconnected`), and when the connection drops before the answer. */
export function send<E extends keyof Requests>(event: E, payload: Requests[E][0], noAnswer: string): Promise<Ack<Requests[E][1]>> {
  return requestWithAck(socket as Socket | undefined, event, payload, noAnswer);
}
