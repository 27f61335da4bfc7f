import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import { AppError } from '../../../domain/errors.js';
import { SmsUnavailableError } from '../../../domain/verification/sms-sender.js';
import { TwilioSmsSender } from './twilio-sms-sender.js';

const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
const AUTH_TOKEN = 'f00dfacef00dfacef00dfacef00dface';
const BODY = 'Portico code 482913. Never share it.';
const MESSAGE = { tenantId: '00000000-0000-4000-8000-000000000001', to: '+393331234567', body: BODY };

type Received = { method: string; path: string; authorization: string | undefined; form: URLSearchParams };
type Responder = (req: IncomingMessage, res: ServerResponse) => void;

/** Twilio's own client, with its requests to api.twilio.com sent to the local server instead. */
class LocalRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    // Bounds the test of a provider that never answers.
    super({ timeout: 500 });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    return super.request({ ...opts, uri: opts.uri.replace('https://api.twilio.com', this.baseUrl) });
  }
}

function json(status: number, body: unknown): Responder {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
}

function twilioError(status: number, code: number, message: string): Responder {
  return json(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

describe('TwilioSmsSender against a local Twilio API', () => {
  let server: Server;
  let baseUrl: string;
  let received: Received[] = [];
  let respond: Responder;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({
          method: req.method ?? '',
          path: req.url ?? '',
          authorization: req.headers.authorization,
          form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
        });
        respond(req, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    received = [];
    respond = json(201, { sid: 'SM0123456789abcdef0123456789abcdef', status: 'queued', to: MESSAGE.to });
  });

  const sender = (from = '+15005550006') =>
    new TwilioSmsSender({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from, httpClient: new LocalRequestClient(baseUrl) });

  async function failure(): Promise<AppError> {
    const error = await sender().send(MESSAGE).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(received).toHaveLength(1);
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.message).not.toContain(AUTH_TOKEN);
    expect(appError.message).not.toContain(BODY);
    expect(appError.message).not.toContain('482913');
    // A cause would reach the logs whole, and the transport's holds the request.
    expect(appError.cause).toBeUndefined();
    return appError;
  }

  it('posts To, From and Body to the account’s Messages resource with Basic auth', async () => {
    await sender().send(MESSAGE);
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
    expect(request!.authorization).toBe(`Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`);
    expect(Object.fromEntries(request!.form)).toEqual({ To: '+393331234567', From: '+15005550006', Body: BODY });
  });

  it('sends to TWILIO_API_URL instead of api.twilio.com when it is set', async () => {
    await new TwilioSmsSender({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: '+15005550006', apiUrl: `${baseUrl}/` }).send(MESSAGE);
    expect(received.map((r) => r.path)).toEqual([`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`]);
  });

  it('sends through a Messaging Service when TWILIO_FROM is an MG… SID', async () => {
    const service = 'MG0123456789abcdef0123456789abcdef';
    await sender(service).send(MESSAGE);
    expect(Object.fromEntries(received[0]!.form)).toEqual({ To: '+393331234567', MessagingServiceSid: service, Body: BODY });
  });

  it.each([
    [400, 21211, "The 'To' number +1555 is not a valid phone number."],
    [400, 21614, "'To' number is not a valid mobile number"],
    [400, 21612, "The 'To' phone number is not currently reachable using the 'From' phone number via SMS."],
    [400, 21408, 'Permission to send an SMS has not been enabled for the region indicated by the \'To\' number: +39333.'],
    [400, 21610, 'Attempt to send to unsubscribed recipient'],
  ])('HTTP %i with error %i: invalid_phone, the user can give another number', async (status, code, text) => {
    respond = twilioError(status, code, text);
    const error = await failure();
    expect(error.code).toBe('invalid_phone');
    expect(error.status).toBe(400);
    expect(error.message).toContain(String(code));
    expect(error).not.toBeInstanceOf(SmsUnavailableError);
  });

  it.each([
    [401, 20003, 'Authenticate'],
    [404, 20404, 'The requested resource /2010-04-01/Accounts/AC.../Messages.json was not found'],
    [400, 21606, "The 'From' phone number provided is not a valid message-capable Twilio phone number for this destination."],
    [429, 20429, 'Too Many Requests'],
  ])('HTTP %i with error %i: sms_failed, worth another try only when Twilio is busy', async (status, code, text) => {
    respond = twilioError(status, code, text);
    const error = await failure();
    expect(error.code).toBe('sms_failed');
    expect(error.status).toBe(502);
    expect(error.message).toContain(`HTTP ${status}, error ${code}`);
    expect(error instanceof SmsUnavailableError).toBe(status === 429);
  });

  it('a provider error that echoes the token and the body leaves both out', async () => {
    respond = twilioError(400, 21211, `bad To for ${AUTH_TOKEN}: ${BODY}`);
    expect((await failure()).code).toBe('invalid_phone');
  });

  it('an RFC 9457 problem (Twilio’s newer error format) maps the same way', async () => {
    respond = json(400, { type: 'https://www.twilio.com/docs/errors/21211', title: 'Invalid To', status: 400, code: 21211, detail: 'bad number' });
    expect((await failure()).code).toBe('invalid_phone');
  });

  it('an HTML 500: sms_failed', async () => {
    respond = (_req, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<html><body>Internal Server Error</body></html>');
    };
    const error = await failure();
    expect(error.code).toBe('sms_failed');
    expect(error.message).toContain('HTTP 500');
    expect(error).toBeInstanceOf(SmsUnavailableError);
  });

  it('a connection closed without an answer: sms_failed', async () => {
    respond = (req) => req.socket.destroy();
    const error = await failure();
    expect(error.code).toBe('sms_failed');
    expect(error.message).toMatch(/could not be reached: ECONNRESET/);
    expect(error).toBeInstanceOf(SmsUnavailableError);
  });

  it('a provider that never answers: sms_failed once the client times out', async () => {
    respond = () => undefined;
    const started = Date.now();
    const error = await failure();
    expect(error.code).toBe('sms_failed');
    expect(error.message).toMatch(/could not be reached: ECONNABORTED/);
    expect(error).toBeInstanceOf(SmsUnavailableError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
