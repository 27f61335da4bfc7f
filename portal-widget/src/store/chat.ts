// The chat with the assistant: what the log shows (messages and action cards, in order), the conversation the next
// message goes to, typing and connection state. Deltas stream into a bubble that the stored message then replaces;
// an assistant's message goes above the cards its turn proposed ("confirm below"); the current conversation comes back
// when the page reloads or the socket reconnects. While a technician is in the chat, their messages carry their name,
// their typing shows as "<name> is typing…", and the user's typing goes to them.
import { signal } from '@preact/signals';
import type { ActionView } from '../../../domain/actions/action-schemas.js';
import type { ConversationView, MessageView } from '../../../domain/conversations/conversation-schemas.js';
import { request } from '../api/http.js';
import * as socket from '../api/socket.js';
import { tr } from '../i18n/i18n.js';
import { followActions, isStale, publishAction } from './actions.js';

export type Role = MessageView['role'];
export type Citation = MessageView['citations'][number];
export type QuickReply = NonNullable<MessageView['quickReplies']>[number];
export type MessageItem = {
  type: 'message';
  key: string;
  id?: string;
  role: Role;
  text: string;
  citations: Citation[];
  /** The answers the assistant's question offers as buttons. */
  quickReplies: QuickReply[];
  /** Who from support wrote a technician's message. */
  author?: MessageView['author'];
  createdAt?: string;
  /** The message as stored, not only its streamed deltas. */
  stored?: boolean;
  /** Typed while the connection was down: it goes once the connection is back. */
  queued?: boolean;
  failed?: boolean;
  error?: string;
};
export type ActionItem = { type: 'action'; key: string; action: ActionView };
export type LogItem = MessageItem | ActionItem;
export type BannerKey = 'chat.connecting' | 'chat.disconnected';

const ACTION_TOOLS = new Set(['request_device_action', 'request_software_install']);
const CONNECTING_BANNER_DELAY_MS = 600;
/** The server relays typing at most every 2 s: the indicator lasts a little longer than that between two of them. */
const TYPING_SHOWN_MS = 5_000;
const TYPING_SEND_EVERY_MS = 2_000;

export const items = signal<LogItem[]>([]);
export const typing = signal(false);
/** The technician in the shown conversation, while one is. */
export const technician = signal<{ name: string } | null>(null);
/** The technician who is typing now; it fades unless they keep typing. */
export const technicianTyping = signal<string | undefined>(undefined);
export const banner = signal<BannerKey | undefined>(undefined);
export const draft = signal('');
/** The user's answers to "Did this solve it?", by reply. */
export const feedback = signal<Record<string, boolean>>({});
/** The reply whose question was just answered, which thanks the user. */
export const answeredNow = signal<string | undefined>(undefined);
/** Bumped to put the keyboard in the message box once the view has rendered. */
export const composerFocus = signal(0);
/** Counts the assistant's and technicians' messages as they arrive (not those restored): the launcher's unread badge. */
export const arrivals = signal(0);

/** The conversation the next message goes to; null starts a new one. */
let conversationId: string | null = null;
/** A message that starts a new conversation is on its way: its events can come before its acknowledgement. */
let awaitingNew = false;
let early: { id: string; apply: () => void }[] = [];
/** "New conversation" was pressed: the server's restore of the previous one is not wanted. */
let freshRequested = false;
/** Cards proposed in the current turn before the assistant's message, which goes above them. */
let cardsOfTurn: string[] = [];
/** Messages not yet acknowledged, oldest first, each with the id that makes sending it again harmless. */
let outbox: { key: string; text: string; clientMessageId: string }[] = [];
let flushing = false;
let localKeys = 0;
let bannerTimer: ReturnType<typeof setTimeout> | undefined;
let technicianTypingTimer: ReturnType<typeof setTimeout> | undefined;
let typingSentAt = Number.NEGATIVE_INFINITY;

const nextKey = () => `local-${++localKeys}`;

function insert(list: LogItem[], item: LogItem, beforeKey?: string): LogItem[] {
  const index = beforeKey === undefined ? -1 : list.findIndex((each) => each.key === beforeKey);
  return index === -1 ? [...list, item] : [...list.slice(0, index), item, ...list.slice(index)];
}

function update<T extends LogItem>(key: string, change: (item: T) => T): void {
  items.value = items.value.map((item) => (item.key === key ? change(item as T) : item));
}

const messageById = (id: string) => items.value.find((item): item is MessageItem => item.type === 'message' && item.id === id);
const actionById = (id: string) => items.value.find((item): item is ActionItem => item.type === 'action' && item.action.id === id);

/** A message bubble; an assistant's goes above the cards its turn proposed. */
function createMessage(id: string | undefined, role: Role, text = '', key = id ?? nextKey()): string {
  const before = role === 'user' ? undefined : cardsOfTurn[0];
  cardsOfTurn = [];
  items.value = insert(items.value, { type: 'message', key, id, role, text, citations: [], quickReplies: [] }, before);
  return key;
}

/** The stored message: creates its bubble, or replaces what its deltas streamed (tabs see each message once). */
function showMessage(message: MessageView): void {
  const key = messageById(message.id)?.key ?? createMessage(message.id, message.role);
  update<MessageItem>(key, (item) => ({
    ...item,
    text: message.text,
    citations: message.citations,
    quickReplies: message.quickReplies ?? [],
    author: message.author,
    createdAt: message.createdAt,
    stored: true,
  }));
}

function showTechnicianTyping(name: string | undefined): void {
  clearTimeout(technicianTypingTimer);
  technicianTyping.value = name;
  if (name) technicianTypingTimer = setTimeout(() => (technicianTyping.value = undefined), TYPING_SHOWN_MS);
}

function appendDelta(messageId: string, delta: string): void {
  const key = messageById(messageId)?.key ?? createMessage(messageId, 'assistant');
  update<MessageItem>(key, (item) => ({ ...item, text: item.text + delta }));
}

/** A new card goes at the end of the conversation; a known one only takes the new state. */
function showAction(action: ActionView): void {
  if (actionById(action.id)) return applyAction(action);
  items.value = [...items.value, { type: 'action', key: `action-${action.id}`, action }];
  cardsOfTurn.push(`action-${action.id}`);
}

function applyAction(next: ActionView, fromAck = false): void {
  const item = actionById(next.id);
  if (!item || isStale(next, item.action, fromAck)) return;
  update<ActionItem>(item.key, (each) => ({ ...each, action: next }));
}

followActions(applyAction);

function clear(): void {
  items.value = [];
  feedback.value = {};
  answeredNow.value = undefined;
  cardsOfTurn = [];
  typing.value = false;
  technician.value = null;
  showTechnicianTyping(undefined);
}

/** Whether a stored assistant message is the turn that proposed this action. */
function proposed(message: MessageView, action: ActionView): boolean {
  return message.toolCalls.some((call) => {
    if (!ACTION_TOOLS.has(call.name)) return false;
    if (action.kind === 'install') return call.name === 'request_software_install';
    return call.name === 'request_device_action' && call.args.action === action.kind && (!call.args.device || call.args.device === action.deviceId);
  });
}

/**
 * The conversation as stored, followed by what this page shows of it that the stored copy does not have yet (a reply
 * streaming in, a message still waiting for the connection).
 */
function renderHistory(conversation: ConversationView): void {
  const sameConversation = conversationId === conversation.id;
  const unsent = new Set(outbox.map((pending) => pending.key));
  const shown = items.value.filter((item) => sameConversation || unsent.has(item.key));
  clear();
  conversationId = conversation.id;
  const after = new Map<number, ActionView[]>();
  const unplaced: ActionView[] = [];
  let from = 0;
  for (const action of conversation.actions) {
    const index = conversation.messages.findIndex((m, i) => i >= from && m.role === 'assistant' && proposed(m, action));
    if (index === -1) unplaced.push(action);
    else {
      after.set(index, [...(after.get(index) ?? []), action]);
      from = index + 1;
    }
  }
  conversation.messages.forEach((message, index) => {
    showMessage(message);
    for (const action of after.get(index) ?? []) showAction(action);
    cardsOfTurn = [];
  });
  for (const action of unplaced) showAction(action);
  cardsOfTurn = [];
  feedback.value = Object.fromEntries(conversation.feedback.map((answer) => [answer.messageId, answer.solved]));
  technician.value = conversation.technician;
  const stored = new Set(items.value.map((item) => (item.type === 'message' ? item.id : item.action.id)));
  items.value = [...items.value, ...shown.filter((item) => !stored.has(item.type === 'message' ? item.id : item.action.id))];
}

/** Events of the shown conversation apply now; those of a conversation being started wait for its acknowledgement. */
function forConversation(id: string, apply: () => void): void {
  if (id === conversationId) apply();
  else if (awaitingNew && conversationId === null) early.push({ id, apply });
}

function setBanner(key: BannerKey | undefined, delayMs = 0): void {
  clearTimeout(bannerTimer);
  if (!key) banner.value = undefined;
  else bannerTimer = setTimeout(() => (banner.value = key), delayMs);
}

/** A v4 UUID, also where `crypto.randomUUID` is missing (pages not served over HTTPS or localhost). */
function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What the chat's connection hears for the rest of the portal: the session ended, settings or a ticket changed. */
export type ChatHooks = { signedOut(): void; settingsUpdated(): void; ticketChanged(ticketId: string): void };

export function startChat(hooks: ChatHooks): void {
  setBanner('chat.connecting', CONNECTING_BANNER_DELAY_MS);
  socket.connect(
    {
      connected: () => {
        setBanner(undefined);
        void flush();
        // What an admin changed while this connection was down, or not up yet, was told to the others only.
        hooks.settingsUpdated();
      },
      lost: () => setBanner('chat.disconnected'),
      refused: () => {
        // Refused rather than unreachable: the session has ended, or the connection is not allowed.
        void request('/api/v1/me').then((me) => (me.status === 401 ? hooks.signedOut() : setBanner('chat.disconnected')));
      },
    },
    {
      'chat:history': ({ conversation }) => {
        if (freshRequested || awaitingNew || (conversationId && conversationId !== conversation.id)) return;
        renderHistory(conversation);
      },
      'chat:delta': ({ conversationId: id, messageId, delta }) => forConversation(id, () => appendDelta(messageId, delta)),
      'chat:message': ({ conversationId: id, message }) =>
        forConversation(id, () => {
          // Heard twice (a reply streamed, or given back with what a dropped connection missed), it arrived once.
          const arrived = messageById(message.id)?.stored !== true;
          showMessage(message);
          if (message.role === 'technician') showTechnicianTyping(undefined);
          if (arrived && (message.role === 'assistant' || message.role === 'technician')) arrivals.value++;
        }),
      'chat:typing': ({ conversationId: id, typing: on, technician: by }) =>
        forConversation(id, () => (by ? showTechnicianTyping(on ? by.name : undefined) : (typing.value = on))),
      'chat:handoff': ({ conversationId: id, technician: by }) =>
        forConversation(id, () => {
          technician.value = by;
          showTechnicianTyping(undefined);
        }),
      'chat:action': ({ conversationId: id, action }) => forConversation(id, () => showAction(action)),
      'action:update': ({ action }) => publishAction(action),
      'chat:error': ({ conversationId: id }) =>
        forConversation(id, () => {
          const key = createMessage(undefined, 'system', tr('chat.failed'));
          update<MessageItem>(key, (item) => ({ ...item, failed: true }));
        }),
      'settings:updated': () => hooks.settingsUpdated(),
      'ticket:comment': ({ ticketId }) => hooks.ticketChanged(ticketId),
      'ticket:updated': ({ ticketId }) => hooks.ticketChanged(ticketId),
    },
  );
}

export function stopChat(): void {
  socket.disconnect();
  setBanner(undefined);
  conversationId = null;
  awaitingNew = false;
  early = [];
  freshRequested = false;
  outbox = [];
  draft.value = '';
  clear();
}

export function newConversation(): void {
  conversationId = null;
  awaitingNew = false;
  early = [];
  freshRequested = true;
  clear();
  composerFocus.value++;
}

/**
 * Shows the message at once and sends it; typed while the connection is down, it waits for it. Messages go one at a
 * time, in order, each with its own client id: sent again after a drop, the server stores and answers it once.
 */
export function sendMessage(raw: string): void {
  const text = raw.trim();
  if (!text) return;
  freshRequested = false;
  const clientMessageId = uuid();
  const key = createMessage(clientMessageId, 'user', text, nextKey());
  update<MessageItem>(key, (item) => ({ ...item, queued: !socket.connected(), createdAt: new Date().toISOString() }));
  outbox.push({ key, text, clientMessageId });
  draft.value = '';
  composerFocus.value++;
  void flush();
}

async function flush(): Promise<void> {
  if (flushing) return;
  flushing = true;
  try {
    while (outbox.length > 0 && socket.connected()) {
      if (!(await deliver(outbox[0]!))) break;
      outbox.shift();
    }
  } finally {
    flushing = false;
  }
}

/** False when the connection dropped before the answer: the message stays first in line for the reconnection. */
async function deliver({ key, text, clientMessageId }: (typeof outbox)[number]): Promise<boolean> {
  const starting = conversationId === null;
  if (starting) awaitingNew = true;
  const payload = starting ? { text, clientMessageId } : { conversationId: conversationId!, text, clientMessageId };
  const ack = await socket.send('chat:send', payload, tr('chat.noAnswer'));
  if (ack.error && starting) {
    awaitingNew = false;
    early = [];
  }
  if (ack.error?.code === 'disconnected') {
    update<MessageItem>(key, (item) => ({ ...item, queued: true }));
    return false;
  }
  if (ack.error) {
    update<MessageItem>(key, (item) => ({ ...item, queued: false, failed: true, error: ack.error.message }));
    // The words are not lost: they are back in the box to send again.
    if (!draft.value) draft.value = text;
    return true;
  }
  update<MessageItem>(key, (item) => ({ ...item, queued: false, id: ack.messageId }));
  if (starting) {
    conversationId = ack.conversationId;
    awaitingNew = false;
    const waiting = early;
    early = [];
    for (const event of waiting) if (event.id === conversationId) event.apply();
  }
  return true;
}

/** The user is typing: the technician in the chat sees it, told at most every few seconds. */
export function noteTyping(): void {
  const now = Date.now();
  if (!conversationId || !technician.value || now - typingSentAt < TYPING_SEND_EVERY_MS) return;
  typingSentAt = now;
  void socket.send('chat:typing', { conversationId }, tr('chat.noAnswer'));
}

/** The reply whose quick replies are on offer: the latest item, a stored assistant's question nobody answered yet. */
export function replyOfferingChoices(list: LogItem[]): string | undefined {
  const last = list.at(-1);
  return last?.type === 'message' && last.role === 'assistant' && last.stored && last.quickReplies.length > 0 ? last.key : undefined;
}

/**
 * The reply that asks "Did this solve it?": the latest one, once stored, when it cited articles or an action it
 * proposed has succeeded, and nothing was written after it.
 */
export function replyAskingFeedback(list: LogItem[], answers: Record<string, boolean>): string | undefined {
  let index = list.length - 1;
  while (index >= 0 && list[index]!.type === 'action') index--;
  const reply = list[index];
  if (reply?.type !== 'message' || reply.role !== 'assistant' || !reply.stored || !reply.id || reply.id in answers) return undefined;
  const finished = list.slice(index + 1).some((item) => item.type === 'action' && item.action.status === 'succeeded');
  return reply.citations.length > 0 || finished ? reply.id : undefined;
}

/** Records the answer to "Did this solve it?" under a reply; resolves with the server's reason when refused. */
export async function answerFeedback(messageId: string, solved: boolean): Promise<string | undefined> {
  if (!conversationId) return undefined;
  const ack = await socket.send('chat:feedback', { conversationId, messageId, solved }, tr('chat.noAnswer'));
  if (ack.error) return ack.error.message;
  feedback.value = { ...feedback.value, [messageId]: solved };
  answeredNow.value = messageId;
  return undefined;
}
