import type pg from 'pg';
import type { Logger } from 'pino';
import { findConversationChannel } from '../../db/repositories/conversations.js';
import type { ActionView } from '../../domain/actions/action-schemas.js';
import { conversationChannel, type ChannelKind, type ConversationChannel } from '../../domain/conversations/conversation-channel.js';
import type { MessageView } from '../../domain/conversations/conversation-schemas.js';

/** One conversation as an outbound channel addresses it: whose it is and where it lives. */
export type ConversationTo = { tenantId: string; conversationId: string; contactId: string; channel: ConversationChannel };

/**
 * What a channel does to reach the user of a conversation. The widget's is the user's socket room; Slack's posts in
 * the conversation's thread. Every method may be called for any message of the conversation: a channel shows what it
 * can and leaves the rest (Slack does not echo the user's own message back).
 */
export interface ChannelOutbound {
  /** The assistant started (true) or finished (false) its answer. */
  typing(to: ConversationTo, typing: boolean): void | Promise<void>;
  /** A piece of the assistant's answer `messageId` while it streams. */
  delta(to: ConversationTo, messageId: string, delta: string): void | Promise<void>;
  /** A stored message: the user's own (`exceptSocket` is the window that sent it), the assistant's, a technician's, a notice. */
  message(to: ConversationTo, message: MessageView, exceptSocket: string | undefined): void | Promise<void>;
  /** A technician came in (their name) or left (null); the notice saying so comes as a message. */
  handoff(to: ConversationTo, technician: { name: string } | null): void | Promise<void>;
  /** A new action request the user must confirm. */
  action(to: ConversationTo, action: ActionView): void | Promise<void>;
  /** An action request of the conversation changed status (waiting for the code, verified, running, done…). */
  actionUpdate(to: ConversationTo, action: ActionView): void | Promise<void>;
  /** The assistant's turn failed: the user must not wait for an answer that will not come. */
  failed(to: ConversationTo): void | Promise<void>;
}

/** Channels whose conversations' addresses a node remembers; a conversation's channel never changes. */
const REMEMBERED_CONVERSATIONS = 10_000;

/**
 * The outbound side of every channel: finds the channel of a conversation and hands it what to say. A channel that
 * fails to deliver (Slack down) is logged; the message is stored already and the transcript keeps it.
 */
export class ChannelOutbounds {
  private readonly outbounds = new Map<ChannelKind, ChannelOutbound>();
  private readonly remembered = new Map<string, { contactId: string; channel: ConversationChannel }>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly logger: Logger,
    readonly widget: ChannelOutbound,
  ) {
    this.outbounds.set('widget', widget);
  }

  register(kind: Exclude<ChannelKind, 'widget'>, outbound: ChannelOutbound): void {
    this.outbounds.set(kind, outbound);
  }

  /** Where a conversation lives; undefined when it is gone. */
  async locate(tenantId: string, conversationId: string): Promise<ConversationTo | undefined> {
    const key = `${tenantId}:${conversationId}`;
    let known = this.remembered.get(key);
    if (!known) {
      const row = await findConversationChannel(this.pool, tenantId, conversationId);
      if (!row) return undefined;
      known = { contactId: row.contact_id, channel: conversationChannel(row) };
      if (this.remembered.size >= REMEMBERED_CONVERSATIONS) this.remembered.delete(this.remembered.keys().next().value!);
      this.remembered.set(key, known);
    }
    return { tenantId, conversationId, ...known };
  }

  /** The outbound of the conversation's channel, or the widget's when that channel is not configured on this install. */
  of(to: ConversationTo): ChannelOutbound {
    return this.outbounds.get(to.channel.kind) ?? this.widget;
  }

  /** Runs `say` on the conversation's channel, never throwing: the caller's work is done whether it arrives or not. */
  send(to: ConversationTo, what: string, say: (outbound: ChannelOutbound) => void | Promise<void>): void {
    const failed = (error: unknown) => this.logger.error({ err: error, conversationId: to.conversationId, channel: to.channel.kind, what }, 'channel delivery failed');
    try {
      void Promise.resolve(say(this.of(to))).catch(failed);
    } catch (error) {
      failed(error);
    }
  }

  /** As `send`, for a conversation known by its id. */
  sendTo(tenantId: string, conversationId: string, what: string, say: (outbound: ChannelOutbound, to: ConversationTo) => void | Promise<void>): void {
    // Known already (the usual case): said at once, so it keeps its order with what the turn streams.
    const known = this.remembered.get(`${tenantId}:${conversationId}`);
    if (known) {
      const to = { tenantId, conversationId, ...known };
      this.send(to, what, (outbound) => say(outbound, to));
      return;
    }
    void this.locate(tenantId, conversationId)
      .then((to) => to && this.send(to, what, (outbound) => say(outbound, to)))
      .catch((error: unknown) => this.logger.error({ err: error, conversationId, what }, 'channel lookup failed'));
  }
}
