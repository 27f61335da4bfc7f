import type { Logger } from 'pino';
import { CODE_POLICY } from '../../domain/verification/code-policy.js';
import { SmsUnavailableError, type SmsMessage, type SmsSender } from '../../domain/verification/sms-sender.js';
import { JOBS } from './job-definitions.js';
import { PermanentJobFailure, type JobQueue } from './job-queue.js';

/**
 * Sends at once, so a number the provider refuses is still the caller's `invalid_phone`; when the provider is down or
 * busy, the text goes to the job queue and is tried again with backoff (on any node) for as long as a code stays
 * valid, and the caller hears that it is on its way. When the queue cannot take it either, the caller gets
 * `sms_failed` as before.
 */
export function retryingSmsSender(sender: SmsSender, jobs: JobQueue, logger: Logger): SmsSender {
  jobs.handle('sms.send', async ({ notAfter, ...message }) => {
    if (Date.now() > notAfter) throw new PermanentJobFailure('the text lapsed before it could be sent');
    try {
      await sender.send(message);
    } catch (error) {
      if (error instanceof SmsUnavailableError) throw error;
      throw new PermanentJobFailure(error instanceof Error ? error.message : String(error));
    }
    logger.info({ tenantId: message.tenantId }, 'SMS sent on a later try');
  });
  return {
    kind: sender.kind,
    async send(message: SmsMessage) {
      try {
        await sender.send(message);
      } catch (error) {
        if (!(error instanceof SmsUnavailableError)) throw error;
        const payload = { ...message, notAfter: Date.now() + CODE_POLICY.validSeconds * 1000 };
        await jobs.enqueue('sms.send', payload, { delayMs: JOBS['sms.send'].retry.firstDelayMs }).catch(() => {
          throw error;
        });
        logger.warn({ tenantId: message.tenantId, reason: error.message }, 'SMS send failed, will retry');
      }
    },
  };
}
