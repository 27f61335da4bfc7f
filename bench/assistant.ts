import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { seedDemo } from '../server/demo-seed.js';
import { createKnowledgeBase } from '../server/knowledge-base.js';
import { insertContact } from '../db/repositories/principals.js';
import { createLlmEngine } from '../assistant/llm-engine/create-llm-engine.js';
import type { AssistantEngine, TurnInput } from '../assistant/engine.js';
import type { ToolDeps } from '../tools/tool.js';
import { ASSISTANT_TOOLS } from '../tools/index.js';
import { canonicalUsername } from '../domain/auth/canonical-username.js';
import { startSession } from '../domain/auth/sessions.js';
import { startScriptedOpenAiServer } from '../test/support/scripted-openai-server.js';
import { exitOf, spawnPortico, type SpawnedPortico } from '../test/support/spawn-portico.js';
import type { BenchRow } from './report.js';
import { percentile, summarize } from './stats.js';

const LEVELS = [1, 50, 200];
// Faster than anyone types: a new message 0.5 to 1.5 s after each answer.
const HUMAN_PAUSE_MS = () => 500 + Math.random() * 1000;

/** CPU time (user + system) a process has used so far, in ms; Linux. */
export function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}
const TURNS_PER_CONVERSATION = 10;
// Each round is a new conversation of ten turns: one conversation alone needs several for its p95 to mean something.
const LOCAL_ROUNDS = 10;
// Rounds measured at 50 and 200 conversations, after the warm-up round.
const LOADED_ROUNDS = 3;
export const LOCAL_QUESTIONS = [
  'my printer does not print',
  'how do I set up the VPN from home?',
  'Outlook keeps asking for my password',
  'mon wifi se déconnecte tout le temps',
  'Teams Mikrofon funktioniert nicht',
  'no puedo abrir archivos de SharePoint',
  'come faccio a condividere una cartella OneDrive?',
  'what is the status of ticket 1000?',
  'show my tickets',
  'hello',
];

/** A data directory with the demo tenant and `count` extra portal users, each with a session token. */
export async function prepareUsers(count: number): Promise<{ dataDir: string; tokens: string[] }> {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'portico-bench-chat-')), 'data');
  const db = await openDatabase({ dataDir });
  try {
    await migrate(db.pool);
    await seedDemo(createKnowledgeBase(db.pool), 'portal.localhost');
    const { rows } = await db.pool.query<{ tenant_id: string; company_id: string; password_hash: string }>(
      `SELECT tenant_id, company_id, password_hash FROM contacts WHERE username = 'tom.baker@acmedental.example'`,
    );
    const tom = rows[0]!;
    const tokens: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = await insertContact(db.pool, tom.tenant_id, {
        companyId: tom.company_id,
        name: `Bench User ${i}`,
        email: canonicalUsername(`bench${i}@acmedental.example`),
        username: canonicalUsername(`bench${i}@acmedental.example`),
        passwordHash: tom.password_hash,
        language: 'en',
        primary: false,
      });
      const actor = { kind: 'contact' as const, id, name: `Bench User ${i}`, companyId: tom.company_id, primary: false, language: 'en' as const };
      tokens.push((await startSession(db.pool, tom.tenant_id, actor)).token);
    }
    return { dataDir, tokens };
  } finally {
    await db.close();
  }
}

export function connect(url: string, cookie?: string): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: cookie ? { cookie, host: 'localhost' } : {} });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/**
 * Each socket holds one conversation and sends its turns one after another; a turn lasts from send to the stored answer.
 * `thinkMs` is the pause before each next message: none measures capacity, a human-like one the latency users see.
 */
export async function chatTurns(
  sockets: Socket[],
  texts: string[],
  thinkMs: () => number = () => 0,
  conversations: Map<Socket, string> = new Map(),
): Promise<{ latencies: number[]; seconds: number; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    sockets.map(async (socket, s) => {
      let conversationId = conversations.get(socket);
      for (let turn = 0; turn < TURNS_PER_CONVERSATION; turn++) {
        const pause = turn === 0 ? thinkMs() * Math.random() : thinkMs();
        if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
        const text = texts[(s + turn) % texts.length]!;
        const t0 = performance.now();
        const answered = new Promise<void>((resolve) => {
          const onMessage = (payload: { conversationId: string; message: { role: string } }) => {
            if (payload.message.role !== 'assistant' || (conversationId && payload.conversationId !== conversationId)) return;
            socket.off('chat:message', onMessage);
            resolve();
          };
          socket.on('chat:message', onMessage);
        });
        const ack = (await socket.timeout(30_000).emitWithAck('chat:send', conversationId ? { conversationId, text } : { text })) as {
          conversationId?: string;
          error?: unknown;
        };
        if (ack.error) {
          errors++;
          continue;
        }
        conversationId = ack.conversationId!;
        conversations.set(socket, conversationId);
        await answered;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000, errors };
}

type TurnsRun = Awaited<ReturnType<typeof chatTurns>>;

/** Runs of turns one after another, taken together. */
async function repeat(rounds: number, run: () => Promise<TurnsRun>): Promise<TurnsRun> {
  const runs: TurnsRun[] = [];
  for (let round = 0; round < rounds; round++) runs.push(await run());
  return {
    latencies: runs.flatMap((r) => r.latencies),
    seconds: runs.reduce((sum, r) => sum + r.seconds, 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
  };
}

async function echoBaseline(concurrency: number): Promise<{ latencies: number[]; seconds: number }> {
  const http = createServer();
  const server = new Server(http);
  server.of('/echo').on('connection', (socket) => socket.on('echo', (payload: unknown, ack: (p: unknown) => void) => ack(payload)));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/echo`;
  const sockets = await Promise.all(Array.from({ length: concurrency }, () => connect(url)));
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    sockets.map(async (socket) => {
      for (let i = 0; i < TURNS_PER_CONVERSATION; i++) {
        const t0 = performance.now();
        await socket.timeout(10_000).emitWithAck('echo', { text: 'ping' });
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  for (const socket of sockets) socket.disconnect();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return { latencies, seconds };
}

/**
 * The floor under a turn's overhead: the LLM engine alone (LangChain agent, `ChatOpenAI`, our tools bound), in this
 * process, against the same zero-latency model, with no socket, session or database around it.
 */
async function agentLoopAlone(modelUrl: string, turns: number): Promise<{ latencies: number[]; cpuMsPerTurn: number }> {
  const unused: AssistantEngine = {
    name: 'local',
    runTurn: () => Promise.reject(new Error('the scripted model does not fail')),
  };
  const engine = createLlmEngine({ baseUrl: modelUrl, apiKey: 'bench', tools: ASSISTANT_TOOLS, fallback: unused, logger: pino({ level: 'silent' }) });
  const input: TurnInput = {
    text: 'I have a question about my laptop',
    history: [],
    language: 'en',
    profile: {
      tenantName: 'Acme Dental',
      userName: 'Bench User',
      sections: { assistant: true, ticketing: true, knowledgeBase: true, selfService: true },
      devices: [{ id: '00000000-0000-4000-8000-000000000001', name: 'BENCH-LAPTOP', os: 'windows' }],
    },
    // A turn the model answers in text runs no tool, so nothing reads the tools' dependencies.
    tools: {
      deps: {} as ToolDeps,
      ctx: { tenantId: '', actor: { kind: 'contact', id: '', name: 'Bench User', companyId: '', primary: false, language: 'en' } },
      conversationId: '',
      language: 'en',
      record: { citations: [], actions: [], tickets: [] },
      actionsAllowed: () => Promise.resolve(false),
    },
    pending: null,
  };
  const sink = { delta: () => undefined };
  for (let i = 0; i < 50; i++) await engine.runTurn(input, sink);
  const latencies: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < turns; i++) {
    const t0 = performance.now();
    await engine.runTurn(input, sink);
    latencies.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpuBefore);
  return { latencies, cpuMsPerTurn: (cpu.user + cpu.system) / 1000 / turns };
}

/** Training the local engine at start takes the CPU for a few seconds: measured turns begin once it is done. */
export async function assistantReady(server: SpawnedPortico): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!server.output().includes('assistant ready')) {
    if (Date.now() > deadline) throw new Error(`the assistant did not get ready:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Server overhead of a chat turn: Portico runs as its own process with the LLM engine pointed at a scripted model that
 * answers at once, so what is measured is everything but model time. A bare socket.io echo runs beside it for scale.
 * Then the local engine, KB search included, one conversation at a time.
 */
export async function benchAssistant(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const maxLevel = Math.max(...LEVELS);
  const { dataDir, tokens } = await prepareUsers(maxLevel);
  const localDir = join(mkdtempSync(join(tmpdir(), 'portico-bench-local-')), 'data');
  cpSync(dataDir, localDir, { recursive: true });

  const model = await startScriptedOpenAiServer();
  model.scriptDefault({ text: 'Here is how to do that.', chunks: 3 });
  const alone = await agentLoopAlone(model.url, 500);
  rows.push({
    group: 'chat',
    name: 'LLM engine alone, in-process, zero-latency model, 1 conversation (ms)',
    ...summarize(alone.latencies),
    value: `CPU ${alone.cpuMsPerTurn.toFixed(1)} ms/turn, model server included`,
    target: '—',
  });
  const server = await spawnPortico(dataDir, { LOG_LEVEL: 'info', OPENAI_BASE_URL: model.url, OPENAI_API_KEY: 'bench', OPENAI_MODEL: 'gpt-4o-mini' });
  try {
    await assistantReady(server);
    const url = `http://127.0.0.1:${server.port}/portal`;
    for (const level of LEVELS) {
      const sockets = await Promise.all(tokens.slice(0, level).map((token) => connect(url, `portico_session=${token}`)));
      // Each user keeps one conversation through the warm-up and every round: users may open only so many a few
      // minutes, and a refused turn measures nothing. One untimed round at the level opens them and lets the runtime
      // settle at that load (compiled code, heap size), so the rounds measured are what a server busy at that level
      // spends on a turn, not what its first minute costs.
      const conversations = new Map<Socket, string>();
      const coldBefore = cpuMsOf(server.child.pid!);
      const warmUp = await chatTurns(sockets, ['warm up'], undefined, conversations);
      const coldPerTurn = (cpuMsOf(server.child.pid!) - coldBefore) / Math.max(1, warmUp.latencies.length);
      // One conversation alone gives ten turns a round: more rounds, so that its percentiles mean something. The CPU per
      // turn is the median round's: the runtime's own bursts (compiling hot code on its helper threads, collecting the
      // startup heap when it finds a lull) fall in one round or another, and a round that has one says more about
      // when it fell than about what a turn costs.
      const cpuPerRound: number[] = [];
      const run = await repeat(level === 1 ? LOCAL_ROUNDS : LOADED_ROUNDS, async () => {
        const cpuBefore = cpuMsOf(server.child.pid!);
        const round = await chatTurns(sockets, ['I have a question about my laptop'], undefined, conversations);
        cpuPerRound.push((cpuMsOf(server.child.pid!) - cpuBefore) / Math.max(1, round.latencies.length));
        return round;
      });
      const cpuPerTurn = percentile([...cpuPerRound].sort((a, b) => a - b), 50);
      const paced = level > 1 ? await chatTurns(sockets, ['I have a question about my laptop'], HUMAN_PAUSE_MS, conversations) : undefined;
      for (const socket of sockets) socket.disconnect();
      const echo = await echoBaseline(level);
      const echoed = summarize(echo.latencies);
      rows.push({
        group: 'chat',
        name: `turn overhead, zero-latency model, ${level} concurrent, back to back (ms)`,
        ...summarize(run.latencies),
        rps: Math.round(run.latencies.length / run.seconds),
        errors: run.errors,
        target: '—',
      });
      rows.push({ group: 'chat', name: `server CPU per turn, ${level} concurrent, first round at the level (conversations opened)`, value: `${coldPerTurn.toFixed(1)} ms`, target: '—' });
      rows.push({
        group: 'chat',
        name: `server CPU per turn, ${level} concurrent, median of ${cpuPerRound.length} rounds`,
        value: `${cpuPerTurn.toFixed(1)} ms (rounds ${Math.min(...cpuPerRound).toFixed(1)}–${Math.max(...cpuPerRound).toFixed(1)})`,
        target: level === 50 ? '≤ 7 ms' : '—',
      });
      if (paced) {
        const turns = summarize(paced.latencies);
        rows.push({
          group: 'chat',
          name: `turn overhead, ${level} concurrent, 0.5–1.5 s between answer and next message (ms)`,
          ...turns,
          value: `p50 ${(turns.p50 / echoed.p50).toFixed(1)} × the echo's`,
          rps: Math.round(paced.latencies.length / paced.seconds),
          errors: paced.errors,
          target: level === 50 ? "p99 ≤ 60, p50 ≤ 5 × the echo's" : '—',
        });
      }
      rows.push({ group: 'chat', name: `bare socket.io echo, ${level} concurrent (ms)`, ...echoed, rps: Math.round(echo.latencies.length / echo.seconds), target: '—' });
    }
  } finally {
    server.child.kill('SIGTERM');
    await exitOf(server.child);
    await model.close();
  }

  const local = await spawnPortico(localDir, { LOG_LEVEL: 'info' });
  try {
    await assistantReady(local);
    const socket = await connect(`http://127.0.0.1:${local.port}/portal`, `portico_session=${tokens[0]}`);
    await chatTurns([socket], LOCAL_QUESTIONS);
    const conversations = new Map<Socket, string>();
    const run = await repeat(LOCAL_ROUNDS, () => chatTurns([socket], LOCAL_QUESTIONS, undefined, conversations));
    socket.disconnect();
    rows.push({ group: 'chat', name: 'local engine turn, KB search included (ms)', ...summarize(run.latencies), rps: Math.round(run.latencies.length / run.seconds), errors: run.errors, target: 'p95 ≤ 30' });
  } finally {
    local.child.kill('SIGTERM');
    await exitOf(local.child);
  }
  return rows;
}
