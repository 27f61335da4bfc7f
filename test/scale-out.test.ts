import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { claimActionDelivery, releaseActionDelivery } from '../db/repositories/action-requests.js';
import { UnnamedStatementsClient } from '../db/prepared-statements.js';
import { enrollAgent } from '../device-agent/enroll.js';
import { startAgent, type RunningAgent } from '../device-agent/agent.js';
import { ChatClient } from './support/chat-client.js';
import { TestCluster, type ClusterNode } from './support/cluster.js';
import { DEMO, HttpClient, loggedIn } from './support/http-client.js';
import { codeIn, latestSms } from './support/self-service.js';
import { postToSlackEndpoint } from './support/slack-api.js';

// Two Portico processes on one database (a PGlite served over TCP, standing in for PostgreSQL with pgvector) and one
// redis-server, started once for the whole file: each case reaches one node and checks what happens on the other.

let cluster: TestCluster;
let a: ClusterNode;
let b: ClusterNode;
const sockets: ChatClient[] = [];
const agents: RunningAgent[] = [];

/** The same signed-in session, sent to another node: sessions live in the shared database. */
function sameSessionOn(node: ClusterNode, http: HttpClient): HttpClient {
  const other = new HttpClient(node.port);
  other.setCookie('portico_session', http.cookie('portico_session')!);
  return other;
}

async function connect(node: ClusterNode, http: HttpClient, namespace?: string): Promise<ChatClient> {
  const client = await ChatClient.connect(node.port, sameSessionOn(node, http), namespace ? { namespace } : {});
  sockets.push(client);
  return client;
}

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const readyz = (node: ClusterNode) => new HttpClient(node.port).get('/readyz');

beforeAll(async () => {
  // The key that seals stored secrets, which nodes that share no directory must be given; a short node lease, so that
  // the devices of a killed node are given up within seconds.
  cluster = await TestCluster.start(2, { PORTICO_SECRET_KEY: 'cluster-key-for-stored-secrets-0123456789', PORTICO_NODE_LEASE_SECONDS: '3' });
  [a, b] = cluster.nodes as [ClusterNode, ClusterNode];
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await Promise.all(agents.map((agent) => agent.stop()));
  await cluster?.close();
}, 60_000);

describe('several nodes on one database and one Redis', () => {
  it('applies each migration and seeds the demo tenant once, whichever node gets there first; both serve the demo logins', async () => {
    const outputs = cluster.nodes.map((node) => node.output());
    // Each migration is applied under a lock of its own: the nodes may share the work, never do any of it twice.
    const applied = outputs.flatMap((output) =>
      output
        .split('\n')
        .filter((line) => line.includes('"msg":"database migrated"'))
        .flatMap((line) => (JSON.parse(line) as { applied: string[] }).applied),
    );
    const migrations = readdirSync(new URL('../db/migrations/', import.meta.url)).filter((file) => file.endsWith('.sql')).map((file) => file.replace(/\.sql$/, ''));
    expect([...applied].sort()).toEqual([...migrations].sort());
    expect(outputs.filter((output) => output.includes('demo knowledge base imported'))).toHaveLength(1);
    for (const node of cluster.nodes) expect((await loggedIn(node.port, DEMO.luc)).cookie('portico_session')).toBeDefined();
  });

  it("a user's widget on node A receives the technician's reply posted on node B", async () => {
    const anna = await loggedIn(a.port, DEMO.anna);
    const tech = await loggedIn(b.port, DEMO.tech);
    const widget = await connect(a, anna);
    const desk = await connect(b, tech, '/console');
    const { ack } = await widget.ask('Outlook continua a chiedermi la password');
    expect((await desk.emit('chat:join', { conversationId: ack.conversationId })).conversation.id).toBe(ack.conversationId);
    await widget.waitFor('chat:handoff', (p) => p.conversationId === ack.conversationId && p.technician !== null);

    const reply = await desk.emit('chat:send', { conversationId: ack.conversationId, text: 'Controllo il Suo account adesso.' });
    const heard = await widget.waitFor('chat:message', (p) => p.message.id === reply.messageId);
    expect(heard.message).toMatchObject({ role: 'technician', text: 'Controllo il Suo account adesso.', author: { name: 'Sam Torres' } });
    const answered = await widget.emit('chat:send', { conversationId: ack.conversationId, text: 'Grazie!' });
    expect((await desk.waitFor('chat:message', (p) => p.message.id === answered.messageId)).message.text).toBe('Grazie!');
    expect(await desk.emit('chat:leave', { conversationId: ack.conversationId })).toEqual({ ok: true });
  }, 60_000);

  it('a device agent connected to node B runs an action verified on node A exactly once, and its status reaches the user on both nodes', async () => {
    const tech = await loggedIn(a.port, DEMO.tech);
    const tom = await loggedIn(a.port, DEMO.tom);
    const contact = (await tech.get(`/api/v1/admin/contacts?q=${encodeURIComponent(DEMO.tom)}`)).body.contacts[0];
    const grant = await tech.post('/api/v1/admin/enrollment-tokens', { companyId: contact.companyId, contactId: contact.id });
    expect(grant.status).toBe(201);
    const enrolled = await enrollAgent({ server: a.url, token: grant.body.token, name: 'TOM-SCALE', platform: 'linux', osVersion: 'Debian 12', loggedInUser: 'tom' });
    const agent = await startAgent({ server: b.url, agentToken: enrolled.agentToken, simulate: true, platform: 'linux', simulatedRunMs: 50, logger: () => undefined });
    agents.push(agent);
    const received: { id: string; duplicate: boolean }[] = [];
    const runs: string[] = [];
    agent.events.on('command', (command, duplicate) => received.push({ id: command.commandId, duplicate }));
    agent.events.on('run', (command) => runs.push(command.commandId));
    await until(async () => (agent.connected ? true : undefined), 'the agent to connect to node B');

    expect((await tom.send('PUT', '/api/v1/me/phone', { json: { phone: '+44 7400 654321' } })).status).toBe(200);
    const onA = await connect(a, tom);
    const onB = await connect(b, tom);
    const created = await tom.post('/api/v1/selfservice/actions', { deviceId: enrolled.deviceId, kind: 'lock' });
    expect(created.status).toBe(201);
    const actionId = created.body.action.id as string;
    expect((await onA.emit('action:confirm', { actionId })).error).toBeUndefined();
    const code = codeIn((await latestSms(tech, '+447400654321')).body);
    expect((await onA.emit('action:verify', { actionId, code })).action.status).toBe('queued');

    for (const window of [onA, onB]) await window.waitFor('action:update', (p) => p.action.id === actionId && p.action.status === 'succeeded', 30_000);
    expect(runs).toEqual([actionId]);
    expect(received).toEqual([{ id: actionId, duplicate: false }]);

    // The agent flaps over to node A with a fresh memory: the finished action is not sent to it again.
    await agent.stop();
    const again = await startAgent({ server: a.url, agentToken: enrolled.agentToken, simulate: true, platform: 'linux', simulatedRunMs: 50, logger: () => undefined });
    agents.push(again);
    const resent: string[] = [];
    again.events.on('command', (command) => resent.push(command.commandId));
    await until(async () => (again.connected ? true : undefined), 'the agent to connect to node A');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(resent).toEqual([]);
  }, 60_000);

  it('an action waiting for its offline device is claimed by one node when several claim it at once, then runs once', async () => {
    const tech = await loggedIn(b.port, DEMO.tech);
    const anna = await loggedIn(b.port, DEMO.anna);
    const contact = (await tech.get(`/api/v1/admin/contacts?q=${encodeURIComponent(DEMO.anna)}`)).body.contacts[0];
    const grant = await tech.post('/api/v1/admin/enrollment-tokens', { companyId: contact.companyId, contactId: contact.id });
    const enrolled = await enrollAgent({ server: b.url, token: grant.body.token, name: 'ANNA-SCALE', platform: 'windows', osVersion: 'Windows 11', loggedInUser: 'anna' });
    expect((await anna.send('PUT', '/api/v1/me/phone', { json: { phone: '+39 312 765 4321' } })).status).toBe(200);
    const widget = await connect(b, anna);
    const created = await anna.post('/api/v1/selfservice/actions', { deviceId: enrolled.deviceId, kind: 'restart' });
    const actionId = created.body.action.id as string;
    await widget.emit('action:confirm', { actionId });
    const code = codeIn((await latestSms(tech, '+393127654321')).body);
    expect((await widget.emit('action:verify', { actionId, code })).action.status).toBe('queued');

    const nodes = [0, 1].map(() => new pg.Pool({ connectionString: cluster.databaseUrl, max: 4, Client: UnnamedStatementsClient }));
    try {
      const tenantId = (await nodes[0]!.query<{ tenant_id: string }>('SELECT tenant_id FROM action_requests WHERE id = $1', [actionId])).rows[0]!.tenant_id;
      // The node that verified it found no agent and let its claim go.
      await until(async () => {
        const { rows } = await nodes[0]!.query('SELECT 1 FROM action_requests WHERE id = $1 AND delivery_claimed_until IS NULL', [actionId]);
        return rows.length === 1 ? true : undefined;
      }, 'the first claim to be let go');
      const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => claimActionDelivery(nodes[i % 2]!, tenantId, actionId, 30)));
      const won = claims.filter(Boolean).length;
      // A node whose own delivery attempt came late (a loaded machine) may hold it again: then none of these may win.
      const heldByANode =
        won === 0 && (await nodes[0]!.query('SELECT 1 FROM action_requests WHERE id = $1 AND delivery_claimed_until > now()', [actionId])).rows.length === 1;
      expect(won + (heldByANode ? 1 : 0)).toBe(1);
      await releaseActionDelivery(nodes[0]!, tenantId, actionId);
    } finally {
      await Promise.all(nodes.map((pool) => pool.end()));
    }

    const agent = await startAgent({ server: a.url, agentToken: enrolled.agentToken, simulate: true, platform: 'windows', simulatedRunMs: 50, logger: () => undefined });
    agents.push(agent);
    const runs: string[] = [];
    agent.events.on('run', (command) => runs.push(command.commandId));
    await widget.waitFor('action:update', (p) => p.action.id === actionId && p.action.status === 'succeeded', 30_000);
    expect(runs).toEqual([actionId]);
  }, 60_000);

  it('a settings change made on node B reaches the widgets on node A and applies there at once', async () => {
    const luc = await loggedIn(a.port, DEMO.luc);
    const widget = await connect(a, luc);
    // A first message on node A: node A has read, and may keep, the tenant's settings.
    expect((await widget.emit('chat:send', { text: 'bonjour' })).error).toBeUndefined();
    const tech = await loggedIn(b.port, DEMO.tech);
    expect((await tech.patch('/api/v1/admin/settings', { sections: { assistant: { mode: 'off' } } })).status).toBe(200);
    try {
      const pushed = await widget.waitFor('settings:updated', (p) => p.sections.assistant === false);
      expect(pushed.sections).toMatchObject({ ticketing: true });
      expect((await widget.emit('chat:send', { text: 'encore là ?' })).error.code).toBe('section_disabled');
    } finally {
      expect((await tech.patch('/api/v1/admin/settings', { sections: { assistant: { mode: 'everyone' } } })).status).toBe(200);
    }
    await widget.waitFor('settings:updated', (p) => p.sections.assistant === true);
    expect((await widget.emit('chat:send', { text: 'et maintenant ?' })).error).toBeUndefined();
  }, 60_000);

  it("a tenant's Slack app changed on node B checks requests on node A with the new signing secret at once", async () => {
    const tech = await loggedIn(b.port, DEMO.tech);
    const urlCheck = JSON.stringify({ token: 'unused', type: 'url_verification', challenge: 'c-1' });
    const statusOnA = async (secret: string) => (await postToSlackEndpoint(a.port, urlCheck, { secret })).status;
    const first = await tech.patch('/api/v1/admin/chat-apps', { slack: { enabled: true, signingSecret: 'first-signing-secret', botToken: 'xoxb-cluster' } });
    expect(first.status).toBe(200);
    try {
      // Node A builds the tenant's app and keeps it.
      expect(await statusOnA('first-signing-secret')).toBe(200);
      expect((await tech.patch('/api/v1/admin/chat-apps', { slack: { signingSecret: 'second-signing-secret' } })).status).toBe(200);
      await until(async () => ((await statusOnA('second-signing-secret')) === 200 ? true : undefined), 'node A to take the new secret', 10_000);
      expect(await statusOnA('first-signing-secret')).toBe(401);
    } finally {
      await tech.patch('/api/v1/admin/chat-apps', { slack: { enabled: false } });
    }
  }, 60_000);

  it('counts wrong passwords for one username across nodes: a parallel burst over both gets the pair limit, no more', async () => {
    const attempts = Array.from({ length: 12 }, (_, i) =>
      new HttpClient(i % 2 === 0 ? a.port : b.port).send('POST', '/api/v1/auth/login', { json: { username: 'nobody@acmedental.example', password: `wrong-${i}` } }),
    );
    const statuses = (await Promise.all(attempts)).map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
  });

  it('/readyz names Redis while it is down, the node keeps serving its own sockets, and all is back by itself after Redis restarts', async () => {
    expect((await readyz(a)).body).toEqual({ status: 'ready', database: 'up', redis: 'up', queue: 'up' });
    const anna = await loggedIn(a.port, DEMO.anna);
    const tech = await loggedIn(a.port, DEMO.tech);
    const widget = await connect(a, anna);

    let conversationId: string | undefined;
    await cluster.redis.pause();
    // Redis comes back whatever happens here: the next cases need it.
    try {
      const down = await until(async () => {
        const answer = await readyz(a);
        return answer.status === 503 ? answer : undefined;
      }, '/readyz to say Redis is down');
      expect(down.body).toEqual({ status: 'unavailable', failing: ['redis', 'queue'], database: 'up', redis: 'down', queue: 'down' });
      expect((await new HttpClient(a.port).get('/healthz')).status).toBe(200);
      // The node's log travels through a pipe: it may arrive a moment after the answer.
      await until(async () => (a.output().includes('Redis unavailable') ? true : undefined), 'the node to log that Redis is unavailable');
      // Its own sockets still hear what this node does.
      const desk = await connect(a, tech, '/console');
      const { ack, answer } = await widget.ask('Come installo Zoom?');
      conversationId = ack.conversationId;
      expect(answer.message.role).toBe('assistant');
      await desk.emit('chat:join', { conversationId });
      const reply = await desk.emit('chat:send', { conversationId, text: 'Ci penso io.' });
      await widget.waitFor('chat:message', (p) => p.message.id === reply.messageId);
    } finally {
      await cluster.redis.resume();
    }
    for (const node of cluster.nodes) {
      await until(async () => ((await readyz(node)).status === 200 ? true : undefined), `node ${node.port} ready again`);
    }
    // Node B reaches node A's sockets again.
    const onB = await connect(b, tech, '/console');
    const again = await onB.emit('chat:send', { conversationId: conversationId!, text: 'Fatto, provi adesso.' });
    expect(again.error).toBeUndefined();
    await widget.waitFor('chat:message', (p) => p.message.id === again.messageId);
    await onB.emit('chat:leave', { conversationId: conversationId! });
  }, 60_000);

  it('while the database is stopped, requests and socket events get 503 unavailable and /readyz names it; all works again once it restarts', async () => {
    const luc = await loggedIn(a.port, DEMO.luc);
    const widget = await connect(a, luc);
    await cluster.stopDatabase();
    try {
      const down = await until(async () => {
        const answer = await readyz(a);
        return answer.status === 503 ? answer : undefined;
      }, '/readyz to say the database is down');
      expect(down.body).toEqual({ status: 'unavailable', failing: ['database'], database: 'down', redis: 'up', queue: 'up' });
      expect((await new HttpClient(a.port).get('/healthz')).status).toBe(200);
      const me = await luc.get('/api/v1/me');
      expect(me.status).toBe(503);
      expect(me.body.error.code).toBe('unavailable');
      expect(me.headers['retry-after']).toBe('5');
      expect((await widget.emit('chat:send', { text: 'allô ?' })).error.code).toBe('unavailable');
    } finally {
      await cluster.startDatabase();
    }
    for (const node of cluster.nodes) {
      await until(async () => ((await readyz(node)).status === 200 ? true : undefined), `node ${node.port} ready again`);
    }
    expect((await luc.get('/api/v1/me')).status).toBe(200);
    const { answer } = await widget.ask('Mon imprimante ne marche plus');
    expect(answer.message.role).toBe('assistant');
  }, 60_000);

  it('a node killed in the middle of a conversation loses no acknowledged message: the widget resumes it on the other node; the devices whose agents it held read offline there, the others stay online', async () => {
    const tech = await loggedIn(a.port, DEMO.tech);
    const tom = await loggedIn(b.port, DEMO.tom);
    const contact = (await tech.get(`/api/v1/admin/contacts?q=${encodeURIComponent(DEMO.tom)}`)).body.contacts[0];
    const agentOn = async (node: ClusterNode, name: string) => {
      const grant = await tech.post('/api/v1/admin/enrollment-tokens', { companyId: contact.companyId, contactId: contact.id });
      const enrolled = await enrollAgent({ server: a.url, token: grant.body.token, name, platform: 'linux', osVersion: 'Debian 12', loggedInUser: 'tom' });
      const agent = await startAgent({ server: node.url, agentToken: enrolled.agentToken, simulate: true, platform: 'linux', logger: () => undefined });
      agents.push(agent);
      await until(async () => (agent.connected ? true : undefined), `${name}'s agent to connect`);
      return enrolled.deviceId;
    };
    const onKilledNode = await agentOn(b, 'TOM-ON-B');
    const onLiveNode = await agentOn(a, 'TOM-ON-A');
    const online = async () => {
      const { devices } = (await sameSessionOn(a, tom).get('/api/v1/devices')).body as { devices: { id: string; online: boolean }[] };
      return new Map(devices.map((device) => [device.id, device.online]));
    };
    const before = await online();
    expect([before.get(onKilledNode), before.get(onLiveNode)]).toEqual([true, true]);

    const widget = await connect(b, tom);
    const first = await widget.ask('My printer is offline');
    const sent = await widget.emit('chat:send', { conversationId: first.ack.conversationId, text: 'It is the HP on the second floor' });
    expect(sent.error).toBeUndefined();
    b.child.kill('SIGKILL');

    const resumed = await connect(a, tom);
    const history = await resumed.waitFor('chat:history', (p) => p.conversation.id === first.ack.conversationId);
    const ids = history.conversation.messages.map((m: { id: string }) => m.id);
    expect(ids).toEqual(expect.arrayContaining([first.ack.messageId, first.answer.message.id, sent.messageId]));
    const next = await resumed.ask('Still offline', first.ack.conversationId);
    expect(next.answer.message.role).toBe('assistant');

    // The agent keeps calling the dead node; its device is given up once that node's lease ran out.
    await until(async () => ((await online()).get(onKilledNode) === false ? true : undefined), 'the device held by the killed node to read offline');
    expect((await online()).get(onLiveNode)).toBe(true);
  }, 60_000);
});
