import { AIMessage, AIMessageChunk, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import { createAgent, createMiddleware } from 'langchain';
import type pino from 'pino';
import { t } from '../../i18n/translate.js';
import type { ToolDefinition } from '../../tools/tool.js';
import type { AssistantEngine, HistoryEntry, TurnInput, TurnResult, TurnSink } from '../engine.js';
import { buildSystemPrompt } from './system-prompt.js';
import { toLangchainTools, type ToolTurn } from './to-langchain-tools.js';

export type CreateLlmEngineOptions = {
  apiKey?: string;
  /** An OpenAI-compatible endpoint, e.g. `https://api.openai.com/v1` or a local server's `/v1`. */
  baseUrl?: string;
  model?: string;
  tools: ToolDefinition[];
  /** Answers instead when the provider fails, times out or the turn overruns its steps. */
  fallback: AssistantEngine;
  logger: pino.Logger;
  /** Tool rounds per turn (default 6); after them the model must answer in text. */
  maxSteps?: number;
  /** The whole turn, retries and tools included (default 30 s). */
  turnTimeoutMs?: number;
  /** One model request (default 20 s). */
  requestTimeoutMs?: number;
  /** Retries of one model request on 429 (with Retry-After ≤ 60 s) and 5xx, with backoff (default 2). */
  maxRetries?: number;
  /**
   * Tools that change nothing, so the fallback engine may run them again. Once any other
   * tool has run in a turn, a failure no longer falls back (see `recover`).
   */
  readOnlyTools?: readonly string[];
};

/** The tools of the contract that only read. Unknown names count as changing something. */
export const READ_ONLY_TOOLS: readonly string[] = ['search_knowledge_base', 'list_my_devices', 'list_my_tickets', 'get_ticket_status'];

const DEFAULT_MODEL = 'gpt-4o-mini';

/** The LangGraph node of the model call in `createAgent` (langchain 1.x `AGENT_NODE_NAME`). */
const MODEL_NODE = 'model_request';

class StepLimitError extends Error {
  override name = 'StepLimitError';
}

/**
 * The assistant engine backed by an OpenAI-compatible chat model through a LangChain agent.
 *
 * One `ChatOpenAI` client and one agent per engine: the agent graph holds no per-turn state,
 * the turn's `ToolContext` and call log travel in the runtime context of each `stream()`
 * call, so concurrent turns share nothing mutable.
 */
export function createLlmEngine(options: CreateLlmEngineOptions): AssistantEngine {
  const maxSteps = options.maxSteps ?? 6;
  const turnTimeoutMs = options.turnTimeoutMs ?? 30_000;
  const readOnly = new Set(options.readOnlyTools ?? READ_ONLY_TOOLS);
  const logger = options.logger.child({ engine: 'llm' });

  const model = new ChatOpenAI({
    model: options.model ?? DEFAULT_MODEL,
    // A local OpenAI-compatible server may need no key, but the client insists on one.
    apiKey: options.apiKey ?? (options.baseUrl ? 'unused' : undefined),
    configuration: options.baseUrl ? { baseURL: options.baseUrl } : undefined,
    streaming: true,
    maxRetries: options.maxRetries ?? 2,
    timeout: options.requestTimeoutMs ?? 20_000,
  });

  const { tools, middleware: toolMiddleware } = toLangchainTools(options.tools);

  /**
   * Bounds the tool rounds of a turn. After `maxSteps` rounds the model is called once more
   * with `tool_choice: "none"`, so it answers from what it has; a model that still asks for
   * tools is stopped with `StepLimitError` before any further tool runs.
   */
  const stepLimit = createMiddleware({
    name: 'PorticoStepLimit',
    wrapModelCall: async (request, handler) => {
      if (toolRoundsThisTurn(request.messages) < maxSteps) return handler(request);
      const response = await handler({ ...request, toolChoice: 'none' });
      if ((response.tool_calls?.length ?? 0) > 0) {
        throw new StepLimitError(`the model asked for tools after ${maxSteps} tool rounds`);
      }
      return response;
    },
  });

  const agent = createAgent({ model, tools, middleware: [stepLimit, toolMiddleware] });
  // Each round is two graph steps (model, tools); the step limit ends the turn long before this.
  const recursionLimit = 2 * (maxSteps + 1) + 10;

  async function runTurn(input: TurnInput, sink: TurnSink): Promise<TurnResult> {
    const turn: ToolTurn = { toolContext: input.tools, calls: [], executed: [], logger };
    const timeout = AbortSignal.timeout(turnTimeoutMs);
    const signal = input.signal ? AbortSignal.any([input.signal, timeout]) : timeout;
    let streamed = '';
    const emit = (text: string) => {
      streamed += text;
      sink.delta(text);
    };

    try {
      const messages: BaseMessage[] = [
        new SystemMessage(buildSystemPrompt(input)),
        ...input.history.map(historyMessage),
        new HumanMessage(input.text),
      ];
      const stream = await agent.stream({ messages }, { streamMode: ['messages', 'values'], signal, recursionLimit, context: turn });

      let finalMessages: BaseMessage[] = messages;
      let lastMessageId: string | undefined;
      for await (const [mode, payload] of stream) {
        if (mode === 'values') {
          finalMessages = (payload as { messages: BaseMessage[] }).messages;
          continue;
        }
        if (mode !== 'messages') continue;
        const [chunk, meta] = payload as [BaseMessage, { langgraph_node?: string }];
        if (meta.langgraph_node !== MODEL_NODE || !AIMessageChunk.isInstance(chunk)) continue;
        // Tool-call chunks carry arguments, not words for the user.
        if ((chunk.tool_call_chunks?.length ?? 0) > 0) continue;
        const text = chunk.text;
        if (!text) continue;
        // A new model message after some text (text, tool round, more text): the same
        // blank line the final text puts between the two, so deltas add up to the answer.
        if (streamed && chunk.id !== lastMessageId) emit('\n\n');
        lastMessageId = chunk.id;
        emit(text);
      }

      const text = turnText(finalMessages);
      if (!text.trim()) throw new Error('the model ended the turn without an answer');
      // Normally equal; should a provider's chunks not add up, send the difference.
      if (text.startsWith(streamed) && text.length > streamed.length) sink.delta(text.slice(streamed.length));
      return { text, toolCalls: turn.calls, record: input.tools.record };
    } catch (error) {
      // The caller gave up (the user left, the server stops): nobody waits for an answer.
      if (input.signal?.aborted) throw error;
      return recover(error, { input, sink, turn, streamed, timedOut: timeout.aborted });
    }
  }

  /**
   * What a failed turn answers.
   *
   * - No tool that changes something has run (none ran, only read-only ones, or only refused
   *   calls): the local engine answers the same message from scratch (`limitedMode: true`).
   *   Running a search or a listing twice harms nothing, and the citations the failed part
   *   recorded are dropped so the answer cites what the local engine used. Deltas already
   *   streamed stay with the client; the stored final message replaces them.
   * - A tool that changes something ran and was not refused (an action request proposed, a
   *   ticket created), or may still be running: the local engine, answering from scratch,
   *   could propose the action or open the ticket a second time. So the turn ends here with
   *   what was streamed plus a short notice in the user's language; the action cards and
   *   tickets already made stay valid and are in the record. This is not `limitedMode` (the
   *   local engine did not answer).
   */
  async function recover(
    error: unknown,
    state: { input: TurnInput; sink: TurnSink; turn: ToolTurn; streamed: string; timedOut: boolean },
  ): Promise<TurnResult> {
    const { input, sink, turn, streamed } = state;
    const cause = unwrap(error);
    const reason = state.timedOut ? 'timeout' : cause instanceof StepLimitError || isRecursionError(cause) ? 'step_limit' : 'provider';
    // A refusal ({ok:false}) changed nothing; a tool still running when the turn timed out may have.
    const changed = turn.executed.filter((run) => !readOnly.has(run.name) && run.outcome?.ok !== false);
    // The error alone, not the request: the client's options hold the API key.
    logger.warn(
      { reason, err: describeError(cause), toolCalls: turn.calls.map((call) => call.name), fallback: changed.length === 0 },
      'llm turn failed',
    );

    if (changed.length === 0) {
      input.tools.record.citations.length = 0;
      const result = await options.fallback.runTurn(input, sink);
      return { ...result, toolCalls: [...turn.calls, ...result.toolCalls], limitedMode: true };
    }

    const notice = t(input.language, 'assistant.unfinished');
    const addition = streamed ? `\n\n${notice}` : notice;
    sink.delta(addition);
    return { text: streamed + addition, toolCalls: turn.calls, record: input.tools.record };
  }

  return { name: 'llm', runTurn };
}

/** Tool rounds since the user's message: the AI messages that asked for tools. */
function toolRoundsThisTurn(messages: BaseMessage[]): number {
  let rounds = 0;
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i]!;
    if (HumanMessage.isInstance(message)) break;
    if (AIMessage.isInstance(message) && (message.tool_calls?.length ?? 0) > 0) rounds += 1;
  }
  return rounds;
}

/** The text the model wrote after the user's message, message by message, as it was streamed. */
function turnText(messages: BaseMessage[]): string {
  const texts: string[] = [];
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i]!;
    if (HumanMessage.isInstance(message)) break;
    if (AIMessage.isInstance(message) && message.text) texts.unshift(message.text);
  }
  return texts.join('\n\n');
}

/**
 * Errors thrown in or through a middleware (ours wraps every model call) arrive wrapped in
 * langchain's `MiddlewareError`, the original on `cause`: the root cause says what happened.
 */
function unwrap(error: unknown): unknown {
  let current = error;
  while (isMiddlewareError(current) && current.cause !== undefined) current = current.cause;
  return current;
}

function isMiddlewareError(error: unknown): error is Error {
  return error instanceof Error && (error as { '~brand'?: unknown })['~brand'] === 'MiddlewareError';
}

function isRecursionError(error: unknown): boolean {
  return error instanceof Error && error.name === 'GraphRecursionError';
}

function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const { status, code } = error as { status?: unknown; code?: unknown };
  return { name: error.name, message: error.message, ...(status !== undefined ? { status } : {}), ...(code !== undefined ? { code } : {}) };
}

// A technician's words are the support side's, so they sit with the assistant's, named so the model tells them apart.
function historyMessage(entry: HistoryEntry): BaseMessage {
  if (entry.role === 'user') return new HumanMessage(entry.text);
  return entry.role === 'technician' ? new AIMessage({ content: entry.text, name: 'technician' }) : new AIMessage(entry.text);
}
