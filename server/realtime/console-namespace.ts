import type pg from 'pg';
import type { Logger } from 'pino';
import type { Namespace, Server, Socket } from 'socket.io';
import * as z from 'zod';
import { resolveSession } from '../../domain/auth/sessions.js';
import type { Ctx, TechnicianActor } from '../../domain/context.js';
import { joinConversation } from '../../domain/conversations/join-conversation.js';
import { handBackConversations, leaveConversation } from '../../domain/conversations/leave-conversation.js';
import { listActiveConversations } from '../../domain/conversations/list-active-conversations.js';
import { postTechnicianMessage } from '../../domain/conversations/post-technician-message.js';
import { ConversationRefSchema, TechnicianSendSchema } from '../../domain/conversations/takeover-schemas.js';
import { AppError } from '../../domain/errors.js';
import { sessionHandshake, type SessionSocketData } from './handshake.js';
import type { PortalEvents } from './portal-events.js';
import { conversationRoom, sessionRoom, technicianRoom, techniciansRoom, userRoom } from './rooms.js';
import { guardRecovery } from './recovery.js';
import { handleEvent } from './socket-ack.js';
import { TypingGate } from './typing-gate.js';

/**
 * How long a technician's chats stay theirs after their last console window closed without leaving them: a reload or
 * a short network drop keeps the chat, a closed laptop gives it back to the assistant.
 */
export const TAKEOVER_GRACE_MS = 2 * 60 * 1000;

export type ConsoleSocketData = SessionSocketData<TechnicianActor> & {
  /** The chats this window is in, each with its user: where the technician's typing goes. */
  joined: Map<string, string>;
};

export type ConsoleNamespaceDeps = { pool: pg.Pool; logger: Logger; events: PortalEvents; takeoverGraceMs?: number };

/**
 * The technicians' realtime namespace: the tenant's active conversations, and the live takeover of one. A socket is a
 * signed-in technician of the tenant its Host names; every event re-checks the session.
 */
export function consoleNamespace(io: Server, deps: ConsoleNamespaceDeps): Namespace {
  const technicians = io.of('/console');
  const portal = io.of('/portal');
  const graceMs = deps.takeoverGraceMs ?? TAKEOVER_GRACE_MS;

  deps.events.on('sessionEnded', (key) => technicians.in(sessionRoom(key)).disconnectSockets(true));

  guardRecovery(technicians, sessionHandshake(deps.pool, 'technician'), (socket) => sessionRoom((socket.data as ConsoleSocketData).sessionKey));

  technicians.on('connection', (socket: Socket) => {
    const data = socket.data as ConsoleSocketData;
    data.joined = new Map();
    const { tenant } = data;
    const own = technicianRoom(tenant.id, data.ctx.actor.id);
    void socket.join([techniciansRoom(tenant.id), own, sessionRoom(data.sessionKey)]);
    const log = deps.logger.child({ socket: socket.id, technician: data.ctx.actor.id });

    const currentCtx = async (): Promise<Ctx & { actor: TechnicianActor }> => {
      const actor = await resolveSession(deps.pool, tenant.id, data.token);
      if (!actor || actor.kind !== 'technician') {
        socket.disconnect(true);
        throw new AppError('unauthenticated', 'session ended');
      }
      data.ctx = { tenantId: tenant.id, actor };
      return data.ctx;
    };
    const options = (event: string) => ({ logger: log, language: () => data.ctx.actor.language, event });
    const enter = (conversationId: string, contactId: string) => {
      data.joined.set(conversationId, contactId);
      void socket.join(conversationRoom(tenant.id, conversationId));
    };

    socket.on(
      'conversations:active',
      handleEvent(z.strictObject({}).optional(), options('conversations:active'), async () => ({
        conversations: await listActiveConversations(deps.pool, await currentCtx()),
      })),
    );

    socket.on(
      'chat:join',
      handleEvent(ConversationRefSchema, options('chat:join'), async (input) => {
        const { conversation, contactId, handoff } = await joinConversation(deps.pool, await currentCtx(), input);
        if (handoff) deps.events.emit('conversationHandoff', tenant.id, handoff);
        enter(conversation.id, contactId);
        return { conversation };
      }),
    );

    socket.on(
      'chat:send',
      handleEvent(TechnicianSendSchema, options('chat:send'), async (input) => {
        const { message, contactId } = await postTechnicianMessage(deps.pool, await currentCtx(), input);
        deps.events.emit('conversationMessage', tenant.id, input.conversationId, contactId, message, socket.id);
        return { conversationId: input.conversationId, messageId: message.id, message };
      }),
    );

    socket.on(
      'chat:leave',
      handleEvent(ConversationRefSchema, options('chat:leave'), async (input) => {
        const handoff = await leaveConversation(deps.pool, await currentCtx(), input);
        deps.events.emit('conversationHandoff', tenant.id, handoff);
        // Every window of this technician stops hearing the chat, on every node.
        technicians.in(own).socketsLeave(conversationRoom(tenant.id, input.conversationId));
        return { ok: true };
      }),
    );

    // The technician is typing: the user's windows show "<name> is typing…". Never stored; at most one per interval.
    const typingGate = new TypingGate();
    socket.on(
      'chat:typing',
      handleEvent(ConversationRefSchema, options('chat:typing'), async ({ conversationId }) => {
        const contactId = data.joined.get(conversationId);
        // Left from another window of the same technician: the room went, the map entry may not have.
        if (!contactId || !socket.rooms.has(conversationRoom(tenant.id, conversationId))) throw new AppError('conversation_not_joined', 'not in this chat');
        if (typingGate.allow()) {
          portal.to(userRoom(tenant.id, contactId)).emit('chat:typing', { conversationId, typing: true, technician: { name: data.ctx.actor.name } });
        }
        return { ok: true };
      }),
    );

    socket.on('disconnect', (reason) => {
      if (reason === 'server shutting down') return;
      const timer = setTimeout(() => void handBackIfGone(data.ctx, own).catch((error: unknown) => log.error({ err: error }, 'hand back failed')), graceMs);
      timer.unref();
    });

    // A window opened again (reload, reconnection) hears the chats its technician is still in.
    void listActiveConversations(deps.pool, data.ctx)
      .then((conversations) => {
        for (const conversation of conversations) if (conversation.technician?.id === data.ctx.actor.id) enter(conversation.id, conversation.user.id);
      })
      .catch((error: unknown) => log.warn({ err: error }, 'restoring joined chats failed'));

  });

  /** The technician's last console window closed a grace period ago and none came back, on any node: their chats go back. */
  async function handBackIfGone(ctx: Ctx, own: string): Promise<void> {
    if ((await technicians.in(own).fetchSockets()).length > 0) return;
    for (const handoff of await handBackConversations(deps.pool, ctx)) deps.events.emit('conversationHandoff', ctx.tenantId, handoff);
  }

  return technicians;
}
