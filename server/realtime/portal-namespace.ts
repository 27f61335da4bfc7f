import type pg from 'pg';
import type { Logger } from 'pino';
import type { Namespace, Server, Socket } from 'socket.io';
import * as z from 'zod';
import { ActionRefSchema, PhoneSchema, VerifySchema } from '../../domain/actions/action-schemas.js';
import { setMyPhone } from '../../domain/contacts/set-my-phone.js';
import { resolveSession } from '../../domain/auth/sessions.js';
import type { ContactActor, Ctx } from '../../domain/context.js';
import { ChatSendSchema, ReplyFeedbackSchema } from '../../domain/conversations/conversation-schemas.js';
import { recordReplyFeedback } from '../../domain/conversations/record-reply-feedback.js';
import { getConversation, listMyConversations } from '../../domain/conversations/get-conversation.js';
import { loadOwnConversation } from '../../domain/conversations/post-user-message.js';
import { ConversationRefSchema } from '../../domain/conversations/takeover-schemas.js';
import { AppError } from '../../domain/errors.js';
import { loadPortalConfig } from '../../domain/settings/load-settings.js';
import { sectionsForActor } from '../../domain/settings/sections-for-actor.js';
import type { ChannelChats } from '../channels/channel-chats.js';
import { actionSteps, type ActionStepDeps } from './action-steps.js';
import { conversationRoom, sessionRoom, tenantRoom, userRoom } from './rooms.js';
import { TypingGate } from './typing-gate.js';
import { sessionHandshake, type SessionSocketData } from './handshake.js';
import { guardRecovery } from './recovery.js';
import { handleEvent } from './socket-ack.js';

// A conversation picked up again on connect only if it moved recently; an old one is history, not the current chat.
const RESTORE_WITHIN_MS = 12 * 60 * 60 * 1000;

export type PortalSocketData = SessionSocketData<ContactActor>;

/**
 * The portal's realtime namespace: the chat with the assistant and the user's action requests. A socket is a signed-in
 * portal user of the tenant its Host names; every event re-checks the session, so a logout or a revoked session ends
 * what the socket may do.
 */
export type PortalNamespaceDeps = ActionStepDeps & { logger: Logger; chats: ChannelChats };

export function portalNamespace(io: Server, deps: PortalNamespaceDeps): Namespace {
  const portal = io.of('/portal');
  const steps = actionSteps(deps);

  // Each open widget gets its own user's sections, so a section switched off disappears without a new login.
  deps.events.on('settingsChanged', (tenantId) => {
    void (async () => {
      const { settings } = await loadPortalConfig(deps.pool, tenantId);
      for (const socket of await portal.in(tenantRoom(tenantId)).fetchSockets()) {
        const data = socket.data as PortalSocketData;
        socket.emit('settings:updated', { sections: sectionsForActor(settings, data.ctx.actor), tickets: settings.tickets });
      }
    })().catch((error: unknown) => deps.logger.error({ err: error }, 'settings push failed'));
  });

  // A signed-out session's windows close at once, on every node.
  deps.events.on('sessionEnded', (key) => portal.in(sessionRoom(key)).disconnectSockets(true));

  guardRecovery(portal, sessionHandshake(deps.pool, 'contact'), (socket) => sessionRoom((socket.data as PortalSocketData).sessionKey));

  portal.on('connection', (socket: Socket) => {
    const data = socket.data as PortalSocketData;
    void socket.join([userRoom(data.tenant.id, data.ctx.actor.id), tenantRoom(data.tenant.id), sessionRoom(data.sessionKey)]);
    const log = deps.logger.child({ socket: socket.id, contact: data.ctx.actor.id });

    /** The session as it is now: the user may have signed out, or changed language, since the socket opened. */
    const currentCtx = async (): Promise<Ctx & { actor: ContactActor }> => {
      const actor = await resolveSession(deps.pool, data.tenant.id, data.token);
      if (!actor || actor.kind !== 'contact') {
        socket.disconnect(true);
        throw new AppError('unauthenticated', 'session ended');
      }
      data.ctx = { tenantId: data.tenant.id, actor };
      return data.ctx;
    };
    const options = (event: string) => ({ logger: log, language: () => data.ctx.actor.language, event });

    socket.on(
      'chat:send',
      handleEvent(ChatSendSchema, options('chat:send'), async (payload) => {
        const { conversationId, messageId } = await deps.chats.receive(await currentCtx(), data.tenant.name, payload, socket.id);
        return { conversationId, messageId };
      }),
    );

    // The user is typing: the technician in the chat sees it. Never stored; at most one relayed per interval.
    const typingGate = new TypingGate();
    socket.on(
      'chat:typing',
      handleEvent(ConversationRefSchema, options('chat:typing'), async ({ conversationId }) => {
        if (!typingGate.allow()) return { ok: true };
        const ctx = await currentCtx();
        await loadOwnConversation(deps.pool, ctx, conversationId);
        io.of('/console')
          .to(conversationRoom(ctx.tenantId, conversationId))
          .emit('chat:typing', { conversationId, typing: true, user: { name: ctx.actor.name } });
        return { ok: true };
      }),
    );

    socket.on(
      'chat:load',
      handleEvent(z.strictObject({ conversationId: z.uuid() }), options('chat:load'), async ({ conversationId }) => ({
        conversation: await getConversation(deps.pool, await currentCtx(), conversationId),
      })),
    );

    socket.on(
      'chat:feedback',
      handleEvent(ReplyFeedbackSchema, options('chat:feedback'), async (input) => {
        await recordReplyFeedback(deps.pool, await currentCtx(), input);
        return { ok: true };
      }),
    );

    socket.on(
      'action:cancel',
      handleEvent(ActionRefSchema, options('action:cancel'), async ({ actionId }) => steps.cancel(await currentCtx(), actionId)),
    );

    socket.on(
      'action:confirm',
      handleEvent(ActionRefSchema, options('action:confirm'), async ({ actionId }) => steps.confirm(await currentCtx(), actionId)),
    );

    socket.on(
      'phone:set',
      handleEvent(PhoneSchema, options('phone:set'), async ({ phone }) => {
        await setMyPhone(deps.pool, deps.verification, await currentCtx(), phone);
        return { ok: true };
      }),
    );

    socket.on(
      'action:verify',
      handleEvent(VerifySchema, options('action:verify'), async (input) => steps.verify(await currentCtx(), input)),
    );

    // A recovered window was given what it missed instead.
    if (!socket.recovered) void restoreLatest(socket, deps.pool, data.ctx).catch((error: unknown) => log.warn({ err: error }, 'restore failed'));
  });
  return portal;
}

/** A reconnecting widget gets its current conversation back without asking. */
async function restoreLatest(socket: Socket, pool: pg.Pool, ctx: Ctx & { actor: ContactActor }): Promise<void> {
  const [latest] = await listMyConversations(pool, ctx, 1).catch(() => []);
  // A chat the user is having in Slack or Teams answers there: the widget starts its own.
  if (!latest || latest.channel !== 'widget' || Date.now() - Date.parse(latest.updatedAt) > RESTORE_WITHIN_MS) return;
  socket.emit('chat:history', { conversation: await getConversation(pool, ctx, latest.id) });
}
