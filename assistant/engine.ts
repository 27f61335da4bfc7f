import type { Language } from '../i18n/languages.js';
import type { QuickReply } from '../domain/conversations/conversation-schemas.js';
import type { Citation, ToolContext, TurnRecord } from '../tools/tool.js';

/** A message of the conversation so far; `technician` is what a technician wrote while they had taken the chat over. */
export type HistoryEntry = { role: 'user' | 'assistant' | 'technician'; text: string };

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
  /** What the previous turn left open (a device to pick, a ticket number); the local engine's memory between turns. */
  pending: PendingState | null;
  signal?: AbortSignal;
};

export type PendingState =
  | { kind: 'device_choice'; tool: 'request_device_action' | 'request_software_install'; args: Record<string, string> }
  | { kind: 'ticket_number' }
  | { kind: 'app_name' }
  | { kind: 'confirm'; tool: string; args: Record<string, string> }
  /** An action just proposed and not yet confirmed: "cancel that", "the other one", "lock it instead" refer to it. */
  | { kind: 'proposed'; tool: 'request_device_action' | 'request_software_install'; actionId: string; args: Record<string, string> }
  /** An app the catalog lacks: a yes asks a technician for it. */
  | { kind: 'software_request'; app: string };

/** `result` is kept for the transcript and later turns; the widget sees name and arguments only. */
export type ToolCallRecord = { name: string; args: Record<string, unknown>; result?: unknown };

export type TurnResult = {
  text: string;
  toolCalls: ToolCallRecord[];
  record: TurnRecord;
  /** Set when the LLM engine failed and the local engine answered instead. */
  limitedMode?: boolean;
  pending?: PendingState | null;
  /**
   * The articles the answer rests on, when the engine knows them (the local engine shows every article it found);
   * without them, the articles found that the text names.
   */
  citations?: Citation[];
  /** Answers the user can pick with one press when the reply asks a question. */
  quickReplies?: QuickReply[];
};

export type TurnSink = { delta: (text: string) => void };

export interface AssistantEngine {
  readonly name: 'llm' | 'local';
  runTurn(input: TurnInput, sink: TurnSink): Promise<TurnResult>;
}
