import type { Logger } from 'pino';
import { runChatTurn, type ChatTurnDeps } from '../../assistant/chat-turn.js';
import type { ContactActor, Ctx } from '../../domain/context.js';
import { postUserMessage, type UserMessageInput } from '../../domain/conversations/post-user-message.js';
import type { PortalEvents } from '../realtime/portal-events.js';
import type { ChannelOutbounds } from './channel-outbound.js';

/** Turns of one conversation run one after another, so answers keep the order of the questions. */
class ConversationQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(conversationId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(conversationId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(conversationId, tail);
    void tail.then(() => {
      if (this.tails.get(conversationId) === tail) this.tails.delete(conversationId);
    });
    return next;
  }
}

export type ChannelChatsDeps = ChatTurnDeps & { logger: Logger; events: PortalEvents; channels: ChannelOutbounds };

/** What the channel acknowledges: the stored message, and whether it was stored before (a retry: no new turn). */
export type ReceivedMessage = { conversationId: string; messageId: string; repeated: boolean };

/**
 * The one way in for a user's chat message, whatever channel it came by: stored through the domain's use case (masked,
 * within the allowances, in the user's sections, opening the chat's ticket), announced to everyone concerned, then
 * answered by the assistant's turn, whose words, actions and failures go back to the conversation's channel. While a
 * technician is in the chat, the message is theirs and no turn runs.
 */
export class ChannelChats {
  private readonly queue = new ConversationQueue();

  constructor(private readonly deps: ChannelChatsDeps) {}

  /**
   * Resolves once the message is stored, so a channel acknowledges only what is kept; the answer follows on the
   * channel. `exceptSocket`: the widget window that sent it, which shows it already.
   */
  async receive(ctx: Ctx & { actor: ContactActor }, tenantName: string, input: UserMessageInput, exceptSocket?: string): Promise<ReceivedMessage> {
    const { deps } = this;
    const posted = await postUserMessage(deps.pool, ctx, input);
    const conversationId = posted.conversationId;
    const received = { conversationId, messageId: posted.message.id, repeated: posted.repeated };
    // Sent again after a lost acknowledgement: the first sending already had its answer.
    if (posted.repeated) return received;
    if (posted.openedTicketId) deps.events.emit('ticketCreated', ctx.tenantId, posted.openedTicketId);
    const to = await deps.channels.locate(ctx.tenantId, conversationId);
    deps.events.emit('conversationMessage', ctx.tenantId, conversationId, ctx.actor.id, posted.message, exceptSocket);
    if (!posted.assistantReplies || !to) return received;
    const say = deps.channels.send.bind(deps.channels, to);
    void this.queue
      .run(conversationId, async () => {
        say('typing', (channel) => channel.typing(to, true));
        try {
          const message = await runChatTurn(
            deps,
            { ctx, tenantName, conversationId, userMessage: posted.message, secrets: posted.secrets },
            {
              delta: (messageId, delta) => say('delta', (channel) => channel.delta(to, messageId, delta)),
              action: (action) => say('action', (channel) => channel.action(to, action)),
              // The chat's ticket opened or escalated by the assistant; an escalation is the technicians' news, not its readers'.
              ticket: ({ id, created }) => (created ? deps.events.emit('ticketCreated', ctx.tenantId, id) : deps.events.emit('ticketChanged', ctx.tenantId, id, false)),
            },
          );
          deps.events.emit('conversationMessage', ctx.tenantId, conversationId, ctx.actor.id, message, undefined);
        } finally {
          say('typing', (channel) => channel.typing(to, false));
        }
      })
      .catch((error: unknown) => {
        deps.logger.error({ err: error, conversationId }, 'chat turn failed');
        say('failure', (channel) => channel.failed(to));
      });
    return received;
  }
}
