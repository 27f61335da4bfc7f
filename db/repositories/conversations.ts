import type { Queryable } from '../transaction.js';

export type ConversationRow = {
  id: string;
  contact_id: string;
  ticket_id: string | null;
  ticket_number: number | null;
  pending: unknown;
  /** The technician who took the chat over, while one is in. */
  technician_id: string | null;
  technician_name: string | null;
  /** Where the conversation lives: `widget`, `slack`, `teams` or `email`. */
  channel: string;
  created_at: Date;
  updated_at: Date;
};

export type MessageRow = {
  id: string;
  role: 'user' | 'assistant' | 'technician' | 'system' | 'tool';
  text: string;
  tool_calls: { name: string; args: Record<string, unknown> }[];
  tool_results: unknown[];
  citations: { articleId: string; slug: string; title: string; lang?: string }[];
  limited_mode: boolean;
  quick_replies: { label: string; text: string }[];
  /** Who wrote a technician's message. */
  author_name: string | null;
  created_at: Date;
};

const CONVERSATION_COLUMNS = `c.id, c.contact_id, c.ticket_id, t.number AS ticket_number, c.pending, c.technician_id, tc.name AS technician_name,
  c.channel, c.created_at, c.updated_at`;
const FROM_CONVERSATIONS = `FROM conversations c LEFT JOIN tickets t ON t.tenant_id = c.tenant_id AND t.id = c.ticket_id
  LEFT JOIN technicians tc ON tc.tenant_id = c.tenant_id AND tc.id = c.technician_id`;
const MESSAGE_COLUMNS = 'id, role, text, tool_calls, tool_results, citations, limited_mode, quick_replies, author_name, created_at';

/** A new conversation; one outside the widget is named by its channel's thread (a second one of that name fails as a unique violation). */
export async function insertConversation(
  q: Queryable,
  tenantId: string,
  contactId: string,
  channel: { kind: string; thread: string | null; address: Record<string, string> | null } = { kind: 'widget', thread: null, address: null },
): Promise<ConversationRow> {
  const { rows } = await q.query<ConversationRow>(
    `INSERT INTO conversations (tenant_id, contact_id, channel, channel_thread, channel_address) VALUES ($1, $2, $3, $4, $5)
     RETURNING id, contact_id, ticket_id, NULL::integer AS ticket_number, pending, technician_id, NULL::text AS technician_name, channel, created_at, updated_at`,
    [tenantId, contactId, channel.kind, channel.thread, channel.address === null ? null : JSON.stringify(channel.address)],
  );
  return rows[0]!;
}

/** The conversation a channel's thread names, with the contact it belongs to. */
export async function findConversationInChannel(
  q: Queryable,
  tenantId: string,
  channel: string,
  thread: string,
): Promise<{ id: string; contact_id: string } | undefined> {
  const { rows } = await q.query<{ id: string; contact_id: string }>(
    'SELECT id, contact_id FROM conversations WHERE tenant_id = $1 AND channel = $2 AND channel_thread = $3',
    [tenantId, channel, thread],
  );
  return rows[0];
}

/** The conversation of a chat most recently written in, among the threads a channel names under one chat (`<chat>#…`). */
export async function findLatestInChannelChat(
  q: Queryable,
  tenantId: string,
  channel: string,
  chat: string,
): Promise<{ contact_id: string; channel_thread: string; updated_at: Date } | undefined> {
  const { rows } = await q.query<{ contact_id: string; channel_thread: string; updated_at: Date }>(
    `SELECT contact_id, channel_thread, updated_at FROM conversations
     WHERE tenant_id = $1 AND channel = $2 AND starts_with(channel_thread, $3) ORDER BY updated_at DESC LIMIT 1`,
    [tenantId, channel, `${chat}#`],
  );
  return rows[0];
}

export type ConversationChannelRow = { contact_id: string; channel: string; channel_thread: string | null; channel_address: unknown };

/** Where a conversation lives and whose it is. */
export async function findConversationChannel(q: Queryable, tenantId: string, id: string): Promise<ConversationChannelRow | undefined> {
  const { rows } = await q.query<ConversationChannelRow>(
    'SELECT contact_id, channel, channel_thread, channel_address FROM conversations WHERE tenant_id = $1 AND id = $2',
    [tenantId, id],
  );
  return rows[0];
}

export async function findConversation(q: Queryable, tenantId: string, id: string): Promise<ConversationRow | undefined> {
  const { rows } = await q.query<ConversationRow>(`SELECT ${CONVERSATION_COLUMNS} ${FROM_CONVERSATIONS} WHERE c.tenant_id = $1 AND c.id = $2`, [
    tenantId,
    id,
  ]);
  return rows[0];
}

export async function listConversationsOfContact(q: Queryable, tenantId: string, contactId: string, limit: number): Promise<ConversationRow[]> {
  const { rows } = await q.query<ConversationRow>(
    `SELECT ${CONVERSATION_COLUMNS} ${FROM_CONVERSATIONS} WHERE c.tenant_id = $1 AND c.contact_id = $2 ORDER BY c.updated_at DESC LIMIT $3`,
    [tenantId, contactId, limit],
  );
  return rows;
}

export async function findConversationOfTicket(q: Queryable, tenantId: string, ticketId: string): Promise<ConversationRow | undefined> {
  const { rows } = await q.query<ConversationRow>(
    `SELECT ${CONVERSATION_COLUMNS} ${FROM_CONVERSATIONS} WHERE c.tenant_id = $1 AND c.ticket_id = $2 ORDER BY c.created_at LIMIT 1`,
    [tenantId, ticketId],
  );
  return rows[0];
}

export async function linkConversationToTicket(q: Queryable, tenantId: string, conversationId: string, ticketId: string): Promise<void> {
  await q.query('UPDATE conversations SET ticket_id = $3 WHERE tenant_id = $1 AND id = $2', [tenantId, conversationId, ticketId]);
}

export type NewMessage = {
  /** Chosen ahead when the answer streams under this id before it is stored. */
  id?: string;
  role: MessageRow['role'];
  text: string;
  toolCalls?: MessageRow['tool_calls'];
  toolResults?: unknown[];
  citations?: MessageRow['citations'];
  limitedMode?: boolean;
  quickReplies?: MessageRow['quick_replies'];
  authorName?: string;
};

/** `technicianId`: the technician in the chat when the message was stored, if one was. */
export type AppendedMessage = { message: MessageRow; ticketId: string | null; technicianId: string | null; contactId: string };

/**
 * Adds a message to a conversation and marks the conversation, and its ticket if it has one, as just active, in one
 * statement: atomic without a transaction, and one round trip on the chat's hot path. With `contactId`, only that
 * contact's conversation takes the message, with `technicianId` only while that technician is in it; with `pending`,
 * what the conversation waits for is replaced; with `ticketActivity: false`, the ticket is left as it is.
 * Answers nothing when no such conversation exists.
 */
export async function appendMessage(
  q: Queryable,
  tenantId: string,
  conversationId: string,
  message: NewMessage,
  change: { contactId?: string; technicianId?: string; pending?: unknown; ticketActivity?: boolean } = {},
): Promise<AppendedMessage | undefined> {
  const values: unknown[] = [
    tenantId,
    conversationId,
    message.id ?? null,
    message.role,
    message.text,
    JSON.stringify(message.toolCalls ?? []),
    JSON.stringify(message.toolResults ?? []),
    JSON.stringify(message.citations ?? []),
    message.limitedMode ?? false,
    JSON.stringify(message.quickReplies ?? []),
    message.authorName ?? null,
  ];
  // Each option adds a fixed fragment rather than a "$n IS NULL OR" test, so every variant is its own statement and
  // PGlite can run it from one generic plan instead of planning it again on each message.
  let setPending = '';
  if ('pending' in change) {
    values.push(change.pending == null ? null : JSON.stringify(change.pending));
    setPending = `, pending = $${values.length}::jsonb`;
  }
  let ofContact = '';
  if (change.contactId) {
    values.push(change.contactId);
    ofContact = ` AND contact_id = $${values.length}`;
  }
  let ofTechnician = '';
  if (change.technicianId) {
    values.push(change.technicianId);
    ofTechnician = ` AND technician_id = $${values.length}`;
  }
  // The ticket's id comes from a scalar subquery so that the index finds it; joined to the CTE instead, the update
  // scanned every ticket of the tenant.
  const touchTicket =
    change.ticketActivity === false
      ? ''
      : `, ticket AS (
       UPDATE tickets SET updated_at = now()
       WHERE tenant_id = $1 AND id = (SELECT ticket_id FROM conversation)
     )`;
  const { rows } = await q.query<MessageRow & { ticket_id: string | null; technician_id: string | null; contact_id: string }>(
    `WITH conversation AS (
       UPDATE conversations SET updated_at = now()${setPending}
       WHERE tenant_id = $1 AND id = $2${ofContact}${ofTechnician}
       RETURNING id, ticket_id, technician_id, contact_id
     )${touchTicket}, message AS (
       INSERT INTO messages (id, tenant_id, conversation_id, role, text, tool_calls, tool_results, citations, limited_mode, quick_replies, author_name)
       SELECT coalesce($3::uuid, gen_random_uuid()), $1, conversation.id, $4, $5, $6, $7, $8, $9, $10, $11 FROM conversation
       RETURNING ${MESSAGE_COLUMNS}
     )
     SELECT message.*, conversation.ticket_id, conversation.technician_id, conversation.contact_id FROM message, conversation`,
    values,
  );
  const row = rows[0];
  if (!row) return undefined;
  const { ticket_id: ticketId, technician_id: technicianId, contact_id: contactId, ...stored } = row;
  return { message: stored, ticketId, technicianId, contactId };
}

/** A computer of the user's as a chat turn knows it. */
export type TurnDevice = { id: string; name: string; os: 'windows' | 'macos' | 'linux' };

/**
 * What a chat turn reads: what its conversation waits for, the latest messages, oldest first, and the computers of
 * `contactId`, in name order, in one round trip.
 */
export async function loadTurnContext(
  q: Queryable,
  tenantId: string,
  conversationId: string,
  contactId: string,
  limit: number,
): Promise<{ pending: unknown; history: Pick<MessageRow, 'id' | 'role' | 'text'>[]; devices: TurnDevice[] } | undefined> {
  const { rows } = await q.query<{ pending: unknown; history: Pick<MessageRow, 'id' | 'role' | 'text'>[]; devices: TurnDevice[] }>(
    `SELECT c.pending, coalesce((
       SELECT json_agg(json_build_object('id', m.id, 'role', m.role, 'text', m.text) ORDER BY m.created_at)
       FROM (SELECT id, role, text, created_at FROM messages WHERE tenant_id = $1 AND conversation_id = $2
             ORDER BY created_at DESC LIMIT $3) m
     ), '[]'::json) AS history, coalesce((
       SELECT json_agg(json_build_object('id', d.id, 'name', d.name, 'os', d.os) ORDER BY lower(d.name))
       FROM devices d WHERE d.tenant_id = $1 AND d.contact_id = $4
     ), '[]'::json) AS devices
     FROM conversations c WHERE c.tenant_id = $1 AND c.id = $2`,
    [tenantId, conversationId, limit, contactId],
  );
  return rows[0];
}

export async function listMessages(q: Queryable, tenantId: string, conversationId: string, limit = 500): Promise<MessageRow[]> {
  const { rows } = await q.query<MessageRow>(
    `SELECT * FROM (SELECT ${MESSAGE_COLUMNS} FROM messages
       WHERE tenant_id = $1 AND conversation_id = $2 ORDER BY created_at DESC LIMIT $3) m ORDER BY created_at`,
    [tenantId, conversationId, limit],
  );
  return rows;
}

/** The first thing the user wrote in each conversation, for a list of them. */
export async function firstUserMessages(q: Queryable, tenantId: string, conversationIds: string[]): Promise<Map<string, string>> {
  const { rows } = await q.query<{ conversation_id: string; text: string }>(
    `SELECT DISTINCT ON (conversation_id) conversation_id, text FROM messages
     WHERE tenant_id = $1 AND conversation_id = ANY($2) AND role = 'user' ORDER BY conversation_id, created_at`,
    [tenantId, conversationIds],
  );
  return new Map(rows.map((r) => [r.conversation_id, r.text]));
}

/** A message the contact wrote, found by its id, with the conversation it is in. */
export async function findContactMessage(
  q: Queryable,
  tenantId: string,
  contactId: string,
  messageId: string,
): Promise<(MessageRow & { conversation_id: string }) | undefined> {
  const { rows } = await q.query<MessageRow & { conversation_id: string }>(
    `SELECT m.id, m.role, m.text, m.tool_calls, m.tool_results, m.citations, m.limited_mode, m.quick_replies, m.author_name, m.created_at, m.conversation_id
     FROM messages m JOIN conversations c ON c.tenant_id = m.tenant_id AND c.id = m.conversation_id
     WHERE m.tenant_id = $1 AND m.id = $2 AND c.contact_id = $3 AND m.role = 'user'`,
    [tenantId, messageId, contactId],
  );
  return rows[0];
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/**
 * Records (or changes) the contact's answer to one of the assistant's replies in their conversation; answers nothing
 * when there is no such reply of theirs.
 */
export async function upsertReplyFeedback(
  q: Queryable,
  tenantId: string,
  input: { contactId: string; conversationId: string; messageId: string; solved: boolean },
): Promise<boolean> {
  const { rowCount } = await q.query(
    `INSERT INTO conversation_feedback (message_id, tenant_id, conversation_id, solved)
     SELECT m.id, m.tenant_id, m.conversation_id, $5
     FROM messages m JOIN conversations c ON c.tenant_id = m.tenant_id AND c.id = m.conversation_id
     WHERE m.tenant_id = $1 AND m.id = $2 AND m.conversation_id = $3 AND c.contact_id = $4 AND m.role = 'assistant'
     ON CONFLICT (message_id) DO UPDATE SET solved = EXCLUDED.solved, answered_at = now()`,
    [tenantId, input.messageId, input.conversationId, input.contactId, input.solved],
  );
  return (rowCount ?? 0) > 0;
}

export async function listReplyFeedback(q: Queryable, tenantId: string, conversationId: string): Promise<{ message_id: string; solved: boolean }[]> {
  const { rows } = await q.query<{ message_id: string; solved: boolean }>(
    'SELECT message_id, solved FROM conversation_feedback WHERE tenant_id = $1 AND conversation_id = $2 ORDER BY answered_at',
    [tenantId, conversationId],
  );
  return rows;
}

/** The conversation, locked until the transaction ends: two technicians joining at once take turns. */
export async function lockConversation(q: Queryable, tenantId: string, id: string): Promise<ConversationRow | undefined> {
  const { rows } = await q.query<ConversationRow>(
    `SELECT ${CONVERSATION_COLUMNS} ${FROM_CONVERSATIONS} WHERE c.tenant_id = $1 AND c.id = $2 FOR UPDATE OF c`,
    [tenantId, id],
  );
  return rows[0];
}

export async function setConversationTechnician(q: Queryable, tenantId: string, id: string, technicianId: string | null): Promise<void> {
  await q.query(
    `UPDATE conversations SET technician_id = $3, technician_joined_at = CASE WHEN $3::uuid IS NULL THEN NULL ELSE now() END
     WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id, technicianId],
  );
}

/** The conversations a technician is in. */
export async function listConversationIdsHeldBy(q: Queryable, tenantId: string, technicianId: string): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>('SELECT id FROM conversations WHERE tenant_id = $1 AND technician_id = $2', [tenantId, technicianId]);
  return rows.map((r) => r.id);
}

export type ActiveConversationRow = ConversationRow & {
  contact_name: string;
  contact_language: string;
  company_name: string;
  last_role: MessageRow['role'] | null;
  last_text: string | null;
  last_at: Date | null;
};

/**
 * Conversations with their user, company and last message (tool messages left out): those active since `since` or
 * with a technician in, newest activity first; with `id`, that one conversation whatever its age.
 */
export async function listActiveConversations(
  q: Queryable,
  tenantId: string,
  filter: { since: Date; limit: number } | { id: string },
): Promise<ActiveConversationRow[]> {
  const where = 'id' in filter ? 'c.id = $2' : '(c.updated_at >= $2 OR c.technician_id IS NOT NULL)';
  const tail = 'id' in filter ? '' : 'ORDER BY c.updated_at DESC LIMIT $3';
  const values = 'id' in filter ? [tenantId, filter.id] : [tenantId, filter.since, filter.limit];
  const { rows } = await q.query<ActiveConversationRow>(
    `SELECT ${CONVERSATION_COLUMNS}, ct.name AS contact_name, ct.language AS contact_language, co.name AS company_name,
       last.role AS last_role, last.text AS last_text, last.created_at AS last_at
     ${FROM_CONVERSATIONS}
     JOIN contacts ct ON ct.tenant_id = c.tenant_id AND ct.id = c.contact_id
     JOIN companies co ON co.tenant_id = ct.tenant_id AND co.id = ct.company_id
     LEFT JOIN LATERAL (SELECT role, text, created_at FROM messages m
       WHERE m.tenant_id = c.tenant_id AND m.conversation_id = c.id AND m.role <> 'tool' ORDER BY m.created_at DESC LIMIT 1) last ON true
     WHERE c.tenant_id = $1 AND ${where} ${tail}`,
    values,
  );
  return rows;
}
