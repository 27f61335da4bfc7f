import { AIMessage, HumanMessage, SystemMessage, type AIMessageChunk, type BaseMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
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

class StepLimitError extends Error {
  override name = 'StepLimitError';
}

/**
 * The assistant engine backed by an OpenAI-compatible chat model (LangChain's `ChatOpenAI`) with our tools.
 *
 * One client per engine; each turn keeps its messages, `ToolContext` and call log to itself, so concurrent turns
 * share nothing mutable. The loop is ours rather than a LangGraph agent's: a turn is at most a few model calls and
 * tool rounds, and the graph's bookkeeping cost more CPU per turn than the rest of the turn's work together.
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

  const { tools, runToolCall } = toLangchainTools(options.tools);
  const withTools = model.bindTools(tools);
  // After `maxSteps` tool rounds the model is called once more without tools, so it answers from what it has.
  const answerOnly = model.bindTools(tools, { tool_choice: 'none' });

  /**
   * The agent loop: the model answers or asks for tools; the tools of one round run together and their outcomes go
   * back to it, until it answers in text. A model that still asks for tools after the last round is stopped with
   * `StepLimitError` before any further tool runs.
   */
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
      const texts: string[] = [];
      for (let round = 0; ; round += 1) {
        const last = round >= maxSteps;
        let reply: AIMessageChunk | undefined;
        let wrote = false;
        for await (const chunk of await (last ? answerOnly : withTools).stream(messages, { signal })) {
          reply = reply ? reply.concat(chunk) : chunk;
          // Tool-call chunks carry arguments, not words for the user.
          if ((chunk.tool_call_chunks?.length ?? 0) > 0 || !chunk.text) continue;
          // A new model message after some text (text, tool round, more text): the same blank line the final text
          // puts between the two, so deltas add up to the answer.
          if (streamed && !wrote) emit('\n\n');
          wrote = true;
          emit(chunk.text);
        }
        if (!reply) throw new Error('the model sent no message');
        if (reply.text) texts.push(reply.text);
        const calls = reply.tool_calls ?? [];
        if (calls.length === 0) break;
        if (last) throw new StepLimitError(`the model asked for tools after ${maxSteps} tool rounds`);
        messages.push(reply, ...(await Promise.all(calls.map((call) => runToolCall(call, turn)))));
      }

      const text = texts.join('\n\n');
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
    const reason = state.timedOut ? 'timeout' : error instanceof StepLimitError ? 'step_limit' : 'provider';
    // A refusal ({ok:false}) changed nothing; a tool still running when the turn timed out may have.
    const changed = turn.executed.filter((run) => !readOnly.has(run.name) && run.outcome?.ok !== false);
    // The error alone, not the request: the client's options hold the API key.
    logger.warn(
      { reason, err: describeError(error), toolCalls: turn.calls.map((call) => call.name), fallback: changed.length === 0 },
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
