import * as z from 'zod';

export const CHANNEL_KINDS = ['widget', 'slack', 'teams', 'email'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/**
 * Where a conversation lives, so that its replies go back there. A widget conversation is the user's, wherever their
 * windows are. Any other has a `thread`, the name of the conversation within its channel (unique in the tenant: a
 * message in a known thread continues its conversation), and an `address`, what the channel needs to answer in it
 * (for Slack its team, channel and thread's timestamp).
 */
export type ConversationChannel =
  | { kind: 'widget' }
  | { kind: Exclude<ChannelKind, 'widget'>; thread: string; address: Record<string, string> };

const StoredAddressSchema = z.record(z.string(), z.string());

export function channelKind(stored: string): ChannelKind {
  return z.enum(CHANNEL_KINDS).parse(stored);
}

/** The channel of a stored conversation, from its columns. */
export function conversationChannel(row: { channel: string; channel_thread: string | null; channel_address: unknown }): ConversationChannel {
  const kind = channelKind(row.channel);
  if (kind === 'widget' || row.channel_thread === null) return { kind: 'widget' };
  return { kind, thread: row.channel_thread, address: StoredAddressSchema.parse(row.channel_address ?? {}) };
}
