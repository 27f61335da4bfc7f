import type pg from 'pg';
import type { Logger } from 'pino';
import { deliverDueEmails, EMAIL_BATCH, type RetryPolicy } from '../../../domain/email/deliver-due-emails.js';
import type { EmailDispatch, EmailSender } from '../../../domain/email/email-transport.js';
import { purgeEmailOutbox } from '../../../domain/email/purge-email-outbox.js';
import type { JobQueue } from '../../jobs/job-queue.js';

const PURGE_EVERY_MS = 60 * 60 * 1000;

export type EmailDeliveryOptions = {
  pool: pg.Pool;
  logger: Logger;
  /** Absent without SMTP_URL: emails are then held in the outbox and only purged by age. */
  sender?: EmailSender & { close(): void };
  retry: RetryPolicy;
  /** Runs the rounds: a periodic one for the attempts that fell due, and one at once when an email is queued. */
  jobs: JobQueue;
  /** How often the outbox is looked at for attempts that fell due. */
  everyMs: number;
};

/**
 * Works the email outbox through the job queue: a round at once when an email is queued (`wake`), on whichever node
 * takes the job, and a periodic round for the retries that fall due. The outbox in the database is what lasts: a
 * claim keeps two nodes from sending one email. A round never overlaps another on this node; one asked for during a
 * round runs right after it. Logs name the email and the server's answer, never the text.
 */
export class EmailDelivery implements EmailDispatch {
  readonly transport: 'smtp' | 'outbox';
  private running: Promise<void> | undefined;
  private again = false;
  private lastPurge = 0;
  private stopped = false;

  constructor(private readonly options: EmailDeliveryOptions) {
    this.transport = options.sender ? 'smtp' : 'outbox';
    options.jobs.handle('email.deliver', () => this.deliver());
    options.jobs.repeat('email.deliver', options.everyMs);
  }

  wake(): void {
    if (this.stopped) return;
    // Without the queue (Redis away) this node sends what it queued itself.
    this.options.jobs.enqueue('email.deliver', {}).catch(() => this.deliver());
  }

  /** One round, or the one in progress with another right after it. */
  private deliver(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.round().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        void this.deliver();
      }
    });
    return this.running;
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
    await this.running;
    this.options.sender?.close();
  }
}
