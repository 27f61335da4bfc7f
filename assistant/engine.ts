import type { Language } from '../i18n/languages.js';
import type { ToolContext, TurnRecord } from '../tools/tool.js';

export type HistoryEntry = { role: 'user' | 'assistant'; text: string };

export type DeviceSummary = { id: string; name: string; os: 'windows' | 'macos' | 'linux' };

/** Who the assistant talks to; the LLM engine puts it in the system prompt, the local engine uses it to resolve slots. */
export type TurnProfile = {
  tenantName: string;
  userName: string;
  sections: { assistant: boolean; ticketing: boolean; knowledgeBase: boolean; selfService: boolean };
  devices: DeviceSummary[];
};

export type TurnInput = {
  text: string;
  /** Earlier messages of the conversation, oldest first, without the current one. */
  history: HistoryEntry[];
  language: Language;
  profile: TurnProfile;
  tools: ToolContext;
  signal?: AbortSignal;
};

export type ToolCallRecord = { name: string; args: Record<string, unknown> };

export type TurnResult = {
  text: string;
  toolCalls: ToolCallRecord[];
  record: TurnRecord;
  /** Set when the LLM engine failed and the local engine answered instead. */
  limitedMode?: boolean;
};

export type TurnSink = { delta: (text: string) => void };

export interface AssistantEngine {
  readonly name: 'llm' | 'local';
  runTurn(input: TurnInput, sink: TurnSink): Promise<TurnResult>;
}
