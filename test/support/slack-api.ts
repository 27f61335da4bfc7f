import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpClient } from './http-client.js';

/** One call of the Web API, with what it was answered. */
export type SlackCall = { method: string; args: Record<string, any>; token: string | undefined; result: Record<string, any> };

/** A Slack workspace member as `users.info` describes them. */
export type SlackMember = { email?: string; locale?: string; isBot?: boolean };

export const SLACK_TEAM = 'T0PORTICO';
export const SLACK_BOT_USER = 'U0BOT';

/**
 * Slack's Web API on a loopback port, as Portico's Bolt app calls it (`SLACK_API_URL`): it records every call
 * (`chat.postMessage`, `chat.update`, `views.open`, `users.info`, `auth.test`), answers each with what Slack would, and
 * lets a test wait for a call.
 */
export class SlackApi {
  readonly calls: SlackCall[] = [];
  readonly members = new Map<string, SlackMember>();
  private server!: Server;
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
    await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve));
    api.port = (api.server.address() as AddressInfo).port;
    return api;
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

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
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
