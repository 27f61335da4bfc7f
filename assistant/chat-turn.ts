import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Logger } from 'pino';
import { loadTurnContext } from '../db/repositories/conversations.js';
import type { ContactActor, Ctx } from '../domain/context.js';
import { assistantTextGuard } from '../domain/conversations/assistant-text-guard.js';
import type { MessageView } from '../domain/conversations/conversation-schemas.js';
import { recordAssistantMessage } from '../domain/conversations/record-assistant-message.js';
import type { KnowledgeBase } from '../domain/kb/knowledge-base.js';
import { loadPortalConfig } from '../domain/settings/load-settings.js';
import { sectionsForActor } from '../domain/settings/sections-for-actor.js';
import { t } from '../i18n/translate.js';
import { guardedStream } from '../text/guarded-stream.js';
import { pacedStream } from '../text/paced-stream.js';
import type { ActionView, Citation, TicketTouched } from '../tools/tool.js';
import type { AssistantEngine, HistoryEntry, PendingState, TurnResult } from './engine.js';
import { userAsksForAction } from './action-gate.js';
import { catalogForReading } from './catalog-for-reading.js';
import { ownershipOf } from './beyond-own-devices.js';
import { replyLanguage } from './reply-language.js';

/** Earlier messages given to the engine: enough for context, bounded so a long chat does not grow every turn's cost. */
// After a hand-back the assistant goes on from what the technician told the user, not from before the takeover.
const HISTORY_ROLES: ReadonlySet<string> = new Set<HistoryEntry['role']>(['user', 'assistant', 'technician']);
const HISTORY_MESSAGES = 20;
// Twenty updates a second read as smooth as one per token, at a fraction of the frames.
const DELTA_INTERVAL_MS = 50;

export type ChatTurnDeps = { pool: pg.Pool; kb: KnowledgeBase; engine: AssistantEngine; logger: Logger };

export type ChatTurnEvents = {
  delta: (messageId: string, delta: string) => void;
  action: (action: ActionView) => void;
  ticket: (ticket: TicketTouched) => void;
};

export type ChatTurnRequest = {
  ctx: Ctx & { actor: ContactActor };
  tenantName: string;
  conversationId: string;
  /** The stored user message this turn answers. */
  userMessage: MessageView;
  /** What was masked in that message as typed: the answer must not show it either. */
  secrets: readonly string[];
};

/** Citations that the answer shows; when it names none of the articles found, all of them, since the answer came from them. */
function citationsUsed(text: string, citations: Citation[]): Citation[] {
  const named = citations.filter((c) => text.includes(`/kb/${c.slug}`) || text.includes(c.title));
  return named.length > 0 ? named : citations;
}

/**
 * Answers one user message: runs the engine with the conversation so far and the user's profile, streams its text,
 * stores the answer with its tool calls and citations, and reports new action requests and the tickets it touched.
 */
export async function runChatTurn(deps: ChatTurnDeps, request: ChatTurnRequest, events: ChatTurnEvents): Promise<MessageView> {
  const { ctx, conversationId, userMessage } = request;
  const [conversation, config, guard] = await Promise.all([
    loadTurnContext(deps.pool, ctx.tenantId, conversationId, ctx.actor.id, HISTORY_MESSAGES + 1),
    loadPortalConfig(deps.pool, ctx.tenantId),
    assistantTextGuard(deps.pool, ctx.tenantId, request.secrets),
  ]);
  const sections = sectionsForActor(config.settings, ctx.actor);
  const devices = conversation?.devices ?? [];
  const language = await replyLanguage(userMessage.text, ctx.actor.language);
  const messageId = randomUUID();
  let asked: Promise<boolean> | undefined;
  const own = ownershipOf({ userName: ctx.actor.name, devices });
  const actionsAllowed = () =>
    (asked ??= userAsksForAction(userMessage.text, {
      fallbackLanguage: language,
      pending: conversation?.pending ?? null,
      own,
      catalog: () => catalogForReading(deps.pool, ctx.tenantId),
    }));
  const record = { citations: [] as Citation[], actions: [] as ActionView[], tickets: [] as TicketTouched[] };
  // The deltas go through the same guard as the stored answer, so no link or secret shows even while it streams.
  const paced = pacedStream((text) => events.delta(messageId, text), DELTA_INTERVAL_MS);
  const stream = guardedStream(guard.clean, guard.secrets, paced.push);

  const result: TurnResult = await deps.engine.runTurn(
    {
      text: userMessage.text,
      history: (conversation?.history ?? [])
        .filter((m): m is typeof m & { role: HistoryEntry['role'] } => HISTORY_ROLES.has(m.role) && m.id !== userMessage.id)
        .map((m) => ({ role: m.role, text: m.text })),
      language,
      profile: {
        tenantName: request.tenantName,
        userName: ctx.actor.name,
        sections,
        devices: sections.selfService ? devices : [],
      },
      tools: { deps: { pool: deps.pool, kb: deps.kb }, ctx, conversationId, language, record, actionsAllowed, secrets: request.secrets },
      pending: (conversation?.pending as PendingState | null | undefined) ?? null,
    },
    { delta: (text) => stream.push(text) },
  ).finally(() => {
    stream.end();
    paced.flush();
  });

  const text = result.limitedMode ? `${t(language, 'assistant.limited_mode')}\n\n${result.text}` : result.text;
  const message = await recordAssistantMessage(
    deps.pool,
    ctx.tenantId,
    conversationId,
    {
      id: messageId,
      text,
      toolCalls: result.toolCalls.map(({ name, args }) => ({ name, args })),
      toolResults: result.toolCalls.map(({ name, result: outcome }) => ({ name, result: outcome ?? null })),
      citations: result.citations ?? citationsUsed(result.text, result.record.citations),
      limitedMode: result.limitedMode ?? false,
      quickReplies: result.quickReplies ?? [],
    },
    result.pending ?? null,
    guard,
  );
  for (const action of result.record.actions) events.action(action);
  for (const ticket of result.record.tickets) events.ticket(ticket);
  return message;
}
