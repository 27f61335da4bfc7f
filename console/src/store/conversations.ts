// The Conversations screen's state: the tenant's active chats as they change, the one open on screen with its
// transcript, and the technician's part in it (joined, typing, writing). The socket stays open while the technician
// moves to other screens, so a chat they are in stays theirs and its list keeps up.
import { computed, signal } from '@preact/signals';
import type { ConversationView, MessageView } from '../../../domain/conversations/conversation-schemas.js';
import type { ActiveConversation } from '../../../domain/conversations/takeover-schemas.js';
import type { Loadable } from '../../../portal-widget/src/store/loadable.js';
import * as socket from '../api/console-socket.js';
import { getConversation } from '../api/conversations.js';
import { tr } from '../i18n/i18n.js';
import { addMessage, upsertLine } from './conversation-list.js';
import { me } from './session.js';

/** How long "… is typing" stays after the user's last keystroke the server relayed (it relays one every 2 s). */
const TYPING_SHOWN_MS = 5_000;
/** The technician's own typing, told to the user at most this often. */
const TYPING_SENT_EVERY_MS = 2_000;

export type Opened =
  | { id: string; state: 'loading' }
  | { id: string; state: 'failed'; message: string }
  | { id: string; state: 'ready'; conversation: ConversationView; messages: MessageView[] };

export const lines = signal<Loadable<ActiveConversation[]>>({ state: 'idle' });
export const link = signal<'connecting' | 'connected' | 'lost' | 'refused'>('connecting');
export const opened = signal<Opened | undefined>(undefined);
/** The user of the open chat while they are typing. */
export const userTyping = signal<string | undefined>(undefined);
/** Join or hand back under way: its button waits. */
export const pending = signal<'join' | 'leave' | undefined>(undefined);
/** Why the last join or hand-back was refused, in the technician's language. */
export const refusal = signal('');

/** The open conversation's line of the list: who is chatting and who from support is in. */
export const openedLine = computed(() => {
  const list = lines.value;
  const id = opened.value?.id;
  return list.state === 'loaded' && id ? list.value.find((line) => line.id === id) : undefined;
});

/** Who from support is in the open chat, by name: from the list, or from the transcript of an older chat. */
export const openedTechnician = computed(() => {
  const line = openedLine.value;
  if (line) return line.technician;
  const current = opened.value;
  return current?.state === 'ready' ? current.conversation.technician : null;
});

export const joinedByMe = computed(() => {
  const line = openedLine.value;
  return line !== undefined && line.technician !== null && line.technician.id === me.value?.user.id;
});

let typingTimer: ReturnType<typeof setTimeout> | undefined;
let typingSentAt = Number.NEGATIVE_INFINITY;

function setLine(line: ActiveConversation): void {
  const list = lines.value;
  if (list.state === 'loaded') lines.value = { state: 'loaded', value: upsertLine(list.value, line) };
}

function showMessage(conversationId: string, message: MessageView): void {
  const current = opened.value;
  if (current?.state !== 'ready' || current.id !== conversationId) return;
  opened.value = { ...current, messages: addMessage(current.messages, message) };
  if (message.role === 'user') stopUserTyping();
}

function stopUserTyping(): void {
  clearTimeout(typingTimer);
  userTyping.value = undefined;
}

function showConversation(conversation: ConversationView): void {
  if (opened.value?.id !== conversation.id) return;
  opened.value = { id: conversation.id, state: 'ready', conversation, messages: conversation.messages };
}

async function loadList(): Promise<void> {
  if (lines.value.state !== 'loaded') lines.value = { state: 'loading' };
  const answer = await socket.send('conversations:active', {}, tr('console.conversations.noAnswer'));
  lines.value = answer.error ? { state: 'failed', message: answer.error.message } : { state: 'loaded', value: answer.conversations };
}

/** Reads the open conversation again; `quietly` keeps the transcript on screen meanwhile. */
async function reload(id: string, quietly: boolean): Promise<void> {
  if (!quietly) opened.value = { id, state: 'loading' };
  const answer = await getConversation(id);
  if (opened.value?.id !== id) return;
  if (answer.ok) showConversation(answer.body);
  else if (!quietly) opened.value = { id, state: 'failed', message: answer.error.message };
}

/** A chat the technician only reads hears no messages: its line moving says the transcript did. */
function followUnjoined(line: ActiveConversation): void {
  const current = opened.value;
  if (current?.state !== 'ready' || current.id !== line.id || joinedByMe.value || !line.lastMessage) return;
  const last = current.messages.at(-1);
  if (!last || last.createdAt < line.lastMessage.createdAt) void reload(line.id, true);
}

let listening = false;

/** Connects once and keeps the list current; called each time the screen is shown. */
export function startConversations(): void {
  if (!listening) {
    listening = true;
    socket.listen({
      connected: (recovered) => {
        link.value = 'connected';
        // Messages may have come while the connection was down; a recovered connection was given them.
        if (recovered) return;
        void loadList();
        if (opened.value) void reload(opened.value.id, true);
      },
      lost: () => (link.value = 'lost'),
      refused: () => (link.value = 'refused'),
      events: {
        'conversations:changed': ({ conversation }) => {
          setLine(conversation);
          followUnjoined(conversation);
        },
        'chat:message': ({ conversationId, message }) => showMessage(conversationId, message),
        'chat:typing': ({ conversationId, typing, user }) => {
          if (!user || opened.value?.id !== conversationId) return;
          clearTimeout(typingTimer);
          userTyping.value = typing ? user.name : undefined;
          if (typing) typingTimer = setTimeout(stopUserTyping, TYPING_SHOWN_MS);
        },
      },
    });
  }
  // Another screen may have opened the connection already.
  if (socket.isConnected()) {
    link.value = 'connected';
    void loadList();
  }
  // A connection the server closed (a session that ended) is opened again for the technician signed in now.
  if (link.value === 'refused') link.value = 'connecting';
  socket.connect();
}

/** Shows the conversation the address names, or none. */
export function openConversation(id: string | undefined): void {
  if (opened.value?.id === id) return;
  stopUserTyping();
  refusal.value = '';
  opened.value = undefined;
  if (id) void reload(id, false);
}

/** Takes the chat over: the assistant steps back and the user's messages come here. */
export async function joinChat(conversationId: string): Promise<void> {
  pending.value = 'join';
  refusal.value = '';
  const answer = await socket.send('chat:join', { conversationId }, tr('console.conversations.noAnswer'));
  pending.value = undefined;
  if (answer.error) {
    refusal.value = answer.error.message;
    return;
  }
  const user = me.value?.user;
  const line = openedLine.value;
  if (user && line?.id === conversationId) setLine({ ...line, technician: { id: user.id, name: user.name } });
  showConversation(answer.conversation);
}

/** Gives the chat back to the assistant, which tells the user so. */
export async function handBack(conversationId: string): Promise<void> {
  pending.value = 'leave';
  refusal.value = '';
  const answer = await socket.send('chat:leave', { conversationId }, tr('console.conversations.noAnswer'));
  pending.value = undefined;
  if (answer.error) {
    refusal.value = answer.error.message;
    return;
  }
  const line = openedLine.value;
  if (line?.id === conversationId) setLine({ ...line, technician: null });
  await reload(conversationId, true);
}

/** Resolves with the reason when the message was not sent. */
export async function sendReply(conversationId: string, text: string): Promise<string | undefined> {
  const answer = await socket.send('chat:send', { conversationId, text }, tr('console.conversations.noAnswer'));
  if (answer.error) return answer.error.message;
  showMessage(conversationId, answer.message);
  typingSentAt = Number.NEGATIVE_INFINITY;
  return undefined;
}

/** The technician is typing: the user sees it. */
export function noteTyping(conversationId: string): void {
  const now = Date.now();
  if (now - typingSentAt < TYPING_SENT_EVERY_MS) return;
  typingSentAt = now;
  void socket.send('chat:typing', { conversationId }, '');
}
