import type pg from 'pg';
import type * as z from 'zod';
import type { ContactActor, Ctx } from '../domain/context.js';
import type { KnowledgeBase } from '../domain/kb/knowledge-base.js';
import type { ActionView } from '../domain/actions/action-schemas.js';
import type { Citation } from '../domain/kb/citation.js';
import type { Language } from '../i18n/languages.js';

export type { ActionKind, ActionStatus, ActionView } from '../domain/actions/action-schemas.js';
export type { Citation } from '../domain/kb/citation.js';

/**
 * What one turn's tools leave behind besides their results: the contract's citations, new action requests, and the
 * chat's ticket when a tool opened or escalated it (the technicians' consoles must hear of it).
 */
export type TurnRecord = { citations: Citation[]; actions: ActionView[]; tickets: TicketTouched[] };
export type TicketTouched = { id: string; created: boolean };

export type ToolDeps = { pool: pg.Pool; kb: KnowledgeBase };

export type ToolContext = {
  deps: ToolDeps;
  ctx: Ctx & { actor: ContactActor };
  conversationId: string;
  /** The language the answer is written in; tool messages for the user follow it. */
  language: Language;
  record: TurnRecord;
  /**
   * Whether the user's own message asked for a device action or install (or answered the assistant's question about
   * one). Decided from the user's words alone, so nothing the model reads (a KB article, a tool result) can turn a
   * question into an action; asked only when a tool proposes one, since most turns propose none.
   */
  actionsAllowed: () => Promise<boolean>;
  /** What the user's message of this turn had masked: never to be written anywhere, whoever rewords it. */
  secrets?: readonly string[];
};

/** Structured for the model to read: a refusal is data, never an exception in the chat. */
export type ToolOutcome =
  | { ok: true; data: unknown }
  | { ok: false; error: { code: string; message: string; details?: unknown } };

export type ToolDefinition<S extends z.core.$ZodObject = z.core.$ZodObject> = {
  name: string;
  /** Written for the model: when to call the tool and what it returns. */
  description: string;
  schema: S;
  handler: (context: ToolContext, args: z.infer<S>) => Promise<unknown>;
};

export function defineTool<S extends z.core.$ZodObject>(definition: ToolDefinition<S>): ToolDefinition<S> {
  return definition;
}
