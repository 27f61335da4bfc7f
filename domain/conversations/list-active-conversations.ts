import type pg from 'pg';
import { listActiveConversations as listActiveRows } from '../../db/repositories/conversations.js';
import type { Queryable } from '../../db/transaction.js';
import { requireTechnician } from '../access/require.js';
import type { Ctx } from '../context.js';
import { activeConversationView } from './active-conversation.js';
import type { ActiveConversation } from './takeover-schemas.js';

/** A chat is active while it moved in the last hours, or while a technician is in it. */
export const ACTIVE_WITHIN_MS = 12 * 60 * 60 * 1000;
const LIST_LIMIT = 200;

/** The tenant's active conversations for its technicians, newest activity first. */
export async function listActiveConversations(pool: pg.Pool, ctx: Ctx): Promise<ActiveConversation[]> {
  requireTechnician(ctx);
  const rows = await listActiveRows(pool, ctx.tenantId, { since: new Date(Date.now() - ACTIVE_WITHIN_MS), limit: LIST_LIMIT });
  return rows.map(activeConversationView);
}

/** One conversation as a line of that list, for the console's live updates; none when it does not exist. */
export async function describeActiveConversation(q: Queryable, tenantId: string, conversationId: string): Promise<ActiveConversation | undefined> {
  const [row] = await listActiveRows(q, tenantId, { id: conversationId });
  return row && activeConversationView(row);
}
