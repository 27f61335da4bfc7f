import { useLayoutEffect, useRef } from 'preact/hooks';
import { ActionCard } from '../components/ActionCard.js';
import { MessageBubble } from '../components/MessageBubble.js';
import { tr } from '../i18n/i18n.js';
import { branding } from '../store/branding.js';
import {
  answeredNow,
  banner,
  composerFocus,
  draft,
  feedback,
  items,
  newConversation,
  replyAskingFeedback,
  replyOfferingChoices,
  noteTyping,
  sendMessage,
  technician,
  technicianTyping,
  typing,
} from '../store/chat.js';
import { me } from '../store/session.js';

const EXAMPLES = ['chat.example.printer', 'chat.example.restart', 'chat.example.install', 'chat.example.tickets'];
/** How close to the end the log must be scrolled for new messages to keep it at the end. */
const STICK_PX = 80;

export function ChatView({ hidden }: { hidden: boolean }) {
  const log = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const stick = useRef(true);
  const list = items.value;
  const focusRequest = composerFocus.value;
  const asking = replyAskingFeedback(list, feedback.value);
  const choosing = replyOfferingChoices(list);

  useLayoutEffect(() => {
    if (stick.current && log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [list]);

  useLayoutEffect(() => {
    if (focusRequest > 0) {
      stick.current = true;
      input.current?.focus();
    }
  }, [focusRequest]);

  const onScroll = () => {
    const el = log.current!;
    stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
  };

  return (
    <section id="chat" class="card chat" role="tabpanel" aria-labelledby="tab-chat" hidden={hidden}>
      <div class="chat-head">
        <h1 id="chat-title">{tr('chat.title')}</h1>
        {/* The same words a user would type: the assistant hands over the way it does for them, ticket and all. */}
        {/* Not while a technician is already in the chat. */}
        {me.value?.sections.ticketing && !technician.value && (
          <button type="button" class="secondary" onClick={() => sendMessage(tr('chat.handover.request'))}>
            {tr('chat.handover.talk')}
          </button>
        )}
        <button type="button" class="secondary" onClick={newConversation}>
          {tr('chat.newConversation')}
        </button>
      </div>
      <p id="chat-connection" class="banner" role="status" hidden={!banner.value}>
        {banner.value ? tr(banner.value) : ''}
      </p>
      <div id="chat-empty" class="chat-empty" hidden={list.length > 0}>
        <p class="greeting">{branding.value?.greeting ?? tr('chat.greeting')}</p>
        <p id="chat-examples-label">{tr('chat.examples')}</p>
        <ul class="examples" aria-labelledby="chat-examples-label">
          {EXAMPLES.map((key) => (
            <li key={key}>
              <button type="button" class="secondary" onClick={() => sendMessage(tr(key))}>
                {tr(key)}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div id="chat-log" class="chat-log" role="log" aria-live="polite" aria-label={tr('chat.log')} tabIndex={0} ref={log} onScroll={onScroll}>
        {list.map((item) => (item.type === 'message' ? (
            <MessageBubble
              key={item.key}
              item={item}
              askFeedback={!!asking && item.id === asking}
              thanked={!!item.id && item.id === answeredNow.value}
              offerChoices={item.key === choosing}
            />
          ) : <ActionCard key={item.key} action={item.action} />))}
      </div>
      {technician.value && (
        <p id="chat-technician" class="technician-present">
          {tr('chat.withTechnician', { name: technician.value.name })}
        </p>
      )}
      <p id="chat-typing" class="typing" aria-live="polite">
        {technicianTyping.value ? tr('chat.technicianTyping', { name: technicianTyping.value }) : typing.value ? tr('chat.typing') : ''}
      </p>
      <form
        id="chat-form"
        class="composer"
        ref={form}
        onSubmit={(event) => {
          event.preventDefault();
          sendMessage(draft.value);
        }}
      >
        <label for="chat-input" class="visually-hidden">
          {tr('chat.message')}
        </label>
        <textarea
          id="chat-input"
          ref={input}
          rows={2}
          maxLength={4000}
          placeholder={tr('chat.placeholder')}
          aria-describedby="chat-hint"
          value={draft.value}
          onInput={(event) => {
            draft.value = event.currentTarget.value;
            noteTyping();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
              event.preventDefault();
              form.current?.requestSubmit();
            }
          }}
        />
        <button id="chat-send" type="submit" disabled={draft.value.trim() === ''}>
          {tr('chat.send')}
        </button>
        <p id="chat-hint" class="hint">
          {tr('chat.hint')}
        </p>
      </form>
    </section>
  );
}
