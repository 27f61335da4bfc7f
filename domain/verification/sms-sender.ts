import { AppError } from '../errors.js';

/** One text message; `to` is E.164 (see `parseMobilePhone`). */
export type SmsMessage = { tenantId: string; to: string; body: string };

/**
 * How the domain sends a text message, whichever transport is configured.
 *
 * `send` throws only two AppErrors, so callers need no knowledge of the provider:
 * `invalid_phone` when the provider says this number cannot receive the message (the user can fix it by
 * giving another number), `sms_failed` for everything else (credentials, network, provider down). Their
 * internal message says what happened and is safe to log: it never holds a credential or the body.
 * An `sms_failed` that a later try may not meet (the provider down or busy, a timeout) is an `SmsUnavailableError`.
 */
export interface SmsSender {
  readonly kind: 'twilio' | 'outbox';
  send(message: SmsMessage): Promise<void>;
}

/** `sms_failed` for a reason of the moment (provider 5xx or 429, timeout, network): the same text may go out a little later. */
export class SmsUnavailableError extends AppError {
  constructor(internalMessage: string) {
    super('sms_failed', internalMessage);
  }
}
