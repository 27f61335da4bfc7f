import * as z from 'zod';
import { ToolMessage } from '@langchain/core/messages';
import { tool, type ToolRuntime } from '@langchain/core/tools';
import { createMiddleware } from 'langchain';
import type pino from 'pino';
import { escapeMarkdown } from '../../text/escape-markdown.js';
import { runTool } from '../../tools/run-tool.js';
import type { ToolContext, ToolDefinition, ToolOutcome } from '../../tools/tool.js';
import type { ToolCallRecord } from '../engine.js';

/**
 * What the tools of one turn share. It travels as the agent's runtime context
 * (`agent.stream(input, { context })`), so one agent serves concurrent turns and
 * nothing per turn lives in module or engine state.
 */
export type ToolTurn = {
  toolContext: ToolContext;
  /** Every call the model made, valid or not, in the order they started, with what it answered. */
  calls: ToolCallRecord[];
  /** The tools run with valid arguments, with their outcome once known (none while still running). */
  executed: Array<{ name: string; outcome?: ToolOutcome }>;
  logger: pino.Logger;
};

/**
 * Wraps our tool definitions for a LangChain agent. Each `tool()` carries the zod schema
 * (which LangChain turns into the model's function schema) and runs the tool with the turn's
 * `ToolContext`, taken from the runtime context, through `runTool`, the runner the local
 * engine uses too: arguments checked, an `AppError` turned into `{ok:false,error:{code,message}}`
 * with the user-facing message in the turn's language, anything else into `internal` (logged
 * here, never shown). The model always reads that JSON outcome.
 *
 * The `wrapToolCall` middleware comes first: LangChain parses the arguments itself before the
 * tool runs and, when they do not fit, answers with its own "did not match expected schema"
 * text. The middleware checks them beforehand so that such a call too gets our outcome
 * (`validation_failed`, handler not run). It also records every call with its outcome.
 */
export function toLangchainTools(definitions: ToolDefinition[]) {
  const byName = new Map(definitions.map((definition) => [definition.name, definition]));

  const tools = definitions.map((definition) =>
    tool(
      async (args: unknown, runtime: ToolRuntime<unknown, ToolTurn>) => {
        const turn = runtime.context;
        const execution: ToolTurn['executed'][number] = { name: definition.name };
        turn.executed.push(execution);
        const outcome = await runTool(definition, turn.toolContext, args, (error) =>
          turn.logger.error({ err: error, tool: definition.name }, 'assistant tool failed'),
        );
        execution.outcome = outcome;
        if (!outcome.ok) turn.logger.info({ tool: definition.name, code: outcome.error.code }, 'assistant tool refused');
        return JSON.stringify(forModel(outcome));
      },
      { name: definition.name, description: definition.description, schema: definition.schema },
    ),
  );

  const middleware = createMiddleware({
    name: 'PorticoTools',
    wrapToolCall: async (request, handler) => {
      const turn = request.runtime.context as ToolTurn;
      const { name, args, id } = request.toolCall;
      const call: ToolCallRecord = { name, args: isRecord(args) ? args : {} };
      turn.calls.push(call);
      const definition = byName.get(name);
      if (definition && !z.safeParse(definition.schema, call.args).success) {
        // runTool answers validation_failed without running the handler.
        const outcome = await runTool(definition, turn.toolContext, call.args);
        call.result = outcome;
        return new ToolMessage({ content: JSON.stringify(outcome), tool_call_id: id ?? '', name, status: 'error' });
      }
      // Unknown names fall through: LangChain answers with the list of valid tools.
      const answer = await handler(request);
      call.result = resultOf(answer);
      return answer;
    },
  });

  return { tools, middleware };
}

/** What the model read, kept with the call for the transcript: our JSON outcome parsed back, else the text. */
function resultOf(answer: unknown): unknown {
  if (!ToolMessage.isInstance(answer)) return undefined;
  const content = answer.content;
  if (typeof content !== 'string') return content;
  try {
    return JSON.parse(content) as unknown;
  } catch {
    return content;
  }
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
