import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { HttpClient } from './http-client.js';

/** One call of the Web API, with what it was answered. */
export type SlackCall = { method: string; args: Record<string, any>; token: string | undefined; result: Record<string, any> };

/** A Slack workspace member as `users.info` describes them. */
export type SlackMember = { email?: string; locale?: string; isBot?: boolean };

export const SLACK_TEAM = 'T0PORTICO';
export const SLACK_BOT_USER = 'U0BOT';
export const SLACK_APP_TOKEN = 'xapp-1-A0PORTICO-1-socket-mode-test';

/** What Portico answered on a Socket Mode connection to an envelope. */
export type SlackAck = { envelope_id: string; payload?: Record<string, any> };

const SOCKET_PATH = '/socket-mode/';

/**
 * Slack's Web API on a loopback port, as Portico's Bolt app calls it (`SLACK_API_URL`): it records every call
 * (`chat.postMessage`, `chat.update`, `views.open`, `users.info`, `auth.test`), answers each with what Slack would, and
 * lets a test wait for a call. It is Slack's Socket Mode too: `apps.connections.open` with one of `appTokens` (the
 * apps of the workspace, `SLACK_APP_TOKEN` first) answers the address of a WebSocket on the same port, which says
 * `hello`, carries the envelopes a test delivers (to one app's connections, or to the newest) and records acks.
 */
export class SlackApi {
  readonly calls: SlackCall[] = [];
  readonly members = new Map<string, SlackMember>();
  /** Every message Portico sent on a Socket Mode connection: its acknowledgements. */
  readonly acks: SlackAck[] = [];
  /** Errors the next calls of `apps.connections.open` answer, one each, before it gives addresses again. */
  readonly connectionErrors: string[] = [];
  /** The Socket Mode connections opened so far, the last one first to be used. */
  readonly sockets: WebSocket[] = [];
  /** The app-level tokens `apps.connections.open` accepts. */
  readonly appTokens = new Set([SLACK_APP_TOKEN]);
  /** The app-level token each connection was opened with, found by the ticket in its address. */
  private readonly socketTokens = new Map<WebSocket, string>();
  private readonly ticketTokens = new Map<string, string>();
  private server!: Server;
  private socketServer!: WebSocketServer;
  /** Envelopes not acknowledged yet: Slack sends them again on the app's next connection, as it does. */
  private unacked = new Map<string, { envelope: Record<string, unknown>; appToken: string | undefined }>();
  private ackWaiters: { envelopeId: string; resolve: (ack: SlackAck) => void }[] = [];
  private socketWaiters: { count: number; resolve: () => void }[] = [];
  private waiters: { test: (call: SlackCall) => boolean; resolve: (call: SlackCall) => void }[] = [];
  private clock = 1_800_000_000;
  port = 0;

  static async start(): Promise<SlackApi> {
    const api = new SlackApi();
    api.server = createServer((req, res) => {
      void api.read(req).then((call) => {
        const answer = api.answer(call);
        call.result = answer;
        api.calls.push(call);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
        for (const waiter of api.waiters.filter((w) => w.test(call))) {
          api.waiters = api.waiters.filter((w) => w !== waiter);
          waiter.resolve(call);
        }
      });
    });
    api.socketServer = new WebSocketServer({ server: api.server, path: SOCKET_PATH });
    api.socketServer.on('connection', (socket, req) => {
      const appToken = api.ticketTokens.get(new URL(req.url ?? '', 'ws://slack').searchParams.get('ticket') ?? '');
      if (appToken) api.socketTokens.set(socket, appToken);
      socket.on('message', (data) => {
        const ack = JSON.parse(data.toString()) as SlackAck;
        api.acks.push(ack);
        api.unacked.delete(ack.envelope_id);
        for (const waiter of api.ackWaiters.filter((w) => w.envelopeId === ack.envelope_id)) {
          api.ackWaiters = api.ackWaiters.filter((w) => w !== waiter);
          waiter.resolve(ack);
        }
      });
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0PORTICO' }, debug_info: { host: 'test' } }));
      api.sockets.push(socket);
      for (const { envelope, appToken: to } of api.unacked.values()) {
        if (to !== undefined && to !== appToken) continue;
        envelope.retry_attempt = (envelope.retry_attempt as number) + 1;
        envelope.retry_reason = 'timeout';
        socket.send(JSON.stringify(envelope));
      }
      for (const waiter of api.socketWaiters.filter((w) => api.sockets.length >= w.count)) {
        api.socketWaiters = api.socketWaiters.filter((w) => w !== waiter);
        waiter.resolve();
      }
    });
    await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve));
    api.port = (api.server.address() as AddressInfo).port;
    return api;
  }

  /** Waits until Portico has opened `count` Socket Mode connections in all (and been said hello on the last). */
  waitForSockets(count: number, timeoutMs = 30_000): Promise<void> {
    if (this.sockets.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.sockets.length} Socket Mode connections within ${timeoutMs} ms, not ${count}`)), timeoutMs);
      this.socketWaiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /**
   * Sends an envelope on the newest open connection (of the app whose token is `appToken`, when given) or the next one,
   * as Slack does: `events_api` with an Events API callback, `interactive` with a button press or a modal submission.
   * Answers its id.
   */
  deliver(
    type: 'events_api' | 'interactive',
    payload: Record<string, unknown>,
    { appToken, ...extra }: { retry_attempt?: number; retry_reason?: string; appToken?: string } = {},
  ): string {
    const envelopeId = randomUUID();
    const envelope = { envelope_id: envelopeId, type, payload, accepts_response_payload: type === 'interactive', retry_attempt: 0, retry_reason: '', ...extra };
    this.unacked.set(envelopeId, { envelope, appToken });
    this.sockets
      .findLast((s) => s.readyState === WebSocket.OPEN && (appToken === undefined || this.socketTokens.get(s) === appToken))
      ?.send(JSON.stringify(envelope));
    return envelopeId;
  }

  /** The acknowledgement of an envelope, once Portico sends it. */
  waitForAck(envelopeId: string, timeoutMs = 30_000): Promise<SlackAck> {
    const seen = this.acks.find((ack) => ack.envelope_id === envelopeId);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ack of ${envelopeId} within ${timeoutMs} ms`)), timeoutMs);
      this.ackWaiters.push({
        envelopeId,
        resolve: (ack) => {
          clearTimeout(timer);
          resolve(ack);
        },
      });
    });
  }

  /** How many Socket Mode connections are open now. */
  get openSockets(): number {
    return this.sockets.filter((s) => s.readyState === WebSocket.OPEN).length;
  }

  /** How many Socket Mode connections of the app whose token is `appToken` are open now. */
  openSocketsOf(appToken: string): number {
    return this.sockets.filter((s) => s.readyState === WebSocket.OPEN && this.socketTokens.get(s) === appToken).length;
  }

  /** The newest connection lost without a word, as a network fault does. */
  dropSocket(): void {
    this.sockets.findLast((s) => s.readyState === WebSocket.OPEN)?.terminate();
  }

  /** What Slack does every few hours: asks the client on the newest connection to reconnect, then closes it. */
  refreshSocket(): void {
    const socket = this.sockets.findLast((s) => s.readyState === WebSocket.OPEN);
    socket?.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'test' } }));
    socket?.close(1000);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A Slack timestamp, later than every one before it, as Slack's messages carry. */
  nextTs(): string {
    this.clock += 1;
    return `${this.clock}.000100`;
  }

  callsOf(method: string, test: (call: SlackCall) => boolean = () => true): SlackCall[] {
    return this.calls.filter((call) => call.method === method && test(call));
  }

  waitFor(method: string, test: (call: SlackCall) => boolean = () => true, timeoutMs = 30_000): Promise<SlackCall> {
    const seen = this.calls.find((call) => call.method === method && test(call));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} within ${timeoutMs} ms; got ${this.calls.map((c) => c.method).join(', ')}`)), timeoutMs);
      this.waiters.push({
        test: (call) => call.method === method && test(call),
        resolve: (call) => {
          clearTimeout(timer);
          resolve(call);
        },
      });
    });
  }

  /** The text of a thread as the user sees it: each message Portico posted in it, as last edited. */
  thread(channel: string, threadTs: string): { ts: string; text: string; blocks?: any[] }[] {
    const posted = this.callsOf('chat.postMessage', (c) => c.args.channel === channel && c.args.thread_ts === threadTs);
    return posted.map((post) => {
      const ts = post.result.ts as string;
      const edits = this.callsOf('chat.update', (c) => c.args.channel === channel && c.args.ts === ts);
      const last = edits.at(-1)?.args ?? post.args;
      return { ts, text: last.text as string, blocks: last.blocks as any[] | undefined };
    });
  }

  /** Waits until some message of the thread, as last edited, passes `test`. */
  async waitInThread(channel: string, threadTs: string, test: (text: string) => boolean, timeoutMs = 45_000): Promise<{ ts: string; text: string; blocks?: any[] }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.thread(channel, threadTs).find((message) => test(message.text));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`nothing in thread ${threadTs} passed; it holds ${JSON.stringify(this.thread(channel, threadTs))}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise((resolve) => this.socketServer.close(resolve));
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async read(req: IncomingMessage): Promise<SlackCall> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const args: Record<string, any> = req.headers['content-type']?.includes('json') ? JSON.parse(raw || '{}') : Object.fromEntries(new URLSearchParams(raw));
    // The Web API client sends structured arguments (blocks, views) as JSON inside the form.
    for (const key of ['blocks', 'view', 'attachments']) if (typeof args[key] === 'string') args[key] = JSON.parse(args[key] as string);
    const method = (req.url ?? '').replace(/^\/api\//, '').replace(/\?.*$/, '');
    return { method, args, token: req.headers.authorization?.replace(/^Bearer /, ''), result: {} };
  }

  private answer(call: SlackCall): Record<string, unknown> {
    switch (call.method) {
      case 'auth.test':
        return { ok: true, team_id: SLACK_TEAM, user_id: SLACK_BOT_USER, bot_id: 'B0BOT' };
      case 'chat.postMessage':
        return { ok: true, channel: call.args.channel, ts: this.nextTs() };
      case 'chat.update':
        return { ok: true, channel: call.args.channel, ts: call.args.ts };
      case 'views.open':
        return { ok: true, view: { id: 'V0MODAL' } };
      case 'apps.connections.open': {
        if (call.token === undefined || !this.appTokens.has(call.token)) return { ok: false, error: 'invalid_auth' };
        if (this.connectionErrors.length > 0) return { ok: false, error: this.connectionErrors.shift() };
        const ticket = randomUUID();
        this.ticketTokens.set(ticket, call.token);
        return { ok: true, url: `ws://127.0.0.1:${this.port}${SOCKET_PATH}?ticket=${ticket}` };
      }
      case 'users.info': {
        const member = this.members.get(call.args.user as string);
        if (!member) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: { id: call.args.user, is_bot: member.isBot ?? false, locale: member.locale, profile: member.email ? { email: member.email } : {} },
        };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

/** Slack's request signature: `v0=` HMAC-SHA256 of `v0:<timestamp>:<body>` with the app's signing secret. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Posts to Portico's Slack endpoint as Slack does: signed with `secret` at `timestamp` (now unless given), to `host`'s tenant. */
export async function postToSlackEndpoint(
  port: number,
  body: string,
  options: { secret: string; timestamp?: number; contentType?: string; signature?: string; headers?: Record<string, string>; host?: string },
): Promise<{ status: number; text: string }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const answer = await new HttpClient(port, options.host).send('POST', '/integrations/slack/events', {
    raw: body,
    headers: {
      'content-type': options.contentType ?? 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? slackSignature(options.secret, timestamp, body),
      ...options.headers,
    },
  });
  return { status: answer.status, text: answer.text };
}
