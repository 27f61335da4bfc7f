import type { ActionView } from '../../../domain/actions/action-schemas.js';
import type { Language } from '../../../i18n/languages.js';
import { t } from '../../../i18n/translate.js';
import { escapeMrkdwn } from './slack-mrkdwn.js';

/** The ids Slack sends back when a button is pressed or a modal submitted. */
export const SLACK_IDS = {
  confirm: 'portico_action_confirm',
  cancel: 'portico_action_cancel',
  codeView: 'portico_code',
  phoneView: 'portico_phone',
} as const;

const plain = (text: string) => ({ type: 'plain_text' as const, text });

/** One line saying what the action is, on which device, and where it stands. */
export function actionLine(action: ActionView, language: Language): string {
  const name = action.kind === 'install' ? t(language, 'assistant.install_named', { app: action.appName ?? action.appId ?? '' }) : t(language, `assistant.action.${action.kind}`);
  return t(language, 'channels.action.line', {
    action: escapeMrkdwn(name),
    device: escapeMrkdwn(action.deviceName),
    status: t(language, `chat.actionStatus.${action.status}`),
  });
}

/** The action as a card: its line, and while it waits for the user, the buttons that confirm or cancel it. */
export function actionCard(action: ActionView, language: Language) {
  const line = actionLine(action, language);
  const buttons =
    action.status === 'awaiting_confirmation'
      ? [
          {
            type: 'actions',
            block_id: 'portico_action',
            elements: [
              { type: 'button', action_id: SLACK_IDS.confirm, style: 'primary', text: plain(t(language, 'chat.action.confirm')), value: action.id },
              { type: 'button', action_id: SLACK_IDS.cancel, text: plain(t(language, 'chat.action.cancel')), value: action.id },
            ],
          },
        ]
      : [];
  return { text: line, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: line } }, ...buttons] };
}

/** What a modal carries from the button to its submission. */
export type ModalState = { actionId: string };

function modal(callbackId: string, state: ModalState, language: Language, submit: string, intro: string, input: Record<string, unknown>) {
  return {
    type: 'modal' as const,
    callback_id: callbackId,
    private_metadata: JSON.stringify(state),
    title: plain(t(language, 'channels.verify.title')),
    submit: plain(submit),
    close: plain(t(language, 'chat.action.cancel')),
    blocks: [{ type: 'section', text: plain(intro) }, input],
  };
}

/** The modal in which the user types the SMS code of an action. */
export function codeModal(state: ModalState, language: Language) {
  return modal(SLACK_IDS.codeView, state, language, t(language, 'chat.verify.verify'), t(language, 'chat.verify.codeIntro'), {
    type: 'input',
    block_id: 'code',
    label: plain(t(language, 'chat.verify.codeLabel')),
    hint: plain(t(language, 'chat.verify.codeHint')),
    element: { type: 'plain_text_input', action_id: 'code', min_length: 6, max_length: 6 },
  });
}

/** The modal asking a user without a saved phone for their mobile number, before the code goes to it. */
export function phoneModal(state: ModalState, language: Language) {
  return modal(SLACK_IDS.phoneView, state, language, t(language, 'chat.verify.sendCode'), t(language, 'chat.verify.phoneIntro'), {
    type: 'input',
    block_id: 'phone',
    label: plain(t(language, 'chat.verify.phoneLabel')),
    hint: plain(t(language, 'chat.verify.phoneHint')),
    element: { type: 'plain_text_input', action_id: 'phone', max_length: 32 },
  });
}
