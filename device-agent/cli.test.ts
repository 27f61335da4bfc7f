import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Server, type Socket } from 'socket.io';
import { EnrollError, enrollAgent } from './enroll.js';
import { EnrollRequestSchema, type CommandUpdate, type EnrollRequest } from './protocol.js';

const CLI = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli.ts');
const ENROLLMENT_TOKEN = 'enroll-2b7d';
const AGENT_TOKEN = 'agent-secret-91ce';

const requests: EnrollRequest[] = [];
const updates: CommandUpdate[] = [];
let agentSocket: Socket | undefined;
let io: Server;
let url: string;
let dir: string;

/** Portico's two doors for an agent: enrollment over HTTP and the `/agents` namespace. */
function enrollHandler(request: IncomingMessage, response: ServerResponse) {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString()));
  request.on('end', () => {
    const parsed = EnrollRequestSchema.safeParse(JSON.parse(body));
    response.setHeader('content-type', 'application/json');
    if (request.url !== '/api/v1/agents/enroll' || !parsed.success) {
      response.writeHead(400).end(JSON.stringify({ error: { code: 'validation_failed', message: 'Bad request.' } }));
    } else if (parsed.data.token !== ENROLLMENT_TOKEN) {
      response.writeHead(401).end(JSON.stringify({ error: { code: 'enrollment_token_invalid', message: 'This enrollment token is not valid.' } }));
    } else {
      requests.push(parsed.data);
      response.writeHead(201).end(JSON.stringify({ deviceId: 'device-1', agentToken: AGENT_TOKEN }));
    }
  });
}

function cli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { env: { ...process.env, NODE_OPTIONS: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'portico-agent-cli-'));
  const http = createServer(enrollHandler);
  io = new Server(http);
  const agents = io.of('/agents');
  agents.use((socket, next) =>
    socket.handshake.auth.token === AGENT_TOKEN ? next() : next(Object.assign(new Error('no'), { data: { code: 'agent_unauthenticated' } })),
  );
  agents.on('connection', (socket) => {
    agentSocket = socket;
    socket.on('command:update', (update: CommandUpdate, ack: (answer: unknown) => void) => {
      updates.push(update);
      ack({ ok: true });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => io.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

describe('enrollAgent', () => {
  it('describes the device and returns its credentials', async () => {
    expect(await enrollAgent({ server: `${url}/`, token: ENROLLMENT_TOKEN, name: 'Reception PC' })).toEqual({ deviceId: 'device-1', agentToken: AGENT_TOKEN });
    expect(requests.at(-1)).toMatchObject({ name: 'Reception PC', os: expect.stringMatching(/^(windows|macos|linux)$/), agentVersion: expect.any(String) });
  });

  it('turns the server error into an EnrollError with its code', async () => {
    const failure = enrollAgent({ server: url, token: 'wrong', name: 'x' });
    await expect(failure).rejects.toBeInstanceOf(EnrollError);
    await expect(failure).rejects.toMatchObject({ code: 'enrollment_token_invalid', status: 401 });
  });
});

describe('the command line', () => {
  it('prints a refused enrollment as one line and exits with 1', async () => {
    const run = cli(['enroll', '--server', url, '--token', 'wrong', '--config', path.join(dir, 'refused.json')]);
    expect(await run.exited).toBe(1);
    expect(run.output().stderr).toBe('portico-agent: This enrollment token is not valid. (enrollment_token_invalid)\n');
  });

  it('enrolls into a private config file, then runs, reports a simulated command and stops on a signal', async () => {
    const config = path.join(dir, 'agent.json');
    const enroll = cli(['enroll', '--server', url, '--token', ENROLLMENT_TOKEN, '--name', 'Laptop 12', '--config', config, '--simulate']);
    expect(await enroll.exited).toBe(0);
    expect(enroll.output().stdout).toContain('enrolled as device device-1');
    expect(enroll.output().stdout).not.toContain(AGENT_TOKEN);
    expect(JSON.parse(await readFile(config, 'utf8'))).toEqual({ server: url, deviceId: 'device-1', agentToken: AGENT_TOKEN, simulate: true });
    expect((await stat(config)).mode & 0o777).toBe(0o600);

    const agent = cli(['run', '--config', config]);
    await waitFor(() => agentSocket?.connected === true, 'the agent to connect');
    const commandId = '7d0b5c57-8f6a-4b7e-9d55-2f4a7e1c0b11';
    expect(await agentSocket!.timeout(5_000).emitWithAck('command', { commandId, kind: 'restart' })).toEqual({ received: true });
    await waitFor(() => updates.some((u) => u.commandId === commandId && u.status === 'succeeded'), 'the succeeded update');
    agent.child.kill('SIGTERM');
    expect(await agent.exited).toBe(0);
    expect(agent.output().stdout).toContain('simulated, would run: shutdown -r +1');
    expect(agent.output().stdout).not.toContain(AGENT_TOKEN);
    expect(JSON.parse(await readFile(path.join(dir, 'agent-state.json'), 'utf8')).commands).toHaveLength(1);
  });

  it('stops with a clear message when its enrollment was removed', async () => {
    const config = path.join(dir, 'removed.json');
    await writeFile(config, JSON.stringify({ server: url, deviceId: 'device-2', agentToken: 'revoked' }), { mode: 0o600 });
    const agent = cli(['run', '--config', config, '--simulate']);
    expect(await agent.exited).toBe(0);
    expect(agent.output().stdout).toMatch(/enrollment was removed/);
  });
});
