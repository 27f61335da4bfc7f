// An action request, proposed by the assistant or asked for in the Self-service tab. The user confirms it, gives a
// mobile number the first time, types the code received by SMS, and then follows the action on the device until its
// final state. The phone number and the code live in the card's inputs only: they never go into the conversation.
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ActionView } from '../../../domain/actions/action-schemas.js';
import { activeElement } from '../app/environment.js';
import { tr } from '../i18n/i18n.js';
import { LabelledInput } from './LabelledInput.js';
import { cancelAction, confirmAction, savePhone, verifyAction } from '../store/actions.js';

const CANCELLABLE = new Set<ActionView['status']>(['awaiting_confirmation', 'awaiting_code']);
/** The stages an action goes through once verified, as the card's progress shows them. */
const STAGES = ['queued', 'dispatched', 'running', 'succeeded'] as const;
const IN_FLIGHT = new Set<ActionView['status']>(['queued', 'dispatched', 'running']);
/** After these refusals the code cannot be used any more: the user needs a new one. */
const NEEDS_NEW_CODE = new Set(['code_expired', 'too_many_attempts']);
const CODE = /^\d{6}$/;

export function ActionCard({ action }: { action: ActionView }) {
  const prefix = `action-${action.id}`;
  const { status } = action;
  /** Within `awaiting_code`: whether the user is asked for a phone number first, or for the code. */
  const [step, setStep] = useState<'phone' | 'code'>('code');
  const [pending, setPending] = useState(false);
  const [cardError, setCardError] = useState<string>();
  const [phoneError, setPhoneError] = useState<string>();
  const [codeError, setCodeError] = useState<string>();
  const [note, setNote] = useState('');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const card = useRef<HTMLElement>(null);
  const phoneInput = useRef<HTMLInputElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const resendButton = useRef<HTMLButtonElement>(null);
  const busyRef = useRef(false);
  const focusAfterRender = useRef<RefObject<HTMLElement | null>>(undefined);
  const shownStatus = useRef(status);

  // Where the keyboard was before this render: if what it was on goes away, it goes to the card, whose status changed.
  const focused = activeElement();
  const hadFocus = !!card.current && focused !== card.current && card.current.contains(focused);
  const onCancel = focused !== null && focused === cancelButton.current;

  useLayoutEffect(() => {
    const target = focusAfterRender.current;
    focusAfterRender.current = undefined;
    if (target) {
      target.current?.focus();
      return;
    }
    const active = activeElement();
    if (hadFocus && card.current && (!active || !card.current.contains(active) || !active.checkVisibility())) {
      if (onCancel && cancelButton.current) cancelButton.current.focus();
      else card.current.focus();
    }
  });

  useLayoutEffect(() => {
    if (shownStatus.current === status) return;
    shownStatus.current = status;
    // A refusal shown under the card was about the state it leaves; nothing typed stays once it is no longer needed.
    setCardError(undefined);
    if (status !== 'awaiting_code') {
      setPhone('');
      setCode('');
      setPhoneError(undefined);
      setCodeError(undefined);
      setNote('');
    }
  }, [status]);

  const clearMessages = () => {
    setCardError(undefined);
    setPhoneError(undefined);
    setCodeError(undefined);
    setNote('');
  };

  /** One request at a time; the pressed button keeps the keyboard (aria-disabled rather than disabled). */
  async function busy<T>(run: () => Promise<T>): Promise<T> {
    busyRef.current = true;
    setPending(true);
    try {
      return await run();
    } finally {
      busyRef.current = false;
      setPending(false);
    }
  }

  async function askForCode() {
    if (busyRef.current) return;
    const again = status === 'awaiting_code';
    const ack = await busy(() => confirmAction(action.id));
    if (ack.error) {
      if (again && step === 'code') setCodeError(ack.error.message);
      else if (again) setPhoneError(ack.error.message);
      else setCardError(ack.error.message);
      return;
    }
    clearMessages();
    setStep(ack.needsPhone ? 'phone' : 'code');
    if (ack.action.status !== 'awaiting_code') return;
    if (ack.needsPhone) focusAfterRender.current = phoneInput;
    else {
      setCode('');
      if (again) setNote(tr('chat.verify.resent'));
      focusAfterRender.current = codeInput;
    }
  }

  async function submitPhone(event: Event) {
    event.preventDefault();
    if (busyRef.current) return;
    const number = phone.trim();
    if (!number) {
      setPhoneError(tr('chat.verify.phoneMissing'));
      phoneInput.current?.focus();
      return;
    }
    const ack = await busy(() => savePhone(number));
    if (ack.error) {
      setPhoneError(ack.error.message);
      phoneInput.current?.focus();
      return;
    }
    setPhone('');
    clearMessages();
    setStep('code');
    focusAfterRender.current = codeInput;
  }

  async function submitCode(event: Event) {
    event.preventDefault();
    if (busyRef.current) return;
    const typed = code.replace(/\s/g, '');
    if (!CODE.test(typed)) {
      setCodeError(tr('chat.verify.codeFormat'));
      codeInput.current?.focus();
      return;
    }
    setNote('');
    const ack = await busy(() => verifyAction(action.id, typed));
    // A code is tried once: right or wrong, it does not stay in the box.
    setCode('');
    if (ack.error) {
      setCodeError(ack.error.message);
      (NEEDS_NEW_CODE.has(ack.error.code) ? resendButton : codeInput).current?.focus();
      return;
    }
    clearMessages();
    focusAfterRender.current = card;
  }

  async function cancel() {
    if (busyRef.current) return;
    const ack = await busy(() => cancelAction(action.id));
    setCardError(ack.error?.message);
  }

  const disabled = pending ? 'true' : undefined;
  const cancelShown = CANCELLABLE.has(status) && (
    <button type="button" class="secondary" ref={cancelButton} aria-disabled={disabled} onClick={() => void cancel()}>
      {tr('chat.action.cancel')}
    </button>
  );
  const reached = STAGES.indexOf(status as (typeof STAGES)[number]);
  const verifying = status === 'awaiting_code';

  return (
    <article class="action-card" ref={card} tabIndex={-1} aria-labelledby={prefix} aria-busy={disabled} data-action-id={action.id} data-status={status}>
      <h2 class="action-title" id={prefix}>
        <span class="action-kicker">{tr('chat.action.label')}</span> <span>{tr(`assistant.action.${action.kind}`)}</span>
      </h2>
      <dl>
        {(action.appName ?? action.appId) && (
          <>
            <dt>{tr('chat.action.app')}</dt>
            <dd>{action.appName ?? action.appId}</dd>
          </>
        )}
        <dt>{tr('chat.action.device')}</dt>
        <dd>{action.deviceName}</dd>
        <dt>{tr('chat.action.status')}</dt>
        {/* Every change of status is read out; the whole cell, so that it is not just "Running" out of context. */}
        <dd aria-live="polite" aria-atomic="true">
          <span class={`action-status action-status-${status}`}>{tr(`chat.actionStatus.${status}`)}</span>
        </dd>
      </dl>
      {(IN_FLIGHT.has(status) || status === 'succeeded') && (
        // For the eyes: the status above says the same in words, and is what a screen reader announces.
        <ol class="action-progress" aria-hidden="true">
          {STAGES.map((stage, index) => (
            <li key={stage} data-stage={stage} class={index < reached || status === 'succeeded' ? 'done' : index === reached ? 'current' : ''}>
              {tr(`chat.actionStatus.${stage}`)}
            </li>
          ))}
        </ol>
      )}
      <p class="action-detail" aria-live="polite" hidden={!action.detail}>
        {action.detail ?? ''}
      </p>
      {verifying && step === 'phone' && (
        <form class="action-step action-step-phone" noValidate onSubmit={(event) => void submitPhone(event)}>
          <p class="action-step-intro">{tr('chat.verify.phoneIntro')}</p>
          <LabelledInput
            id={`${prefix}-phone`}
            label={tr('chat.verify.phoneLabel')}
            hint={tr('chat.verify.phoneHint')}
            error={phoneError}
            inputRef={phoneInput}
            value={phone}
            onValue={setPhone}
            fieldClass="action-field"
            input={{ type: 'tel', name: 'phone', autocomplete: 'tel', inputMode: 'tel', maxLength: 32 }}
          />
          <div class="action-buttons">
            <button type="submit" class="primary" aria-disabled={disabled}>
              {tr('chat.verify.sendCode')}
            </button>
            {cancelShown}
          </div>
        </form>
      )}
      {verifying && step === 'code' && (
        <form class="action-step action-step-code" noValidate onSubmit={(event) => void submitCode(event)}>
          <p class="action-step-intro">{tr('chat.verify.codeIntro')}</p>
          <LabelledInput
            id={`${prefix}-code`}
            label={tr('chat.verify.codeLabel')}
            hint={tr('chat.verify.codeHint')}
            error={codeError}
            inputRef={codeInput}
            value={code}
            onValue={setCode}
            keep={(typed) => typed.replace(/\D/g, '').slice(0, 6)}
            fieldClass="action-field"
            input={{ type: 'text', name: 'code', inputMode: 'numeric', autocomplete: 'one-time-code', maxLength: 6, pattern: '[0-9]{6}' }}
          />
          <p class="action-note" role="status">
            {note}
          </p>
          <div class="action-buttons">
            <button type="submit" class="primary" aria-disabled={disabled}>
              {tr('chat.verify.verify')}
            </button>
            <button type="button" class="secondary" ref={resendButton} aria-disabled={disabled} onClick={() => void askForCode()}>
              {tr('chat.verify.resend')}
            </button>
            {cancelShown}
          </div>
        </form>
      )}
      {status === 'awaiting_confirmation' && (
        <div class="action-buttons">
          <button type="button" class="primary" aria-disabled={disabled} onClick={() => void askForCode()}>
            {tr('chat.action.confirm')}
          </button>
          {cancelShown}
        </div>
      )}
      {cardError && (
        <p class="inline-error" role="alert">
          {cardError}
        </p>
      )}
    </article>
  );
}
