import type pg from 'pg';
import { insertOutboxSms } from '../../../db/repositories/sms-outbox.js';
import { AppError } from '../../../domain/errors.js';
import type { SmsMessage, SmsSender } from '../../../domain/verification/sms-sender.js';

/** Keeps messages in `sms_outbox` when no provider is configured, so an admin can read them out for a bounded time (`SMS_OUTBOX_KEPT_HOURS`). */
export class OutboxSmsSender implements SmsSender {
  readonly kind = 'outbox';

  constructor(private readonly pool: pg.Pool) {}

  async send(message: SmsMessage): Promise<void> {
    try {
      await insertOutboxSms(this.pool, message.tenantId, { to: message.to, body: message.body });
    } catch (error) {
      throw new AppError('sms_failed', 'could not store the SMS in the outbox', { cause: error });
    }
  }
}
