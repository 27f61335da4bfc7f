import * as z from 'zod';
import { ToolMessage, type ToolCall } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import type pino from 'pino';
import { escapeMarkdown } from '../../text/escape-markdown.js';
import { runTool } from '../../tools/run-tool.js';
import type { ToolContext, ToolDefinition, ToolOutcome } from '../../tools/tool.js';
import type { ToolCallRecord } from '../engine.js';

/** What the tools of one turn share. */
export type ToolTurn = {
  toolContext: ToolContext;
  /** Every call the model made, valid or not, in the order they started, with what it answered. */
  calls: ToolCallRecord[];
  /** The tools run with valid arguments, with their outcome once known (none while still running). */
  executed: Array<{ name: string; outcome?: ToolOutcome }>;
  logger: pino.Logger;
};

/**
 * Our tool definitions for a LangChain chat model, and the runner of the calls it makes.
 *
 * Each `tool()` carries the zod schema, which LangChain turns into the model's function schema. A call runs through
 * `runTool`, the runner the local engine uses too: arguments checked (a call that does not fit gets
 * `validation_failed`, handler not run), an `AppError` turned into `{ok:false,error:{code,message}}` with the
 * user-facing message in the turn's language, anything else into `internal` (logged here, never shown). The model
 * always reads that JSON outcome, and every call is recorded with it.
 */
export function toLangchainTools(definitions: ToolDefinition[]) {
  const byName = new Map(definitions.map((definition) => [definition.name, definition]));
  const tools = definitions.map((definition) =>
    tool(async () => '', { name: definition.name, description: definition.description, schema: definition.schema }),
  );

  async function runToolCall(toolCall: ToolCall, turn: ToolTurn): Promise<ToolMessage> {
    const { name, args, id } = toolCall;
    const call: ToolCallRecord = { name, args: isRecord(args) ? args : {} };
    turn.calls.push(call);
    const answer = (outcome: ToolOutcome) => {
      const content = forModel(outcome);
      call.result = content;
      return new ToolMessage({ content: JSON.stringify(content), tool_call_id: id ?? '', name, ...(outcome.ok ? {} : { status: 'error' as const }) });
    };
    const definition = byName.get(name);
    if (!definition) {
      const message = `There is no tool named "${name}". The tools are: ${[...byName.keys()].join(', ')}.`;
      return answer({ ok: false, error: { code: 'unknown_tool', message } });
    }
    if (!z.safeParse(definition.schema, call.args).success) return answer(await runTool(definition, turn.toolContext, call.args));
    const execution: ToolTurn['executed'][number] = { name };
    turn.executed.push(execution);
    const outcome = await runTool(definition, turn.toolContext, call.args, (error) =>
      turn.logger.error({ err: error, tool: name }, 'assistant tool failed'),
    );
    execution.outcome = outcome;
    if (!outcome.ok) turn.logger.info({ tool: name, code: outcome.error.code }, 'assistant tool refused');
    return answer(outcome);
  }

  return { tools, runToolCall };
}

// Fields of tool results that people wrote (ticket subjects and replies, device, app and contact names, what the user
// asked for): escaped for Markdown, so a model that copies one into its answer copies inert text.
const WRITTEN_BY_PEOPLE = new Set(['subject', 'text', 'author', 'name', 'deviceName', 'appName', 'requested', 'osVersion']);

function forModel(value: unknown, key?: string): unknown {
  if (typeof value === 'string') return key !== undefined && WRITTEN_BY_PEOPLE.has(key) ? escapeMarkdown(value) : value;
  if (Array.isArray(value)) return value.map((item) => forModel(item, key));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, forModel(item, name)]));
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
