// An action request proposed by the assistant, as a card in the chat. The user confirms it, gives a mobile number the
// first time, types the code received by SMS, and then follows the action on the device until its final state. The
// phone number and the code live in the card's inputs only: they never go into the conversation.
import { tr } from './i18n.js';

const CANCELLABLE = new Set(['awaiting_confirmation', 'awaiting_code']);
/** The stages an action goes through once verified, as the card's progress shows them. */
const STAGES = ['queued', 'dispatched', 'running', 'succeeded'];
const IN_FLIGHT = new Set(['queued', 'dispatched', 'running']);
const RANK = { awaiting_confirmation: 0, awaiting_code: 1, queued: 2, dispatched: 3, running: 4 };
/** After these refusals the code cannot be used any more: the user needs a new one. */
const NEEDS_NEW_CODE = new Set(['code_expired', 'too_many_attempts']);
const CODE = /^\d{6}$/;

const rank = (status) => RANK[status] ?? 5;

function element(tag, { className, text, attributes = {} } = {}) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

function button(className, key, type = 'button') {
  return element('button', { className, text: tr(key), attributes: { type } });
}

/** A labelled input with its hint and its error, the error announced when it shows and described while it is there. */
function inputField(id, labelKey, hintKey, attributes) {
  const wrapper = element('div', { className: 'action-field' });
  const label = element('label', { text: tr(labelKey), attributes: { for: id } });
  const input = element('input', { attributes: { id, ...attributes, 'aria-describedby': `${id}-hint` } });
  const hint = element('p', { className: 'field-hint', text: tr(hintKey), attributes: { id: `${id}-hint` } });
  const error = element('p', { className: 'field-error', attributes: { id: `${id}-error`, role: 'alert' } });
  error.hidden = true;
  wrapper.append(label, input, hint, error);
  return {
    wrapper,
    input,
    setError(message) {
      error.textContent = message ?? '';
      error.hidden = !message;
      if (message) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', `${id}-error ${id}-hint`);
      } else {
        input.removeAttribute('aria-invalid');
        input.setAttribute('aria-describedby', `${id}-hint`);
      }
    },
  };
}

/**
 * The card of one action. `request(event, payload)` sends a socket event and resolves with its acknowledgement
 * (`{error}` when refused or unanswered). `update(action)` applies a pushed `action:update`.
 */
export function createActionCard(action, { request }) {
  const actionId = action.id;
  const prefix = `action-${actionId}`;
  let current = action;
  /** Within `awaiting_code`: whether the user is asked for a phone number first, or for the code. */
  let step = 'code';
  let pending = false;

  const card = element('article', { className: 'action-card', attributes: { tabindex: '-1', 'aria-labelledby': prefix } });
  card.dataset.actionId = actionId;

  const title = element('h2', { className: 'action-title', attributes: { id: prefix } });
  title.append(element('span', { className: 'action-kicker', text: tr('chat.action.label') }), ' ', element('span', { text: tr(`assistant.action.${action.kind}`) }));

  const details = element('dl');
  const field = (labelKey, value) => {
    const dd = element('dd', { text: value });
    details.append(element('dt', { text: tr(labelKey) }), dd);
    return dd;
  };
  if (action.appName || action.appId) field('chat.action.app', action.appName ?? action.appId);
  field('chat.action.device', action.deviceName);
  const pill = element('span', { className: 'action-status' });
  const statusCell = field('chat.action.status', '');
  // Every change of status is read out; the whole cell, so that it is not just "Running" out of context.
  statusCell.setAttribute('aria-live', 'polite');
  statusCell.setAttribute('aria-atomic', 'true');
  statusCell.append(pill);

  // The progress is for the eyes: the status above says the same in words, and is what a screen reader announces.
  const progress = element('ol', { className: 'action-progress', attributes: { 'aria-hidden': 'true' } });
  const stages = STAGES.map((stage) => {
    const item = element('li', { text: tr(`chat.actionStatus.${stage}`) });
    item.dataset.stage = stage;
    progress.append(item);
    return item;
  });

  const detail = element('p', { className: 'action-detail', attributes: { 'aria-live': 'polite' } });

  // Step 1 (first action only): the mobile number the codes go to.
  const phoneForm = element('form', { className: 'action-step action-step-phone', attributes: { novalidate: '' } });
  const phoneIntro = element('p', { className: 'action-step-intro', text: tr('chat.verify.phoneIntro') });
  const phone = inputField(`${prefix}-phone`, 'chat.verify.phoneLabel', 'chat.verify.phoneHint', {
    type: 'tel',
    name: 'phone',
    autocomplete: 'tel',
    inputmode: 'tel',
    maxlength: '32',
    spellcheck: 'false',
  });
  const sendCode = button('primary', 'chat.verify.sendCode', 'submit');
  const phoneButtons = element('div', { className: 'action-buttons' });
  phoneButtons.append(sendCode);
  phoneForm.append(phoneIntro, phone.wrapper, phoneButtons);

  // Step 2: the code received by SMS.
  const codeForm = element('form', { className: 'action-step action-step-code', attributes: { novalidate: '' } });
  const codeIntro = element('p', { className: 'action-step-intro', text: tr('chat.verify.codeIntro') });
  const code = inputField(`${prefix}-code`, 'chat.verify.codeLabel', 'chat.verify.codeHint', {
    type: 'text',
    name: 'code',
    inputmode: 'numeric',
    autocomplete: 'one-time-code',
    maxlength: '6',
    pattern: '[0-9]{6}',
    spellcheck: 'false',
  });
  const note = element('p', { className: 'action-note', attributes: { role: 'status' } });
  const verify = button('primary', 'chat.verify.verify', 'submit');
  const resend = button('secondary', 'chat.verify.resend');
  const codeButtons = element('div', { className: 'action-buttons' });
  codeButtons.append(verify, resend);
  codeForm.append(codeIntro, code.wrapper, note, codeButtons);

  const confirm = button('primary', 'chat.action.confirm');
  const cancel = button('secondary', 'chat.action.cancel');
  const buttons = element('div', { className: 'action-buttons' });
  buttons.append(confirm, cancel);

  card.append(title, details, progress, detail, phoneForm, codeForm, buttons);

  // ---- state ----------------------------------------------------------------------------------------------------------

  /** A refusal that belongs to no input (confirming, cancelling): under the card, read out at once. */
  function showCardError(message) {
    card.querySelector(':scope > .inline-error')?.remove();
    if (!message) return;
    card.append(element('p', { className: 'inline-error', text: message, attributes: { role: 'alert' } }));
  }

  function clearMessages() {
    showCardError(undefined);
    phone.setError(undefined);
    code.setError(undefined);
    note.textContent = '';
  }

  function render() {
    const focused = document.activeElement;
    const hadFocus = focused !== card && card.contains(focused);
    const { status } = current;
    card.dataset.status = status;
    pill.className = `action-status action-status-${status}`;
    pill.textContent = tr(`chat.actionStatus.${status}`);

    const verifying = status === 'awaiting_code';
    phoneForm.hidden = !(verifying && step === 'phone');
    codeForm.hidden = !(verifying && step === 'code');
    if (!verifying) {
      // Nothing typed stays on the page once it is no longer needed.
      phone.input.value = '';
      code.input.value = '';
      phone.setError(undefined);
      code.setError(undefined);
      note.textContent = '';
    }
    confirm.hidden = status !== 'awaiting_confirmation';
    cancel.hidden = !CANCELLABLE.has(status);
    // Cancel sits with the buttons of the step being shown.
    const row = !phoneForm.hidden ? phoneButtons : !codeForm.hidden ? codeButtons : buttons;
    if (cancel.parentElement !== row) row.append(cancel);
    buttons.hidden = confirm.hidden && (cancel.hidden || cancel.parentElement !== buttons);

    const reached = STAGES.indexOf(status);
    progress.hidden = !(IN_FLIGHT.has(status) || status === 'succeeded');
    stages.forEach((item, index) => {
      item.className = index < reached || status === 'succeeded' ? 'done' : index === reached ? 'current' : '';
    });

    detail.textContent = current.detail ?? '';
    detail.hidden = !current.detail;

    // The keyboard was on something that is gone (or moved) now: it goes to the card, whose status is what changed.
    if (hadFocus && (!card.contains(document.activeElement) || !document.activeElement.checkVisibility?.())) {
      if (focused === cancel && !cancel.hidden) cancel.focus();
      else card.focus();
    }
  }

  /** An acknowledgement can arrive after a pushed update that it precedes: it never moves the card backwards. */
  function apply(next, { fromAck = false } = {}) {
    if (!next || next.id !== actionId) return;
    if (fromAck && rank(next.status) < rank(current.status)) return;
    // A refusal shown under the card was about the state it leaves.
    if (next.status !== current.status) showCardError(undefined);
    current = next;
    render();
  }

  /** Runs one request; the pressed button keeps the keyboard (aria-disabled rather than disabled) but ignores presses. */
  async function busy(pressed, send) {
    pending = true;
    card.setAttribute('aria-busy', 'true');
    for (const each of [confirm, cancel, sendCode, verify, resend]) each.setAttribute('aria-disabled', 'true');
    try {
      return await send();
    } finally {
      pending = false;
      card.removeAttribute('aria-busy');
      for (const each of [confirm, cancel, sendCode, verify, resend]) each.removeAttribute('aria-disabled');
      if (document.activeElement === document.body && pressed.isConnected) pressed.focus();
    }
  }

  /** Confirm, or ask again for a code (the server sends a new one for an action already waiting for its code). */
  async function askForCode(pressed) {
    if (pending) return;
    const again = current.status === 'awaiting_code';
    const ack = await busy(pressed, () => request('action:confirm', { actionId }));
    if (ack.error) {
      if (again && step === 'code') code.setError(ack.error.message);
      else if (again) phone.setError(ack.error.message);
      else showCardError(ack.error.message);
      return;
    }
    clearMessages();
    step = ack.needsPhone ? 'phone' : 'code';
    apply(ack.action, { fromAck: true });
    if (current.status !== 'awaiting_code') return;
    if (step === 'phone') phone.input.focus();
    else {
      code.input.value = '';
      if (again) note.textContent = tr('chat.verify.resent');
      code.input.focus();
    }
  }

  async function savePhone(event) {
    event.preventDefault();
    if (pending) return;
    const number = phone.input.value.trim();
    if (!number) {
      phone.setError(tr('chat.verify.phoneMissing'));
      phone.input.focus();
      return;
    }
    const ack = await busy(sendCode, () => request('phone:set', { phone: number }));
    if (ack.error || !ack.ok) {
      phone.setError(ack.error?.message ?? tr('chat.noAnswer'));
      phone.input.focus();
      return;
    }
    phone.input.value = '';
    clearMessages();
    step = 'code';
    render();
    code.input.focus();
  }

  async function submitCode(event) {
    event.preventDefault();
    if (pending) return;
    const typed = code.input.value.replace(/\s/g, '');
    if (!CODE.test(typed)) {
      code.setError(tr('chat.verify.codeFormat'));
      code.input.focus();
      return;
    }
    note.textContent = '';
    const ack = await busy(verify, () => request('action:verify', { actionId, code: typed }));
    // A code is tried once: right or wrong, it does not stay in the box.
    code.input.value = '';
    if (ack.error) {
      code.setError(ack.error.message);
      if (NEEDS_NEW_CODE.has(ack.error.code)) resend.focus();
      else code.input.focus();
      return;
    }
    clearMessages();
    apply(ack.action, { fromAck: true });
    card.focus();
  }

  async function cancelAction() {
    if (pending) return;
    const ack = await busy(cancel, () => request('action:cancel', { actionId }));
    showCardError(ack.error?.message);
    if (ack.action) apply(ack.action, { fromAck: true });
  }

  confirm.addEventListener('click', () => void askForCode(confirm));
  resend.addEventListener('click', () => void askForCode(resend));
  cancel.addEventListener('click', () => void cancelAction());
  phoneForm.addEventListener('submit', (event) => void savePhone(event));
  codeForm.addEventListener('submit', (event) => void submitCode(event));
  code.input.addEventListener('input', () => {
    const digits = code.input.value.replace(/\D/g, '').slice(0, 6);
    if (digits !== code.input.value) code.input.value = digits;
  });

  render();
  return { card, update: (next) => apply(next) };
}
