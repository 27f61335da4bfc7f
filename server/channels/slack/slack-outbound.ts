import type pg from 'pg';
import type { Logger } from 'pino';
import type { webApi } from '@slack/bolt';
import { channelContactById } from '../../../domain/contacts/channel-contact.js';
import type { MessageView } from '../../../domain/conversations/conversation-schemas.js';
import { portalHostnames } from '../../../domain/email/queue-welcome-email.js';
import type { Language } from '../../../i18n/languages.js';
import { t } from '../../../i18n/translate.js';
import type { ChannelOutbound, ConversationTo } from '../channel-outbound.js';
import { articleLinks, escapeMrkdwn, markdownToMrkdwn } from './slack-mrkdwn.js';
import { actionCard, actionLine } from './slack-views.js';

/** How often a streaming answer's Slack message is edited: Slack allows about one `chat.update` a second per channel. */
export const STREAM_UPDATE_MS = 1_000;

/** Where a Slack conversation answers: the channel (a DM or a public channel) and the thread in it. */
export type SlackAddress = { teamId: string; channelId: string; threadTs: string };

export function slackAddress(to: ConversationTo): SlackAddress {
  if (to.channel.kind !== 'slack') throw new Error(`conversation ${to.conversationId} is not a Slack one`);
  const { teamId = '', channelId = '', threadTs = '' } = to.channel.address;
  return { teamId, channelId, threadTs };
}

type Stream = { to: ConversationTo; text: string; ts?: string; chain: Promise<void>; timer?: NodeJS.Timeout };

export type SlackOutboundDeps = { pool: pg.Pool; logger: Logger; client: webApi.WebClient; token: string };

/**
 * Slack's side of the channel: the assistant's answer posted in the conversation's thread as soon as its first words
 * come, then edited as it grows (at most once per `STREAM_UPDATE_MS`) and set to the stored text at the end; a
 * technician's words and notices posted with their author; an action as a card with buttons, and its news as lines in
 * the thread. The user's own messages are not echoed: they wrote them in Slack.
 */
export class SlackOutbound implements ChannelOutbound {
  private readonly streams = new Map<string, Stream>();
  private readonly origins = new Map<string, { origin: string; until: number }>();

  constructor(private readonly deps: SlackOutboundDeps) {}

  /** Posts in the thread; answers the new message's timestamp, its id for later edits. */
  async post(address: Pick<SlackAddress, 'channelId' | 'threadTs'>, text: string, blocks?: unknown[]): Promise<string | undefined> {
    const answer = await this.deps.client.chat.postMessage({
      token: this.deps.token,
      channel: address.channelId,
      thread_ts: address.threadTs,
      text,
      ...(blocks ? { blocks: blocks as never } : {}),
      unfurl_links: false,
    });
    return answer.ts;
  }

  async update(channelId: string, ts: string, text: string, blocks?: unknown[]): Promise<void> {
    await this.deps.client.chat.update({ token: this.deps.token, channel: channelId, ts, text, ...(blocks ? { blocks: blocks as never } : {}) });
  }

  // Slack shows no typing indicator for a bot's Web API messages; the answer appears with its first words.
  typing(): void {}

  delta(to: ConversationTo, messageId: string, delta: string): void {
    let stream = this.streams.get(messageId);
    if (!stream) {
      stream = { to, text: delta, chain: Promise.resolve() };
      this.streams.set(messageId, stream);
      const first = stream;
      this.chain(first, async () => {
        first.ts = await this.post(slackAddress(to), await this.assistantText(to, first.text));
      });
      return;
    }
    stream.text += delta;
    if (stream.timer) return;
    const growing = stream;
    growing.timer = setTimeout(() => {
      growing.timer = undefined;
      this.chain(growing, async () => {
        if (growing.ts) await this.update(slackAddress(to).channelId, growing.ts, await this.assistantText(to, growing.text));
      });
    }, STREAM_UPDATE_MS);
  }

  async message(to: ConversationTo, message: MessageView): Promise<void> {
    if (message.role === 'user') return;
    const address = slackAddress(to);
    if (message.role === 'technician') {
      await this.post(address, `*${escapeMrkdwn(message.author?.name ?? '')}*: ${escapeMrkdwn(message.text)}`);
      return;
    }
    let text = await this.assistantText(to, message.text);
    // The widget lists an answer's sources under it; in Slack they follow its text.
    if (message.citations.length > 0) {
      const sources = articleLinks(message.citations, await this.portalOrigin(to.tenantId));
      text = `${text}\n\n*${t(await this.language(to), 'chat.sources')}:* ${sources}`;
    }
    const stream = this.streams.get(message.id);
    if (!stream) {
      await this.post(address, text);
      return;
    }
    // The streamed message becomes the stored one, after any edit still on its way.
    this.streams.delete(message.id);
    clearTimeout(stream.timer);
    this.chain(stream, async () => {
      if (stream.ts) await this.update(address.channelId, stream.ts, text);
      else await this.post(address, text);
    });
    await stream.chain;
  }

  // The notice stored with a technician's coming or going says it in the thread.
  handoff(): void {}

  async action(to: ConversationTo, action: Parameters<ChannelOutbound['action']>[1]): Promise<void> {
    const card = actionCard(action, await this.language(to));
    await this.post(slackAddress(to), card.text, card.blocks);
  }

  async actionUpdate(to: ConversationTo, action: Parameters<ChannelOutbound['actionUpdate']>[1]): Promise<void> {
    // Waiting for the code: the modal that asks for it is open already.
    if (action.status === 'awaiting_code' || action.status === 'awaiting_confirmation') return;
    await this.post(slackAddress(to), actionLine(action, await this.language(to)));
  }

  async failed(to: ConversationTo): Promise<void> {
    for (const [id, stream] of this.streams) {
      if (stream.to.conversationId !== to.conversationId) continue;
      clearTimeout(stream.timer);
      this.streams.delete(id);
    }
    await this.post(slackAddress(to), t(await this.language(to), 'chat.failed'));
  }

  private chain(stream: Stream, step: () => Promise<void>): void {
    stream.chain = stream.chain
      .then(step)
      .catch((error: unknown) => this.deps.logger.error({ err: error, conversationId: stream.to.conversationId }, 'Slack answer update failed'));
  }

  private async language(to: ConversationTo): Promise<Language> {
    return (await channelContactById(this.deps.pool, to.tenantId, to.contactId))?.actor.language ?? 'en';
  }

  /** The assistant's Markdown for Slack, its portal links absolute to the tenant's portal. */
  private async assistantText(to: ConversationTo, markdown: string): Promise<string> {
    return markdownToMrkdwn(markdown, await this.portalOrigin(to.tenantId));
  }

  private async portalOrigin(tenantId: string): Promise<string> {
    const known = this.origins.get(tenantId);
    if (known && known.until > Date.now()) return known.origin;
    const origin = `https://${(await portalHostnames(this.deps.pool, tenantId)).portal}`;
    this.origins.set(tenantId, { origin, until: Date.now() + 60_000 });
    return origin;
  }
}
