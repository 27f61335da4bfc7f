import { claimDueEmails, markEmailAttemptFailed, markEmailSent } from '../../db/repositories/outbound-emails.js';
import type { Queryable } from '../../db/transaction.js';
import type { EmailSender } from './email-transport.js';

/** Attempts per email before it is given up and shown as failed. */
export const EMAIL_MAX_ATTEMPTS = 6;
/** Longer than an SMTP exchange may take (see the transport's timeouts), so a send in progress is never started twice. */
const SEND_LEASE_SECONDS = 120;
const MAX_RETRY_SECONDS = 6 * 3600;

export type RetryPolicy = {
  /** The wait after the first failure; each further failure waits four times longer, up to six hours. */
  firstRetrySeconds: number;
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = { firstRetrySeconds: 60 };

/** Seconds until the next attempt after `attempts` failed ones, or null when the email is given up. */
export function retryDelaySeconds(attempts: number, policy: RetryPolicy): number | null {
  if (attempts >= EMAIL_MAX_ATTEMPTS) return null;
  return Math.min(MAX_RETRY_SECONDS, policy.firstRetrySeconds * 4 ** (attempts - 1));
}

/** Emails sent per round; a full round asks for another at once. */
export const EMAIL_BATCH = 10;

export type DeliveryOutcome = { id: string; tenantId: string; sent: boolean; attempts: number; error?: string; givenUp?: boolean };

/**
 * One round of delivery: claims the emails due, sends each, and records the result, a later attempt with backoff, or
 * the end of the attempts. Any node may run it: a claim takes an email away from the others for the send's duration.
 */
export async function deliverDueEmails(q: Queryable, sender: EmailSender, policy: RetryPolicy, batch = EMAIL_BATCH): Promise<DeliveryOutcome[]> {
  const due = await claimDueEmails(q, batch, SEND_LEASE_SECONDS);
  const outcomes: DeliveryOutcome[] = [];
  for (const email of due) {
    const attempts = email.attempts + 1;
    try {
      await sender.send({
        from: { name: email.from_name, address: email.from_address },
        to: email.to_address,
        subject: email.subject,
        text: email.text,
        messageId: email.message_id ?? undefined,
        inReplyTo: email.in_reply_to ?? undefined,
        replyTo: email.reply_to ?? undefined,
        autoSubmitted: email.kind === 'auto_reply' ? 'auto-replied' : 'auto-generated',
      });
      await markEmailSent(q, email.id);
      outcomes.push({ id: email.id, tenantId: email.tenant_id, sent: true, attempts });
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const retryIn = retryDelaySeconds(attempts, policy);
      await markEmailAttemptFailed(q, email.id, message, retryIn);
      outcomes.push({ id: email.id, tenantId: email.tenant_id, sent: false, attempts, error: message, givenUp: retryIn === null });
    }
  }
  return outcomes;
}
