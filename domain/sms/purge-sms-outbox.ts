import { deleteOldOutboxSms } from '../../db/repositories/sms-outbox.js';
import type { Queryable } from '../../db/transaction.js';

/**
 * How long the outbox keeps a text message. The messages hold verification codes and temporary passwords in clear, so
 * they are kept only as long as a demo or a test needs to read them; a code is void after 10 minutes anyway.
 */
export const SMS_OUTBOX_KEPT_HOURS = 24;
export const SMS_OUTBOX_KEPT_SECONDS = SMS_OUTBOX_KEPT_HOURS * 3600;

/** Deletes the outbox messages past their time, of every tenant; the expiry sweeper runs it. */
export function purgeSmsOutbox(q: Queryable): Promise<number> {
  return deleteOldOutboxSms(q, SMS_OUTBOX_KEPT_SECONDS);
}
