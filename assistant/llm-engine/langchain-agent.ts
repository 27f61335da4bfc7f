import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { AIMessage, BaseMessage, ToolCall } from '@langchain/core/messages';
import type { StructuredToolInterface } from '@langchain/core/tools';

/*
 * Why the agent API is loaded here, at run time, instead of `import { createAgent } from 'langchain'`:
 *
 * The type declarations behind the root `langchain` entry bring LangGraph's
 * `declare module 'zod/v4' { interface ZodType … }` into the program. With zod-to-openapi's
 * `declare module 'zod' { interface ZodType { openapi… } }` (loaded by server/http) and any
 * import of 'zod/v4' (@langchain/openai has one), TypeScript 5.9 ends up with two `ZodType`
 * interfaces, and every `S extends z.ZodType` in the project fails with "Property 'openapi'
 * is missing in type 'ZodObject<…>'" — depending on the order files are loaded. Loading
 * 'langchain' through a specifier TypeScript does not resolve keeps those declarations out of
 * the program; the few members used are typed below. The run-time module is the same.
 * `@langchain/core` and `@langchain/openai` do not carry the augmentation and are imported normally.
 */

/** What a `wrapModelCall` middleware receives (langchain 1.5 `ModelRequest`, the members we use). */
export type ModelCallRequest = {
  messages: BaseMessage[];
  toolChoice?: 'auto' | 'none' | 'required';
  runtime: { context: unknown };
};

/** What a `wrapToolCall` middleware receives (langchain 1.5 `ToolCallRequest`, the members we use). */
export type ToolCallRequest = {
  toolCall: ToolCall;
  runtime: { context: unknown };
};

export type AgentMiddlewareConfig = {
  name: string;
  wrapModelCall?: <R extends ModelCallRequest>(request: R, handler: (request: R) => Promise<AIMessage>) => Promise<AIMessage>;
  wrapToolCall?: <R extends ToolCallRequest>(request: R, handler: (request: R) => Promise<unknown>) => Promise<unknown>;
};

declare const middlewareBrand: unique symbol;
export type AgentMiddleware = AgentMiddlewareConfig & { [middlewareBrand]: true };

export type AgentStreamOptions = {
  streamMode: Array<'messages' | 'values'>;
  signal?: AbortSignal;
  recursionLimit?: number;
  /** The runtime context: passed by reference to tools (`runtime.context`) and middleware. */
  context?: unknown;
};

export type Agent = {
  /** With several stream modes, yields `[mode, payload]`. */
  stream(input: { messages: BaseMessage[] }, options: AgentStreamOptions): Promise<AsyncIterable<[string, unknown]>>;
};

export type LangchainAgents = {
  createAgent(params: { model: BaseChatModel; tools: StructuredToolInterface[]; middleware?: AgentMiddleware[] }): Agent;
  createMiddleware(config: AgentMiddlewareConfig): AgentMiddleware;
};

const LANGCHAIN: string = 'langchain';
let loading: Promise<LangchainAgents> | undefined;

/** The `langchain` module, loaded once. */
export function loadLangchainAgents(): Promise<LangchainAgents> {
  loading ??= import(LANGCHAIN) as Promise<LangchainAgents>;
  return loading;
}
