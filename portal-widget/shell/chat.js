// The chat with the assistant over socket.io (namespace /portal, authenticated by the session cookie): messages stream
// in as deltas, the stored message replaces them, action requests show as cards (action-card.js) where the user confirms,
// verifies by SMS code and follows an action, and the current conversation comes back when the page reloads or the
// socket reconnects.
import { createActionCard } from './action-card.js';
import { tr } from './i18n.js';
import { renderMarkdown } from './markdown.js';

const ACK_TIMEOUT_MS = 10_000;
const ACTION_TOOLS = { request_device_action: true, request_software_install: true };
const SENDER_KEYS = { user: 'chat.you', assistant: 'chat.assistant', technician: 'chat.technician', system: 'chat.system' };

const $ = (selector) => document.querySelector(selector);

/**
 * The chat view of the shell. `onSignedOut` runs when the server refuses the socket because the session has ended;
 * `onSettingsUpdated` when an admin changed what the user may use.
 */
export function createChat({ onSignedOut, onSettingsUpdated }) {
  const log = $('#chat-log');
  const empty = $('#chat-empty');
  const typing = $('#chat-typing');
  const banner = $('#chat-connection');
  const form = $('#chat-form');
  const input = $('#chat-input');
  const sendButton = $('#chat-send');

  let socket;
  /** The conversation the next message goes to; null starts a new one. */
  let conversationId = null;
  /** A message that starts a new conversation is on its way: its events can come before its acknowledgement. */
  let awaitingNew = false;
  let early = [];
  /** "New conversation" was pressed: the server's restore of the previous one is not wanted. */
  let freshRequested = false;
  let sending = false;
  let bannerTimer;
  const messages = new Map();
  const cards = new Map();
  /** Cards proposed in the current turn before the assistant's message: the message goes above them ("confirm below"). */
  let cardsOfTurn = [];

  // ---- rendering ----------------------------------------------------------------------------------------------------

  const nearBottom = () => log.scrollHeight - log.scrollTop - log.clientHeight < 80;
  function place(element, before) {
    const stick = nearBottom();
    if (before) log.insertBefore(element, before);
    else log.append(element);
    empty.hidden = log.childElementCount > 0;
    if (stick) log.scrollTop = log.scrollHeight;
  }

  function clear() {
    log.replaceChildren();
    messages.clear();
    cards.clear();
    cardsOfTurn = [];
    typing.textContent = '';
    empty.hidden = false;
  }

  function renderBody(entry) {
    if (entry.role === 'user') entry.body.textContent = entry.text;
    else entry.body.replaceChildren(renderMarkdown(entry.text, { newTabLabel: tr('chat.newTab') }));
  }

  function renderSources(entry, citations) {
    entry.element.querySelector('.sources')?.remove();
    if (!citations?.length) return;
    const box = document.createElement('div');
    box.className = 'sources';
    const title = document.createElement('p');
    title.className = 'sources-title';
    title.id = `sources-${entry.element.dataset.messageId}`;
    title.textContent = tr('chat.sources');
    const list = document.createElement('ul');
    list.setAttribute('aria-labelledby', title.id);
    for (const citation of citations) {
      const item = document.createElement('li');
      const a = document.createElement('a');
      a.href = `/kb/${encodeURIComponent(citation.slug)}`;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.textContent = citation.title;
      const hint = document.createElement('span');
      hint.className = 'visually-hidden';
      hint.textContent = ` ${tr('chat.newTab')}`;
      a.append(hint);
      item.append(a);
      list.append(item);
    }
    box.append(title, list);
    entry.element.append(box);
  }

  /** A message bubble; an assistant's goes above the cards its turn proposed. */
  function createEntry(id, role) {
    const element = document.createElement('div');
    element.className = `msg msg-${role}`;
    if (id) element.dataset.messageId = id;
    const sender = document.createElement('p');
    sender.className = 'msg-sender';
    sender.textContent = tr(SENDER_KEYS[role] ?? 'chat.system');
    const body = document.createElement('div');
    body.className = 'msg-body';
    element.append(sender, body);
    const entry = { element, body, role, text: '' };
    if (id) messages.set(id, entry);
    if (role === 'user') {
      cardsOfTurn = [];
      place(element);
    } else {
      place(element, cardsOfTurn[0]);
      cardsOfTurn = [];
    }
    return entry;
  }

  /** The stored message: creates its bubble, or replaces what its deltas streamed (tabs see each message once). */
  function showMessage(message) {
    const entry = messages.get(message.id) ?? createEntry(message.id, message.role);
    entry.text = message.text;
    renderBody(entry);
    renderSources(entry, message.citations);
  }

  function appendDelta(messageId, delta) {
    const entry = messages.get(messageId) ?? createEntry(messageId, 'assistant');
    entry.text += delta;
    renderBody(entry);
    if (nearBottom()) log.scrollTop = log.scrollHeight;
  }

  function showInlineError(element, message) {
    element.querySelector(':scope > .inline-error')?.remove();
    if (!message) return;
    const error = document.createElement('p');
    error.className = 'inline-error';
    error.setAttribute('role', 'alert');
    error.textContent = message;
    element.append(error);
  }

  // ---- action cards -------------------------------------------------------------------------------------------------

  /** A new card goes at the end of the conversation (or where history puts it); a known one only takes the new state. */
  function showAction(action, before) {
    const view = cards.get(action.id);
    if (view) {
      view.update(action);
      return;
    }
    const created = createActionCard(action, { request });
    cards.set(action.id, created);
    place(created.card, before);
    if (!before) cardsOfTurn.push(created.card);
  }

  // ---- history ------------------------------------------------------------------------------------------------------

  /** Whether a stored assistant message is the turn that proposed this action. */
  function proposed(message, action) {
    return (message.toolCalls ?? []).some((call) => {
      if (!ACTION_TOOLS[call.name]) return false;
      if (action.kind === 'install') return call.name === 'request_software_install';
      return call.name === 'request_device_action' && call.args?.action === action.kind && (!call.args.device || call.args.device === action.deviceId);
    });
  }

  function renderHistory(conversation) {
    clear();
    conversationId = conversation.id;
    const after = new Map();
    let from = 0;
    const unplaced = [];
    for (const action of conversation.actions ?? []) {
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
    log.scrollTop = log.scrollHeight;
  }

  // ---- socket -------------------------------------------------------------------------------------------------------

  async function request(event, payload) {
    try {
      return await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload);
    } catch {
      return { error: { code: 'timeout', message: tr('chat.noAnswer') } };
    }
  }

  /** Events of the shown conversation apply now; those of a conversation being started wait for its acknowledgement. */
  function forConversation(id, apply) {
    if (id === conversationId) apply();
    else if (awaitingNew && conversationId === null) early.push({ id, apply });
  }

  function setBanner(key, delayMs = 0) {
    clearTimeout(bannerTimer);
    if (!key) {
      banner.hidden = true;
      banner.textContent = '';
      return;
    }
    bannerTimer = setTimeout(() => {
      banner.textContent = tr(key);
      banner.hidden = false;
    }, delayMs);
  }

  function connect() {
    socket = window.io('/portal');
    setBanner('chat.connecting', 600);
    socket.on('connect', () => setBanner(undefined));
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') setBanner('chat.disconnected');
    });
    socket.on('connect_error', async () => {
      if (socket.active) {
        setBanner('chat.disconnected');
        return;
      }
      // Refused by the server rather than unreachable: the session has ended, or the connection is not allowed.
      const me = await fetch('/api/v1/me', { headers: { accept: 'application/json' } }).catch(() => undefined);
      if (me?.status === 401) onSignedOut();
      else setBanner('chat.disconnected');
    });
    socket.on('chat:history', ({ conversation }) => {
      if (freshRequested || awaitingNew || (conversationId && conversationId !== conversation.id)) return;
      renderHistory(conversation);
    });
    socket.on('chat:delta', ({ conversationId: id, messageId, delta }) => forConversation(id, () => appendDelta(messageId, delta)));
    socket.on('chat:message', ({ conversationId: id, message }) => forConversation(id, () => showMessage(message)));
    socket.on('chat:typing', ({ conversationId: id, typing: on }) =>
      forConversation(id, () => {
        typing.textContent = on ? tr('chat.typing') : '';
      }),
    );
    socket.on('chat:action', ({ conversationId: id, action }) => forConversation(id, () => showAction(action)));
    socket.on('action:update', ({ action }) => cards.get(action?.id)?.update(action));
    socket.on('chat:error', ({ conversationId: id }) =>
      forConversation(id, () => {
        const entry = createEntry(undefined, 'system');
        entry.text = tr('chat.failed');
        renderBody(entry);
        entry.element.classList.add('msg-failed');
      }),
    );
    socket.on('settings:updated', () => onSettingsUpdated?.());
  }

  // ---- sending ------------------------------------------------------------------------------------------------------

  function updateSendButton() {
    sendButton.disabled = sending || input.value.trim() === '';
  }

  async function send(raw) {
    const text = raw.trim();
    if (!text || sending) return;
    freshRequested = false;
    const entry = createEntry(undefined, 'user');
    entry.text = text;
    renderBody(entry);
    log.scrollTop = log.scrollHeight;
    input.value = '';
    sending = true;
    updateSendButton();
    input.focus();
    const starting = conversationId === null;
    if (starting) awaitingNew = true;
    const ack = await request('chat:send', starting ? { text } : { conversationId, text });
    sending = false;
    if (ack.error) {
      if (starting) {
        awaitingNew = false;
        early = [];
      }
      entry.element.classList.add('msg-failed');
      showInlineError(entry.element, ack.error.message);
      // The words are not lost: they are back in the box to send again.
      if (!input.value) input.value = text;
      updateSendButton();
      return;
    }
    updateSendButton();
    entry.element.dataset.messageId = ack.messageId;
    messages.set(ack.messageId, entry);
    if (starting) {
      conversationId = ack.conversationId;
      awaitingNew = false;
      const waiting = early;
      early = [];
      for (const event of waiting) if (event.id === conversationId) event.apply();
    }
  }

  input.addEventListener('input', updateSendButton);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send(input.value);
  });
  for (const button of document.querySelectorAll('#chat-empty [data-example]')) {
    button.addEventListener('click', () => void send(tr(button.dataset.example)));
  }
  $('#chat-new').addEventListener('click', () => {
    conversationId = null;
    awaitingNew = false;
    early = [];
    freshRequested = true;
    clear();
    input.focus();
  });

  return {
    start() {
      if (!socket) connect();
      updateSendButton();
    },
    stop() {
      socket?.disconnect();
      socket = undefined;
      setBanner(undefined);
      conversationId = null;
      awaitingNew = false;
      early = [];
      freshRequested = false;
      sending = false;
      clear();
      input.value = '';
    },
    focus() {
      input.focus();
    },
  };
}
