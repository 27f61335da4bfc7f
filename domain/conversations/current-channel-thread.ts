import type pg from 'pg';
import { findLatestInChannelChat } from '../../db/repositories/conversations.js';
import type { ContactActor, Ctx } from '../context.js';
import type { ChannelKind } from './conversation-channel.js';

/**
 * The thread a message in a chat app's one-to-one chat belongs to. Such a chat never ends (Teams keeps one per user and
 * bot), so it is cut into chat sessions: a message continues the latest session while that one was written in within
 * `idleMs`, else it starts a new one named by `fresh`, with its own conversation and, with "ticket per chat session",
 * its own ticket.
 */
export async function currentChannelThread(
  pool: pg.Pool,
  ctx: Ctx & { actor: ContactActor },
  input: { kind: Exclude<ChannelKind, 'widget'>; chat: string; fresh: string; idleMs: number; now?: Date },
): Promise<string> {
  const latest = await findLatestInChannelChat(pool, ctx.tenantId, input.kind, input.chat);
  const now = input.now ?? new Date();
  // A chat that changed hands (another user now behind it) starts over rather than reading the other's session.
  if (latest && latest.contact_id === ctx.actor.id && now.getTime() - latest.updated_at.getTime() < input.idleMs) return latest.channel_thread;
  return `${input.chat}#${input.fresh}`;
}
