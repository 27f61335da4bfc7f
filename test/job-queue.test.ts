import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { enrollAgent } from '../device-agent/enroll.js';
import { ChatClient } from './support/chat-client.js';
import { TestCluster, type ClusterNode } from './support/cluster.js';
import { DEMO, HttpClient, loggedIn } from './support/http-client.js';
import { codeIn } from './support/self-service.js';

// Two Portico processes sharing one database and one Redis, with Twilio configured against a local Twilio whose
// answers each case scripts: the background jobs (periodic rounds, SMS retries) run on BullMQ, once across the nodes.

type Sms = { to: string; body: string; status: number };

/** Answers Twilio's Messages API: the statuses queued in `next` first, then 201. */
class LocalTwilio {
  readonly received: Sms[] = [];
  readonly next: number[] = [];
  private server: Server | undefined;

  static async start(): Promise<LocalTwilio> {
    const twilio = new LocalTwilio();
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        const status = twilio.next.shift() ?? 201;
        twilio.received.push({ to: form.get('To') ?? '', body: form.get('Body') ?? '', status });
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify(
            status === 201
              ? { sid: `SM${'0'.repeat(32)}`, status: 'queued', to: form.get('To') }
              : { code: 20500, message: 'Service unavailable', more_info: 'https://www.twilio.com/docs/errors/20500', status },
          ),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    twilio.server = server;
    return twilio;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  to(phone: string): Sms[] {
    return this.received.filter((sms) => sms.to === phone);
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

let twilio: LocalTwilio;
let cluster: TestCluster;
let a: ClusterNode;
let b: ClusterNode;
const sockets: ChatClient[] = [];

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function sameSessionOn(node: ClusterNode, http: HttpClient): HttpClient {
  const other = new HttpClient(node.port);
  other.setCookie('portico_session', http.cookie('portico_session')!);
  return other;
}

async function connect(node: ClusterNode, http: HttpClient): Promise<ChatClient> {
  const client = await ChatClient.connect(node.port, sameSessionOn(node, http));
  sockets.push(client);
  return client;
}

/** A device of the user's that no agent serves, with a phone saved and an action on it waiting for its code. */
async function actionAwaitingCode(node: ClusterNode, login: string, phone: string, name: string) {
  const tech = await loggedIn(node.port, DEMO.tech);
  const user = await loggedIn(node.port, login);
  const contact = (await tech.get(`/api/v1/admin/contacts?q=${encodeURIComponent(login)}`)).body.contacts[0];
  const grant = await tech.post('/api/v1/admin/enrollment-tokens', { companyId: contact.companyId, contactId: contact.id });
  const enrolled = await enrollAgent({ server: node.url, token: grant.body.token, name, platform: 'linux', osVersion: 'Debian 12', loggedInUser: name });
  expect((await user.send('PUT', '/api/v1/me/phone', { json: { phone } })).status).toBe(200);
  const created = await user.post('/api/v1/selfservice/actions', { deviceId: enrolled.deviceId, kind: 'lock' });
  expect(created.status).toBe(201);
  return { user, actionId: created.body.action.id as string };
}

/** The job runs a node logged (`LOG_LEVEL=debug`): each run of a periodic job carries its tick in its id. */
function runsOf(job: string): { node: number; id: string }[] {
  return cluster.nodes.flatMap((node, index) =>
    node
      .output()
      .split('\n')
      .filter((line) => line.includes('"msg":"job done"') && line.includes(`"job":"${job}"`))
      .map((line) => ({ node: index, id: (JSON.parse(line) as { id: string }).id })),
  );
}

beforeAll(async () => {
  twilio = await LocalTwilio.start();
  cluster = await TestCluster.start(2, {
    LOG_LEVEL: 'debug',
    PORTICO_ACTION_EXPIRY_SECONDS: '5',
    TWILIO_ACCOUNT_SID: `AC${'0123456789abcdef'.repeat(2)}`,
    TWILIO_AUTH_TOKEN: 'f00dfacef00dfacef00dfacef00dface',
    TWILIO_FROM: '+15005550006',
    TWILIO_API_URL: twilio.url,
  });
  [a, b] = cluster.nodes as [ClusterNode, ClusterNode];
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await cluster?.close();
  await twilio?.close();
}, 60_000);

describe('background jobs on a queue shared by two nodes', () => {
  it('/readyz names the queue', async () => {
    for (const node of cluster.nodes) {
      expect((await new HttpClient(node.port).get('/readyz')).body).toEqual({ status: 'ready', database: 'up', redis: 'up', queue: 'up' });
    }
  });

  it('runs each tick of a periodic job on one node only: an overdue action expires once, told once to each window', async () => {
    const { user, actionId } = await actionAwaitingCode(a, DEMO.anna, '+39 312 765 4321', 'ANNA-QUEUE');
    const onA = await connect(a, user);
    const onB = await connect(b, user);
    expect((await onA.emit('action:confirm', { actionId })).error).toBeUndefined();
    const sms = await until(() => twilio.to('+393127654321').find((m) => m.status === 201), 'the code');
    expect((await onA.emit('action:verify', { actionId, code: codeIn(sms.body) })).action.status).toBe('queued');

    // No agent serves the device: after 5 s the request expires.
    for (const window of [onA, onB]) await window.waitFor('action:update', (p) => p.action.id === actionId && p.action.status === 'expired', 20_000);
    const ticksBefore = runsOf('actions.expire').length;
    await until(() => (runsOf('actions.expire').length >= ticksBefore + 3 ? true : undefined), 'three more ticks');

    for (const window of [onA, onB]) {
      expect(window.events.filter((e) => e.event === 'action:update' && e.payload.action.id === actionId && e.payload.action.status === 'expired')).toHaveLength(1);
    }
    const tech = await loggedIn(b.port, DEMO.tech);
    const audit = await tech.get(`/api/v1/admin/audit?action=action.expired&entityId=${actionId}`);
    expect(audit.body.total).toBe(1);
    const expiredLines = cluster.nodes.map((node) => node.output().split('\n').filter((line) => line.includes('action requests expired')).length);
    expect(expiredLines.reduce((sum, count) => sum + count, 0)).toBe(1);
    // One run per tick across both nodes: no tick twice.
    const runs = runsOf('actions.expire');
    const ticks = runs.map((run) => Number(/@(\d+)$/.exec(run.id)![1]));
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(runs.length).toBeGreaterThanOrEqual(5);
  }, 60_000);

  it('tries an SMS again after Twilio answers 503: the user is told it is on its way, and one text arrives', async () => {
    const { user, actionId } = await actionAwaitingCode(a, DEMO.tom, '+44 7400 654321', 'TOM-QUEUE');
    const widget = await connect(a, user);
    twilio.next.push(503);
    const confirmed = await widget.emit('action:confirm', { actionId });
    expect(confirmed.error).toBeUndefined();
    expect(confirmed.action.status).toBe('awaiting_code');

    const delivered = await until(() => twilio.to('+447400654321').find((m) => m.status === 201), 'the retried SMS');
    expect(twilio.to('+447400654321').map((m) => m.status)).toEqual([503, 201]);
    expect((await widget.emit('action:verify', { actionId, code: codeIn(delivered.body) })).action.status).toBe('queued');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(twilio.to('+447400654321')).toHaveLength(2);
  }, 60_000);

  it('a retry queued on node A, killed -9 before it runs, is run by node B', async () => {
    const { user, actionId } = await actionAwaitingCode(a, DEMO.luc, '+33 6 12 34 56 78', 'LUC-QUEUE');
    const widget = await connect(a, user);
    twilio.next.push(503);
    expect((await widget.emit('action:confirm', { actionId })).error).toBeUndefined();
    a.child.kill('SIGKILL');

    const delivered = await until(() => twilio.to('+33612345678').find((m) => m.status === 201), 'node B to send the SMS');
    expect(twilio.to('+33612345678').map((m) => m.status)).toEqual([503, 201]);
    // Node B logs it once Twilio answered; the log travels through a pipe and may come a moment later.
    await until(() => (b.output().includes('SMS sent on a later try') ? true : undefined), 'node B to log the later try');
    const onB = await connect(b, sameSessionOn(b, user));
    expect((await onB.emit('action:verify', { actionId, code: codeIn(delivered.body) })).action.status).toBe('queued');
  }, 60_000);
});
