import * as z from 'zod';
import type { ActionView } from '../../../domain/actions/action-schemas.js';
import type { Language } from '../../../i18n/languages.js';
import { t } from '../../../i18n/translate.js';
import { escapeMarkdown } from '../../../text/escape-markdown.js';

/**
 * What a card's button sends back: the step on the action request, and the card's inputs (`phone`, `code`) merged in by
 * Teams. The same steps as the widget's buttons.
 */
export const CardSubmitSchema = z.object({
  portico: z.enum(['confirm', 'cancel', 'phone', 'verify']),
  actionId: z.uuid(),
  phone: z.string().max(40).optional(),
  code: z.string().max(20).optional(),
});
export type CardSubmit = z.infer<typeof CardSubmitSchema>;

export type AdaptiveCard = { type: 'AdaptiveCard'; $schema: string; version: string; body: unknown[]; actions?: unknown[] };

// 1.4 is what Teams shows on desktop, web and mobile alike.
const card = (body: unknown[], actions: unknown[]): AdaptiveCard => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.4',
  body,
  actions,
});

const submit = (title: string, data: Pick<CardSubmit, 'portico' | 'actionId'>, style?: 'positive' | 'destructive') => ({
  type: 'Action.Submit',
  title,
  data,
  ...(style ? { style } : {}),
});

/** A TextRun shows its text as it is, never as Markdown: device and app names are the user's or an admin's words. */
const plainLine = (label: string, value: string) => ({
  type: 'RichTextBlock',
  inlines: [
    { type: 'TextRun', text: `${label}: `, weight: 'Bolder' },
    { type: 'TextRun', text: value },
  ],
});

function actionName(action: ActionView, lang: Language, asText: (text: string) => string = (text) => text): string {
  if (action.kind !== 'install') return t(lang, `assistant.action.${action.kind}`);
  return t(lang, 'assistant.install_named', { app: asText(action.appName ?? action.appId ?? '') });
}

function actionFacts(action: ActionView, lang: Language): unknown[] {
  return [
    { type: 'TextBlock', text: t(lang, 'chat.action.label'), weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: actionName(action, lang), weight: 'Bolder' }] },
    plainLine(t(lang, 'chat.action.device'), action.deviceName),
  ];
}

/** A new action request, to confirm or cancel. */
export function actionCard(action: ActionView, lang: Language): AdaptiveCard {
  return card(
    [...actionFacts(action, lang), plainLine(t(lang, 'chat.action.status'), t(lang, `chat.actionStatus.${action.status}`))],
    [
      submit(t(lang, 'chat.action.confirm'), { portico: 'confirm', actionId: action.id }, 'positive'),
      submit(t(lang, 'chat.action.cancel'), { portico: 'cancel', actionId: action.id }),
    ],
  );
}

/** The first action of a user without a saved phone: the number that receives the code. */
export function phoneCard(action: ActionView, lang: Language): AdaptiveCard {
  return card(
    [
      ...actionFacts(action, lang),
      { type: 'TextBlock', text: t(lang, 'chat.verify.phoneIntro'), wrap: true },
      {
        type: 'Input.Text',
        id: 'phone',
        style: 'Tel',
        label: t(lang, 'chat.verify.phoneLabel'),
        placeholder: t(lang, 'chat.verify.phoneHint'),
        maxLength: 40,
        isRequired: true,
        errorMessage: t(lang, 'chat.verify.phoneMissing'),
      },
    ],
    [submit(t(lang, 'chat.verify.sendCode'), { portico: 'phone', actionId: action.id }, 'positive'), submit(t(lang, 'chat.action.cancel'), { portico: 'cancel', actionId: action.id })],
  );
}

/** The code sent by text message, which starts the action. */
export function codeCard(action: ActionView, lang: Language): AdaptiveCard {
  return card(
    [
      ...actionFacts(action, lang),
      { type: 'TextBlock', text: t(lang, 'chat.verify.codeIntro'), wrap: true },
      {
        type: 'Input.Text',
        id: 'code',
        label: t(lang, 'chat.verify.codeLabel'),
        placeholder: t(lang, 'chat.verify.codeHint'),
        maxLength: 20,
        isRequired: true,
        regex: '^\\s*\\d{3}[\\s-]?\\d{3}\\s*$',
        errorMessage: t(lang, 'chat.verify.codeFormat'),
      },
    ],
    [submit(t(lang, 'chat.verify.verify'), { portico: 'verify', actionId: action.id }, 'positive'), submit(t(lang, 'chat.action.cancel'), { portico: 'cancel', actionId: action.id })],
  );
}

/** Statuses worth a line in the chat; the others are steps the cards show already. */
const TOLD_STATUSES = new Set<ActionView['status']>(['queued', 'running', 'succeeded', 'failed', 'expired', 'cancelled']);

/** An action's news as one Teams Markdown line, or undefined when its cards already say it. */
export function actionStatusLine(action: ActionView, lang: Language): string | undefined {
  if (!TOLD_STATUSES.has(action.status)) return undefined;
  const line = `**${actionName(action, lang, escapeMarkdown)}** · ${escapeMarkdown(action.deviceName)}: ${t(lang, `chat.actionStatus.${action.status}`)}`;
  return action.detail ? `${line}\n\n${escapeMarkdown(action.detail)}` : line;
}

/**
 * The portal's own links (`/kb/…`, `/tickets/…`) made absolute, since a Teams message is read outside the portal.
 * Only a link's target at the start of the parenthesis is rewritten, never text.
 */
export function absolutePortalLinks(markdown: string, portalUrl: string): string {
  const base = portalUrl.replace(/\/+$/, '');
  return markdown.replace(/\]\(\/(?!\/)/g, `](${base}/`);
}
