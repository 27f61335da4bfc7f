import type pg from 'pg';
import { upsertReplyFeedback } from '../../db/repositories/conversations.js';
import { requireContact, requireSection } from '../access/require.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import type { ReplyFeedback } from './conversation-schemas.js';

/** The user answers "Did this solve it?" under one of the assistant's replies in their own conversation; a new answer replaces the old. */
export async function recordReplyFeedback(pool: pg.Pool, ctx: Ctx, input: ReplyFeedback): Promise<void> {
  requireContact(ctx);
  await requireSection(pool, ctx, 'assistant');
  const recorded = await upsertReplyFeedback(pool, ctx.tenantId, { contactId: ctx.actor.id, ...input });
  if (!recorded) throw new AppError('not_found', 'no such reply in this conversation');
}
