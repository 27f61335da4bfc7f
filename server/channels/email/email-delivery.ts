import type pg from 'pg';
import type { Logger } from 'pino';
import { deliverDueEmails, EMAIL_BATCH, type RetryPolicy } from '../../../domain/email/deliver-due-emails.js';
import type { EmailDispatch, EmailSender } from '../../../domain/email/email-transport.js';
import { purgeEmailOutbox } from '../../../domain/email/purge-email-outbox.js';

const PURGE_EVERY_MS = 60 * 60 * 1000;

export type EmailDeliveryOptions = {
  pool: pg.Pool;
  logger: Logger;
  /** Absent without SMTP_URL: emails are then held in the outbox and only purged by age. */
  sender?: EmailSender & { close(): void };
  retry: RetryPolicy;
  /** How often the queue is looked at for attempts that fell due. */
  everyMs: number;
};

/**
 * Works the email queue: at once when an email is queued (`wake`), and in rounds for the retries that fall due. A round
 * never overlaps another on this node; one asked for during a round runs right after it. Logs name the email and the
 * server's answer, never the text.
 */
export class EmailDelivery implements EmailDispatch {
  readonly transport: 'smtp' | 'outbox';
  private readonly timer: NodeJS.Timeout;
  private running: Promise<void> | undefined;
  private again = false;
  private lastPurge = 0;
  private stopped = false;

  constructor(private readonly options: EmailDeliveryOptions) {
    this.transport = options.sender ? 'smtp' : 'outbox';
    this.timer = setInterval(() => this.wake(), options.everyMs);
    this.timer.unref();
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.round().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async round(): Promise<void> {
    const { pool, logger, sender } = this.options;
    if (sender) {
      try {
        const outcomes = await deliverDueEmails(pool, sender, this.options.retry);
        // A full batch may have left more due behind it.
        if (outcomes.length === EMAIL_BATCH) this.again = true;
        for (const outcome of outcomes) {
          if (outcome.sent) logger.info({ emailId: outcome.id, attempts: outcome.attempts }, 'email sent');
          else if (outcome.givenUp) logger.error({ emailId: outcome.id, attempts: outcome.attempts, reason: outcome.error }, 'email given up');
          else logger.warn({ emailId: outcome.id, attempts: outcome.attempts, reason: outcome.error }, 'email send failed, will retry');
        }
      } catch (error) {
        logger.error({ reason: error instanceof Error ? error.message : String(error) }, 'email delivery round failed');
      }
    }
    if (Date.now() - this.lastPurge >= PURGE_EVERY_MS) {
      this.lastPurge = Date.now();
      await purgeEmailOutbox(pool).catch((error: unknown) => logger.error({ err: error }, 'purging the email outbox failed'));
    }
  }

  /** Stops the rounds and waits for one in progress, so the database can close under it. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
    this.options.sender?.close();
  }
}
