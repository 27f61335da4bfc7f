import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { io, type Socket } from 'socket.io-client';
import { loadConfig } from '../config/env.js';
import { createLogger } from '../config/logger.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { seedDemoTenant } from '../db/seed/demo-tenant.js';
import { startAgent, type RunningAgent } from '../device-agent/agent.js';
import { AGENT_NAMESPACE, type Command } from '../device-agent/protocol.js';
import { ENROLLMENT_TOKEN_LIMITS } from '../domain/devices/device-schemas.js';
import { startPortico, type RunningPortico } from '../server/start.js';
import { ChatClient } from '../test/support/chat-client.js';
import { DEMO, HttpClient, loggedIn } from '../test/support/http-client.js';
import { codeIn, latestSms, resetSmsAllowance } from '../test/support/self-service.js';
import { exitOf, spawnPortico, type SpawnedPortico } from '../test/support/spawn-portico.js';
import type { BenchRow } from './report.js';
import { summarize } from './stats.js';

const PHONE = '+44 7400 123456';
const PHONE_E164 = '+447400123456';
const CONCURRENT_ACTIONS = 100;
const SEQUENTIAL_ACTIONS = 20;
const ENROLL_CONCURRENCY = 20;
const CONNECT_IN_FLIGHT = 200;
const SETTLE_MS = 10_000;
/** The device agent's default heartbeat period. */
const HEARTBEAT_MS = 30_000;

type ActionBody = { action: { id: string; status: string } };
type Prepared = { actionId: string; code: string; deviceIndex: number };
type Enrolled = { deviceId: string; agentToken: string; name: string };

const progress = (line: string) => process.stderr.write(`  self-service: ${line}\n`);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const round = (x: number) => Math.round(x * 100) / 100;

/** A data directory with the demo tenant (without the KB import, which this bench does not need). */
async function prepareDataDir(): Promise<string> {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'portico-bench-selfservice-')), 'data');
  const db = await openDatabase({ dataDir });
  try {
    await migrate(db.pool);
    await seedDemoTenant(db.pool, 'portal.localhost');
  } finally {
    await db.close();
  }
  return dataDir;
}

function copyOf(template: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'portico-bench-selfservice-')), 'data');
  cpSync(template, dir, { recursive: true });
  return dir;
}

function expectStatus(answer: { status: number; text: string }, status: number, what: string): void {
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status} ${answer.text.slice(0, 300)}`);
}

/**
 * Tom signed in with a phone, the technician signed in, and enrollment tokens that assign `devices` devices to Tom: a
 * token enrolls at most `ENROLLMENT_TOKEN_LIMITS.maxUses` devices, so a large run takes several.
 */
async function setUpTom(port: number, devices: number): Promise<{ tech: HttpClient; tom: HttpClient; enrollmentTokens: string[] }> {
  const tech = await loggedIn(port, DEMO.tech);
  const tom = await loggedIn(port, DEMO.tom);
  const found = await tech.get('/api/v1/admin/contacts?q=tom');
  expectStatus(found, 200, 'contact search');
  const contact = (found.body as { contacts: { id: string; username: string; companyId: string }[] }).contacts.find((c) => c.username === DEMO.tom);
  if (!contact) throw new Error('Tom is not in the contact search');
  expectStatus(await tom.send('PUT', '/api/v1/me/phone', { json: { phone: PHONE } }), 200, 'PUT /me/phone');
  const enrollmentTokens: string[] = [];
  for (let left = devices; left > 0; left -= ENROLLMENT_TOKEN_LIMITS.maxUses) {
    const maxUses = Math.min(left, ENROLLMENT_TOKEN_LIMITS.maxUses);
    const token = await tech.post('/api/v1/admin/enrollment-tokens', { companyId: contact.companyId, contactId: contact.id, maxUses, validDays: 1 });
    expectStatus(token, 201, 'enrollment token');
    enrollmentTokens.push((token.body as { token: string }).token);
  }
  return { tech, tom, enrollmentTokens };
}

/** Enrolls `count` devices over HTTP, `concurrency` at a time, each token for as many as it allows in turn; answers each device's id and agent token, and each enrollment's latency. */
async function enrollDevices(
  port: number,
  tokens: string[],
  count: number,
  concurrency: number,
): Promise<{ devices: Enrolled[]; latencies: number[]; seconds: number }> {
  const devices: Enrolled[] = new Array(count);
  const latencies: number[] = [];
  const width = String(count - 1).length;
  let next = 0;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      const client = new HttpClient(port);
      while (next < count) {
        const i = next++;
        const name = `BENCH-${String(i).padStart(width, '0')}`;
        const t0 = performance.now();
        const token = tokens[Math.floor(i / ENROLLMENT_TOKEN_LIMITS.maxUses)];
        const answer = await client.post('/api/v1/agents/enroll', { token, name, os: 'windows', agentVersion: 'bench', loggedInUser: 'tom' });
        latencies.push(performance.now() - t0);
        expectStatus(answer, 201, `enroll ${name}`);
        const body = answer.body as { deviceId: string; agentToken: string };
        devices[i] = { deviceId: body.deviceId, agentToken: body.agentToken, name };
        if (++done % 1000 === 0) progress(`enrolled ${done}/${count}`);
      }
    }),
  );
  return { devices, latencies, seconds: (performance.now() - started) / 1000 };
}

/** Creates and confirms one action on a device as Tom, and reads its code from the SMS outbox as the technician. */
async function prepareAction(tech: HttpClient, tom: HttpClient, device: { deviceId: string; name: string }): Promise<{ actionId: string; code: string; createMs: number; confirmMs: number }> {
  let t0 = performance.now();
  const created = await tom.post('/api/v1/selfservice/actions', { deviceId: device.deviceId, kind: 'lock' });
  const createMs = performance.now() - t0;
  expectStatus(created, 201, `action on ${device.name}`);
  const actionId = (created.body as ActionBody).action.id;
  t0 = performance.now();
  const confirmed = await tom.post(`/api/v1/actions/${actionId}/confirm`);
  const confirmMs = performance.now() - t0;
  expectStatus(confirmed, 200, `confirm on ${device.name}`);
  if ((confirmed.body as { needsPhone: boolean }).needsPhone) throw new Error('Tom has no phone');
  const sms = await latestSms(tech, PHONE_E164);
  if (!sms.body.includes(device.name)) throw new Error(`the newest SMS is not for ${device.name}: "${sms.body}"`);
  return { actionId, code: codeIn(sms.body), createMs, confirmMs };
}

/** The soft limit on open files of this process, as `ulimit -n` says it; the server, its child, inherits it. */
function openFileLimit(): string {
  const match = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
  return match?.[1] ?? 'unknown';
}

/** The server's resident memory in KB, from /proc. */
function rssKb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]);
}

// The capacity server runs with --expose-gc and this handler, so its memory is read after a full collection rather
// than with whatever garbage enrollment left (an RSS read without it once fell by 130 MB while agents connected).
const GC_ON_SIGNAL = `--expose-gc --import=data:text/javascript,${encodeURIComponent(
  "process.on('SIGUSR2',()=>{globalThis.gc();process.stdout.write('BENCH_MEM:'+JSON.stringify(process.memoryUsage())+'\\n')})",
)}`;

type Memory = { rss: number; heapUsed: number; external: number; arrayBuffers: number };

/** Collects the server's garbage and answers its memory in KB: process.memoryUsage() right after, and VmRSS a second later. */
async function memoryAfterGc(server: SpawnedPortico): Promise<Memory & { vmRss: number }> {
  const from = server.output().length;
  server.child.kill('SIGUSR2');
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline) {
    const match = /BENCH_MEM:(\{[^\n]*\})/.exec(server.output().slice(from));
    if (match) {
      const memory = JSON.parse(match[1]!) as Memory;
      await sleep(1_000);
      const kb = (bytes: number) => Math.round(bytes / 1024);
      return { rss: kb(memory.rss), heapUsed: kb(memory.heapUsed), external: kb(memory.external), arrayBuffers: kb(memory.arrayBuffers), vmRss: rssKb(server.child.pid!) };
    }
    await sleep(50);
  }
  throw new Error('the server did not report its memory within 30 s of SIGUSR2');
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  const exited = await Promise.race([exitOf(child).then(() => true), sleep(30_000).then(() => false)]);
  if (!exited) {
    progress('server did not exit within 30 s of SIGTERM: killing it');
    child.kill('SIGKILL');
    await exitOf(child);
  }
}

/** Warnings and errors the server logged, for the report. */
function problemLines(lines: string[]): string[] {
  return lines.filter((line) => /"level":(40|50|60)/.test(line));
}

/**
 * Setup for verify → command, in process so the sending allowance can be reset between confirmations: Tom gets a
 * phone, `count` devices are enrolled to him, and each gets one action confirmed, its code read from the SMS outbox.
 */
async function prepareVerifiedRun(dataDir: string, count: number): Promise<{ devices: Enrolled[]; prepared: Prepared[] }> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString());
      callback();
    },
  });
  const config = loadConfig({ PORT: '0', PORTICO_DATA_DIR: dataDir, PORTICO_DEMO_AGENTS: 'false', LOG_LEVEL: 'warn' });
  const portico: RunningPortico = await startPortico(config, createLogger('warn', sink), { host: '127.0.0.1' });
  try {
    const { tech, tom, enrollmentTokens } = await setUpTom(portico.port, count);
    const { devices } = await enrollDevices(portico.port, enrollmentTokens, count, 10);
    progress(`enrolled ${devices.length} devices; creating and confirming one action on each`);
    const prepared: Prepared[] = [];
    for (const [i, device] of devices.entries()) {
      // Setup, not a test of the sending allowance (one code per 30 s per user): it is reset before each confirmation.
      await resetSmsAllowance(portico.db.pool);
      const { actionId, code } = await prepareAction(tech, tom, device);
      prepared.push({ actionId, code, deviceIndex: i });
    }
    return { devices, prepared };
  } finally {
    await portico.close();
    const problems = problemLines(logs);
    if (problems.length > 0) progress(`in-process server logged ${problems.length} warnings/errors, first: ${problems.slice(0, 3).join(' | ')}`);
  }
}

/** Asks GET /healthz (no database) every `everyMs` until stopped: how long the server's event loop keeps a request waiting. */
function probeHealth(port: number, everyMs: number): { stop(): Promise<number[]> } {
  const client = new HttpClient(port);
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      await client.get('/healthz');
      latencies.push(performance.now() - t0);
      await sleep(everyMs);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return latencies;
    },
  };
}

/**
 * Verify → command: Tom verifies 100 actions at once over his /portal socket, each for its own device with its own
 * simulated agent (startAgent, simulate: true, in this process); the server runs as its own process. From just before
 * each `action:verify` emit to the agent's `command` event, and to Tom's window hearing `succeeded`. The same one at a
 * time first, for scale.
 */
async function benchVerifyToCommand(dataDir: string): Promise<BenchRow[]> {
  const total = 1 + SEQUENTIAL_ACTIONS + CONCURRENT_ACTIONS;
  const { devices, prepared } = await prepareVerifiedRun(dataDir, total);
  const warmUp = prepared.slice(0, 1);
  const sequential = prepared.slice(1, 1 + SEQUENTIAL_ACTIONS);
  const concurrent = prepared.slice(1 + SEQUENTIAL_ACTIONS);

  const server: SpawnedPortico = await spawnPortico(dataDir, { LOG_LEVEL: 'warn', PORTICO_DEMO_AGENTS: 'false' });
  const agents: RunningAgent[] = [];
  let chat: ChatClient | undefined;
  const rows: BenchRow[] = [];
  try {
    // Which agent received which command, and when.
    const expectedDevice = new Map(prepared.map((p) => [p.actionId, p.deviceIndex]));
    const commandAt = new Map<string, number>();
    let duplicates = 0;
    let wrongDevice = 0;
    const onCommand = (deviceIndex: number) => (command: Command, duplicate: boolean) => {
      if (duplicate) duplicates++;
      if (duplicate || commandAt.has(command.commandId)) return;
      commandAt.set(command.commandId, performance.now());
      if (expectedDevice.get(command.commandId) !== deviceIndex) wrongDevice++;
    };
    for (const [i, device] of devices.entries()) {
      const agent = await startAgent({
        server: `http://127.0.0.1:${server.port}`,
        agentToken: device.agentToken,
        simulate: true,
        platform: 'windows',
        loggedInUser: 'tom',
        logger: () => undefined,
        heartbeatMs: 30_000,
        simulatedRunMs: 0,
      });
      agent.events.on('command', onCommand(i));
      agents.push(agent);
    }
    const connectDeadline = performance.now() + 30_000;
    while (agents.some((a) => !a.connected)) {
      if (performance.now() > connectDeadline) throw new Error(`${agents.filter((a) => !a.connected).length} agents did not connect within 30 s`);
      await sleep(50);
    }
    // Let the server finish each connection's handling (device seen, backlog) before anything is measured.
    await sleep(1_000);
    progress(`${agents.length} simulated agents connected to the spawned server`);

    chat = await ChatClient.connect(server.port, await loggedIn(server.port, DEMO.tom));
    const succeededAt = new Map<string, number>();
    chat.socket.on('action:update', (payload: ActionBody) => {
      if (payload.action.status === 'succeeded' && !succeededAt.has(payload.action.id)) succeededAt.set(payload.action.id, performance.now());
    });

    const measure = async (batch: Prepared[], oneAtATime: boolean) => {
      const sentAt = new Map<string, number>();
      const ackMs: number[] = [];
      let refused = 0;
      const verify = (p: Prepared) => {
        const t0 = performance.now();
        sentAt.set(p.actionId, t0);
        return chat!.emit('action:verify', { actionId: p.actionId, code: p.code }, 30_000).then((ack: { error?: { code: string } }) => {
          ackMs.push(performance.now() - t0);
          if (ack.error) {
            refused++;
            progress(`verify refused: ${ack.error.code}`);
          }
        });
      };
      const allDone = async (ids: string[], timeoutMs: number) => {
        const deadline = performance.now() + timeoutMs;
        while (ids.some((id) => !commandAt.has(id) || !succeededAt.has(id)) && performance.now() < deadline) await sleep(2);
      };
      if (oneAtATime) {
        for (const p of batch) {
          await verify(p);
          await allDone([p.actionId], 10_000);
        }
      } else {
        await Promise.all(batch.map(verify));
        await allDone(
          batch.map((p) => p.actionId),
          30_000,
        );
      }
      const toCommand: number[] = [];
      const toSucceeded: number[] = [];
      for (const p of batch) {
        const t0 = sentAt.get(p.actionId)!;
        const received = commandAt.get(p.actionId);
        const succeeded = succeededAt.get(p.actionId);
        if (received !== undefined) toCommand.push(received - t0);
        if (succeeded !== undefined) toSucceeded.push(succeeded - t0);
      }
      return { toCommand, toSucceeded, ackMs, refused };
    };

    await measure(warmUp, true);
    progress(`measuring: ${SEQUENTIAL_ACTIONS} action:verify one at a time`);
    const single = await measure(sequential, true);
    progress(`measuring: ${CONCURRENT_ACTIONS} action:verify at once`);
    const health = probeHealth(server.port, 10);
    await sleep(100);
    const burst = await measure(concurrent, false);
    const healthMs = await health.stop();

    const n = CONCURRENT_ACTIONS;
    rows.push({
      group: 'self-service',
      name: `action:verify → agent command, ${n} concurrent (ms)`,
      ...summarize(burst.toCommand),
      errors: n - burst.toCommand.length + burst.refused,
      value: `${burst.toCommand.length}/${n} received`,
      target: 'informative: p95 < 100',
    });
    rows.push({ group: 'self-service', name: `action:verify ack, ${n} concurrent (ms)`, ...summarize(burst.ackMs), errors: burst.refused, target: '—' });
    rows.push({
      group: 'self-service',
      name: `action:verify → user sees succeeded (simulatedRunMs 0), ${n} concurrent (ms)`,
      ...summarize(burst.toSucceeded),
      errors: n - burst.toSucceeded.length,
      value: `${burst.toSucceeded.length}/${n} succeeded`,
      target: '—',
    });
    rows.push({
      group: 'self-service',
      name: `GET /healthz every 10 ms during the ${n} verifies (ms)`,
      ...summarize(healthMs),
      value: 'event-loop stall of the server',
      target: '—',
    });
    rows.push({
      group: 'self-service',
      name: 'action:verify → agent command, one at a time (ms)',
      ...summarize(single.toCommand),
      errors: SEQUENTIAL_ACTIONS - single.toCommand.length + single.refused,
      target: '—',
    });
    rows.push({
      group: 'self-service',
      name: 'action:verify → user sees succeeded (simulatedRunMs 0), one at a time (ms)',
      ...summarize(single.toSucceeded),
      errors: SEQUENTIAL_ACTIONS - single.toSucceeded.length,
      target: '—',
    });
    if (duplicates > 0 || wrongDevice > 0) progress(`commands delivered again: ${duplicates}; to the wrong device: ${wrongDevice}`);
  } finally {
    chat?.close();
    await Promise.all(agents.map((agent) => agent.stop()));
    await stopChild(server.child);
    const problems = problemLines(server.output().split('\n'));
    if (problems.length > 0) progress(`server logged ${problems.length} warnings/errors, first: ${problems.slice(0, 3).join(' | ')}`);
  }
  return rows;
}

type BenchAgent = { socket: Socket; commands: Map<string, number> };

/** A bare agent connection: the handshake and acknowledgement of a real agent, nothing else (no heartbeats, no updates). */
function connectBareAgent(port: number, token: string): Promise<BenchAgent> {
  const socket = io(`http://127.0.0.1:${port}${AGENT_NAMESPACE}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: 60_000,
    auth: { token, agentVersion: 'bench' },
  });
  const agent: BenchAgent = { socket, commands: new Map() };
  socket.on('command', (command: Command, ack?: (answer: unknown) => void) => {
    if (!agent.commands.has(command.commandId)) agent.commands.set(command.commandId, performance.now());
    ack?.({ received: true });
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(agent));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/**
 * How many agents one node holds, and what each costs it: the server in its own process, N devices enrolled over
 * HTTP (PORTICO_BENCH_AGENTS, 10,000 by default), then N bare agent sockets from this process (socket.io-client with
 * the agent's handshake, not startAgent: 10,000 full agents would weigh on this process, not the server's); the
 * server's memory after a full GC before and after, a command to a random agent idle and under the agents' heartbeats.
 */
async function benchAgentCapacity(dataDir: string): Promise<BenchRow[]> {
  const count = Number(process.env.PORTICO_BENCH_AGENTS ?? 10_000);
  if (!Number.isInteger(count) || count < 1) throw new Error(`PORTICO_BENCH_AGENTS must be a positive whole number, got ${process.env.PORTICO_BENCH_AGENTS}`);
  const rows: BenchRow[] = [];
  const server: SpawnedPortico = await spawnPortico(dataDir, { LOG_LEVEL: 'warn', PORTICO_DEMO_AGENTS: 'false', NODE_OPTIONS: GC_ON_SIGNAL });
  const pid = server.child.pid!;
  const rssStart = (await memoryAfterGc(server)).vmRss;
  progress(`${count} agents (${count} sockets on each side; open file limit ${openFileLimit()}); server RSS at start ${Math.round(rssStart / 1024)} MB`);
  const limit = Number(openFileLimit());
  if (limit < count + 500) progress(`warning: an open file limit of ${limit} leaves too few descriptors for ${count} agents in each process`);
  const agents: BenchAgent[] = [];
  let chat: ChatClient | undefined;
  try {
    const { tech, tom, enrollmentTokens } = await setUpTom(server.port, count);
    progress(`enrolling ${count} devices, ${ENROLL_CONCURRENCY} at a time`);
    const enrolled = await enrollDevices(server.port, enrollmentTokens, count, ENROLL_CONCURRENCY);
    rows.push({
      group: 'agents',
      name: `enroll over HTTP, ${ENROLL_CONCURRENCY} concurrent (ms)`,
      ...summarize(enrolled.latencies),
      rps: Math.round(enrolled.latencies.length / enrolled.seconds),
      target: '—',
    });

    // One action made ready before the load (sending its code is not what is measured), verified once all are connected.
    const target = Math.floor(Math.random() * count);
    const ready = await prepareAction(tech, tom, enrolled.devices[target]!);
    const readyAt = performance.now();

    await sleep(5_000);
    const before = await memoryAfterGc(server);
    const rssBefore = before.vmRss;
    progress(`server RSS after enrollment ${Math.round(rssBefore / 1024)} MB; connecting ${count} bare agents, ${CONNECT_IN_FLIGHT} in flight`);

    const connectMs: number[] = [];
    let failed = 0;
    let firstError: string | undefined;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: Math.min(CONNECT_IN_FLIGHT, count) }, async () => {
        while (next < count) {
          const i = next++;
          const t0 = performance.now();
          try {
            agents[i] = await connectBareAgent(server.port, enrolled.devices[i]!.agentToken);
            connectMs.push(performance.now() - t0);
          } catch (error) {
            failed++;
            firstError ??= error instanceof Error ? error.message : String(error);
          }
          const done = connectMs.length + failed;
          if (done % 1000 === 0) progress(`connected ${connectMs.length}/${count}${failed ? `, ${failed} failed` : ''}, RSS ${Math.round(rssKb(pid) / 1024)} MB`);
        }
      }),
    );
    const connectSeconds = (performance.now() - started) / 1000;
    if (firstError) progress(`first connect error: ${firstError}`);
    rows.push({
      group: 'agents',
      name: `bare agent socket connect, ${CONNECT_IN_FLIGHT} in flight (ms)`,
      ...summarize(connectMs),
      rps: Math.round(connectMs.length / connectSeconds),
      errors: failed,
      target: '—',
    });

    progress(`settling ${SETTLE_MS / 1000} s`);
    await sleep(SETTLE_MS);
    const connected = agents.filter((a) => a?.socket.connected).length;
    const after = await memoryAfterGc(server);
    const rssAfter = after.vmRss;
    const perAgentKb = round((rssAfter - rssBefore) / Math.max(1, connected));
    rows.push({
      group: 'agents',
      name: 'connected agents on one node (bare socket.io-client sockets, not startAgent)',
      errors: count - connected,
      value: `${connected}/${count} connected`,
      target: '10,000',
    });
    rows.push({
      group: 'agents',
      name: 'server RSS per connected agent (KB)',
      value: `${perAgentKb} KB/agent (RSS after GC: at start ${Math.round(rssStart / 1024)} MB, enrolled ${Math.round(rssBefore / 1024)} MB, with ${connected} agents ${Math.round(rssAfter / 1024)} MB)`,
      target: '≤ 50 KB/agent',
    });
    const perAgent = (field: keyof Memory) => round((after[field] - before[field]) / Math.max(1, connected));
    rows.push({
      group: 'agents',
      name: 'server JS heap used + external per connected agent (KB)',
      value: `heap ${perAgent('heapUsed')} + external ${perAgent('external')} KB/agent (heap after GC ${Math.round(before.heapUsed / 1024)} → ${Math.round(after.heapUsed / 1024)} MB)`,
      target: '—',
    });

    // A command to a random agent at that load, and how quickly a plain request is answered meanwhile.
    chat = await ChatClient.connect(server.port, tom);
    const commandTo = async (action: { actionId: string; code: string }, index: number, name: string): Promise<BenchRow> => {
      let t0 = performance.now();
      const probe = await tech.get('/api/v1/admin/contacts?q=tom');
      const probeMs = performance.now() - t0;
      expectStatus(probe, 200, 'contact search at load');
      const agent = agents[index];
      let commandMs: number | undefined;
      let ackMs: number | undefined;
      let problem: string | undefined;
      try {
        if (!agent?.socket.connected) throw new Error('the target agent is not connected');
        t0 = performance.now();
        const ack = (await chat!.emit('action:verify', { actionId: action.actionId, code: action.code }, 30_000)) as { error?: { code: string } };
        ackMs = performance.now() - t0;
        if (ack.error) throw new Error(`verify refused: ${ack.error.code}`);
        const deadline = performance.now() + 30_000;
        while (!agent.commands.has(action.actionId) && performance.now() < deadline) await sleep(2);
        const received = agent.commands.get(action.actionId);
        if (received === undefined) throw new Error('no command within 30 s');
        commandMs = received - t0;
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
        progress(`command at load: ${problem}`);
      }
      const stillConnected = agents.filter((a) => a?.socket.connected).length;
      return {
        group: 'agents',
        name,
        ...(commandMs === undefined ? {} : summarize([commandMs])),
        errors: commandMs === undefined ? 1 : 0,
        value: `${problem ?? 'received'}; verify ack ${ackMs === undefined ? '—' : Math.round(ackMs)} ms; contact search ${Math.round(probeMs)} ms; ${stillConnected} still connected`,
        target: '—',
      };
    };
    rows.push(await commandTo(ready, target, `action:verify → command to a random agent, ${connected} connected, idle (ms)`));

    // Real agents send a heartbeat every 30 s, each one a database write: the same rate from the bare sockets, each
    // agent once at a random moment of one period, with a second command to another random agent in the middle.
    progress(`heartbeats: each of ${connected} agents sends agent:heartbeat once in ${HEARTBEAT_MS / 1000} s (the agent's default period)`);
    const beatMs: number[] = [];
    let beatErrors = 0;
    const beats: Promise<void>[] = [];
    const timers = agents
      .filter((a) => a?.socket.connected)
      .map((a) =>
        setTimeout(() => {
          const t0 = performance.now();
          beats.push(
            new Promise<void>((resolve) => {
              a.socket.timeout(10_000).emit('agent:heartbeat', { loggedInUser: 'tom' }, (error: Error | null, answer?: { ok?: boolean }) => {
                if (error || answer?.ok !== true) beatErrors++;
                else beatMs.push(performance.now() - t0);
                resolve();
              });
            }),
          );
        }, Math.random() * HEARTBEAT_MS),
      );
    const health = probeHealth(server.port, 100);
    const phaseStarted = performance.now();
    await sleep(HEARTBEAT_MS / 3);
    // The sending allowance is one code per 30 s: the second code waits for it if the run was that quick.
    const wait = readyAt + 31_000 - performance.now();
    if (wait > 0) await sleep(wait);
    const second = Math.floor(Math.random() * count);
    let secondRow: BenchRow;
    try {
      const action = await prepareAction(tech, tom, enrolled.devices[second]!);
      secondRow = await commandTo(action, second, `action:verify → command to a random agent, ${connected} connected, heartbeats on (ms)`);
      secondRow.value += `; before it, POST action ${Math.round(action.createMs)} ms, confirm ${Math.round(action.confirmMs)} ms`;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      secondRow = { group: 'agents', name: `action:verify → command to a random agent, ${connected} connected, heartbeats on (ms)`, errors: 1, value: message.slice(0, 120), target: '—' };
    }
    const left = HEARTBEAT_MS - (performance.now() - phaseStarted);
    if (left > 0) await sleep(left);
    await Promise.all(beats);
    for (const timer of timers) clearTimeout(timer);
    const healthMs = await health.stop();
    const beatSeconds = (performance.now() - phaseStarted) / 1000;
    rows.push({
      group: 'agents',
      name: `agent:heartbeat ack, ${connected} agents each every ${HEARTBEAT_MS / 1000} s (ms)`,
      ...summarize(beatMs),
      rps: Math.round(beatMs.length / beatSeconds),
      errors: beatErrors,
      target: '—',
    });
    rows.push({ group: 'agents', name: 'GET /healthz every 100 ms during the heartbeats (ms)', ...summarize(healthMs), value: 'event-loop stall of the server', target: '—' });
    rows.push(secondRow);
  } finally {
    chat?.close();
    progress('stopping the server and closing the agent sockets');
    await stopChild(server.child);
    for (const agent of agents) agent?.socket.close();
    const problems = problemLines(server.output().split('\n'));
    if (problems.length > 0) progress(`server logged ${problems.length} warnings/errors, first: ${problems.slice(0, 3).join(' | ')}`);
  }
  return rows;
}

export async function benchSelfService(): Promise<BenchRow[]> {
  const template = await prepareDataDir();
  const dirs = [copyOf(template), copyOf(template)];
  try {
    return [...(await benchVerifyToCommand(dirs[0]!)), ...(await benchAgentCapacity(dirs[1]!))];
  } finally {
    for (const dir of [template, ...dirs]) rmSync(join(dir, '..'), { recursive: true, force: true });
  }
}
