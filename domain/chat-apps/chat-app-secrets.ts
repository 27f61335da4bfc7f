import type { ChatAppsRow } from '../../db/repositories/chat-apps.js';

/** The stored secrets of the chat apps, by the name the console and the audit log use. */
export const SECRET_FIELDS = {
  'slack.signingSecret': 'slack_signing_secret_sealed',
  'slack.botToken': 'slack_bot_token_sealed',
  'slack.appToken': 'slack_app_token_sealed',
  'teams.appPassword': 'teams_app_password_sealed',
} as const satisfies Record<string, keyof ChatAppsRow>;
export type SecretField = keyof typeof SECRET_FIELDS;

/** Each sealed value is bound to its tenant and field, so it cannot be copied into another row or column. */
export function chatAppSealingContext(tenantId: string, field: SecretField): string {
  return `chat-apps:${tenantId}:${field}`;
}

/** Slack's default Web API, as for the environment's app. */
export const SLACK_API_DEFAULT = 'https://slack.com/api/';
