import type pg from 'pg';
import type { Config } from '../../../config/env.js';
import type { SmsSender } from '../../../domain/verification/sms-sender.js';
import { OutboxSmsSender } from './outbox-sms-sender.js';
import { TwilioSmsSender } from './twilio-sms-sender.js';

/** Twilio when it is fully configured; otherwise the outbox, so verification still works in a demo. */
export function createSmsSender(config: Pick<Config, 'twilio'>, pool: pg.Pool): SmsSender {
  const { accountSid, authToken, from, apiUrl } = config.twilio;
  if (accountSid && authToken && from) return new TwilioSmsSender({ accountSid, authToken, from, apiUrl });
  return new OutboxSmsSender(pool);
}
