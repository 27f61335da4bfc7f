import type twilio from 'twilio';
import { AppError } from '../../../domain/errors.js';
import { SmsUnavailableError, type SmsMessage, type SmsSender } from '../../../domain/verification/sms-sender.js';

export type TwilioSmsOptions = {
  accountSid: string;
  authToken: string;
  /** A sending number, or a Messaging Service SID (MG…) that lets Twilio pick the number. */
  from: string;
  /** Replaces Twilio's HTTP client (tests point it at a local server); it carries its own timeout. */
  httpClient?: twilio.RequestClient;
  /** Another base URL than `https://api.twilio.com` (`TWILIO_API_URL`: a proxy, or a test's local Twilio). */
  apiUrl?: string;
};

const TWILIO_API = 'https://api.twilio.com';

// Twilio's default is 30 s; someone is waiting for the code, and should hear sooner that it did not go out.
const TIMEOUT_MS = 10_000;

// The refusals another number can fix; any other Twilio error is ours or theirs, not the user's.
const UNREACHABLE_NUMBER: Partial<Record<number, string>> = {
  21211: 'invalid To number',
  21408: 'region not enabled for this account',
  21610: 'recipient unsubscribed with STOP',
  21612: 'cannot route to this number',
  21614: 'not a mobile number',
};

/** Both of Twilio's exception classes (RestException, and the RFC 9457 one it does not export) carry these. */
type TwilioAnswer = { status: number; code?: unknown };

function isTwilioAnswer(error: unknown): error is TwilioAnswer {
  return error instanceof Error && typeof (error as Partial<TwilioAnswer>).status === 'number';
}

/**
 * Built from codes and statuses only: Twilio's text and the transport's error (whose request config holds the
 * Authorization header and the form body) could carry the token or the message, so neither is kept as cause.
 */
function toSmsError(error: unknown): AppError {
  if (isTwilioAnswer(error)) {
    const code = typeof error.code === 'number' ? error.code : undefined;
    const reason = code === undefined ? undefined : UNREACHABLE_NUMBER[code];
    if (reason) return new AppError('invalid_phone', `Twilio refused the number: error ${code}, ${reason}`);
    const detail = code === undefined ? '' : `, error ${code}`;
    const message = `Twilio refused the SMS: HTTP ${error.status}${detail}`;
    return error.status >= 500 || error.status === 429 ? new SmsUnavailableError(message) : new AppError('sms_failed', message);
  }
  const transport = error as { code?: unknown; name?: unknown };
  const what = typeof transport.code === 'string' ? transport.code : typeof transport.name === 'string' ? transport.name : 'unknown error';
  return new SmsUnavailableError(`Twilio could not be reached: ${what}`);
}

/** Twilio's own client, its requests to api.twilio.com sent to `apiUrl` instead. */
function redirectedClient(RequestClient: typeof twilio.RequestClient, apiUrl: string): twilio.RequestClient {
  const Redirected = class extends RequestClient {
    override request<TData>(opts: Parameters<twilio.RequestClient['request']>[0] & { data?: TData }) {
      return super.request({ ...opts, uri: opts.uri.replace(TWILIO_API, apiUrl) });
    }
  };
  return new Redirected({ timeout: TIMEOUT_MS });
}

export class TwilioSmsSender implements SmsSender {
  readonly kind = 'twilio';
  private readonly client: Promise<twilio.Twilio>;
  private readonly sender: { from: string } | { messagingServiceSid: string };

  constructor(options: TwilioSmsOptions) {
    // Loaded with the first Twilio sender: the library adds half a second to the start of every server without one.
    this.client = import('twilio').then(({ default: create }) => {
      const { apiUrl } = options;
      const httpClient = options.httpClient ?? (apiUrl ? redirectedClient(create.RequestClient, apiUrl.replace(/\/$/, '')) : undefined);
      return create(options.accountSid, options.authToken, { httpClient, timeout: TIMEOUT_MS });
    });
    this.sender = options.from.startsWith('MG') ? { messagingServiceSid: options.from } : { from: options.from };
  }

  async send(message: SmsMessage): Promise<void> {
    try {
      await (await this.client).messages.create({ to: message.to, body: message.body, ...this.sender });
    } catch (error) {
      throw toSmsError(error);
    }
  }
}
