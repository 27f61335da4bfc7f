import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Server, type Socket } from 'socket.io';
import { startAgent, type AgentOptions, type RunningAgent } from './agent.js';
import { simulatedVersion } from './execute.js';
import { TEMPORARY_PASSWORD_LENGTH } from './password.js';
import type { AgentAuth, Command, CommandUpdate, Heartbeat } from './protocol.js';

const TOKEN = 'agent-token-7f3c9a';

/** A stand-in for Portico's `/agents` namespace: checks the token and records what the agent says. */
async function startFakePortico() {
  const http = createServer();
  const io = new Server(http);
  const sockets: Socket[] = [];
  const auths: AgentAuth[] = [];
  const updates: CommandUpdate[] = [];
  const heartbeats: Heartbeat[] = [];
  const agents = io.of('/agents');
  agents.use((socket, next) => {
    if (socket.handshake.auth.token === TOKEN) return next();
    next(Object.assign(new Error('unknown agent'), { data: { code: 'agent_unauthenticated' } }));
  });
  agents.on('connection', (socket) => {
    sockets.push(socket);
    auths.push(socket.handshake.auth as AgentAuth);
    socket.on('command:update', (update: CommandUpdate, ack: (answer: unknown) => void) => {
      updates.push(update);
      ack({ ok: true });
    });
    socket.on('agent:heartbeat', (beat: Heartbeat, ack: (answer: unknown) => void) => {
      heartbeats.push(beat);
      ack({ ok: true });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const current = () => sockets.filter((s) => s.connected).at(-1)!;
  return {
    url,
    auths,
    updates,
    heartbeats,
    current,
    send: (command: unknown) => current().timeout(5_000).emitWithAck('command', command) as Promise<unknown>,
    close: () => new Promise<void>((resolve) => io.close(() => resolve())),
  };
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let portico: Awaited<ReturnType<typeof startFakePortico>>;
let dir: string;
const running: RunningAgent[] = [];
const logs: string[] = [];

async function agent(options: Partial<AgentOptions> = {}) {
  const started = await startAgent({
    server: portico.url,
    agentToken: TOKEN,
    simulate: true,
    platform: 'linux',
    loggedInUser: 'alice',
    osVersion: 'Ubuntu 24.04 LTS',
    simulatedRunMs: 50,
    logger: (line) => logs.push(line),
    ...options,
  });
  running.push(started);
  return started;
}

const connected = (a: RunningAgent) => waitFor(() => a.connected, 'the agent to connect');
const commandId = '5b2f8f3e-2f6c-4c1e-9a51-0d6c3d2b8a10';
const statuses = (id: string) => portico.updates.filter((u) => u.commandId === id).map((u) => u.status);

beforeEach(async () => {
  portico = await startFakePortico();
  dir = await mkdtemp(path.join(os.tmpdir(), 'portico-agent-'));
  logs.length = 0;
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((a) => a.stop()));
  await portico.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the agent over socket.io', () => {
  it('authenticates, acknowledges a command, then reports running and succeeded', async () => {
    const a = await agent({ heartbeatMs: 50 });
    const received: Command[] = [];
    a.events.on('command', (command) => received.push(command));
    await connected(a);
    expect(portico.auths[0]).toEqual({ token: TOKEN, agentVersion: expect.any(String), osVersion: 'Ubuntu 24.04 LTS', loggedInUser: 'alice' });

    const install: Command = { commandId, kind: 'install', package: { manager: 'apt', id: 'vlc', cask: false } };
    expect(await portico.send(install)).toEqual({ received: true });
    expect(received).toEqual([install]);
    await waitFor(() => statuses(commandId).includes('succeeded'), 'the succeeded update');
    expect(portico.updates).toEqual([
      { commandId, status: 'running' },
      { commandId, status: 'succeeded', exitCode: 0, output: '[simulated] apt-get install -y -q vlc', installedVersion: simulatedVersion('vlc') },
    ]);
    await waitFor(() => portico.heartbeats.length > 0, 'a heartbeat');
    expect(portico.heartbeats[0]).toEqual({ loggedInUser: 'alice' });
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  it('answers an invalid command with an error and runs nothing', async () => {
    const a = await agent();
    let runs = 0;
    a.events.on('run', () => runs++);
    await connected(a);
    expect(await portico.send({ commandId: 'not-a-uuid', kind: 'format_disk' })).toEqual({
      error: { code: 'validation_failed', message: expect.stringContaining('Invalid command') },
    });
    expect(runs).toBe(0);
    expect(portico.updates).toEqual([]);
  });

  it('runs a command id once, however often and whenever it is delivered', async () => {
    const stateFile = path.join(dir, 'agent-state.json');
    const first = await agent({ stateFile, simulatedRunMs: 300 });
    let runs = 0;
    first.events.on('run', () => runs++);
    await connected(first);
    const reset: Command = { commandId, kind: 'reset_password' };

    expect(await portico.send(reset)).toEqual({ received: true });
    // Delivered again while it runs: the agent says it is running.
    expect(await portico.send(reset)).toEqual({ received: true });
    await waitFor(() => statuses(commandId).includes('succeeded'), 'the succeeded update');
    const succeeded = portico.updates.find((u) => u.status === 'succeeded')!;
    expect(succeeded.temporaryPassword).toHaveLength(TEMPORARY_PASSWORD_LENGTH);
    expect(succeeded.output).not.toContain(succeeded.temporaryPassword);
    expect(logs.join('\n')).not.toContain(succeeded.temporaryPassword);

    // Delivered again once done: the final status is sent again.
    expect(await portico.send(reset)).toEqual({ received: true });
    await waitFor(() => statuses(commandId).length === 4, 'the final status sent again');
    expect(statuses(commandId)).toEqual(['running', 'running', 'succeeded', 'succeeded']);

    // The agent restarts with the same state file: still not run again.
    await first.stop();
    const second = await agent({ stateFile });
    second.events.on('run', () => runs++);
    await connected(second);
    expect(await portico.send(reset)).toEqual({ received: true });
    await waitFor(() => statuses(commandId).length === 5, 'the status sent after the restart');
    expect(runs).toBe(1);
    // The password never reached the disk, so it is not in what a restarted agent can send.
    expect(portico.updates.at(-1)).toEqual({ commandId, status: 'succeeded', exitCode: 0, output: expect.stringContaining('chpasswd') });
  });

  it('reconnects after the server closes the connection and then reports what finished meanwhile', async () => {
    const a = await agent({ simulatedRunMs: 200 });
    await connected(a);
    await portico.send({ commandId, kind: 'lock' });
    await waitFor(() => statuses(commandId).includes('running'), 'the running update');
    portico.current().disconnect(true);
    await waitFor(() => statuses(commandId).includes('succeeded'), 'the succeeded update after reconnecting');
    expect(portico.auths).toHaveLength(2);
    expect(a.connected).toBe(true);
  });

  it('stops when the server no longer knows its token', async () => {
    const a = await agent({ agentToken: 'revoked-token' });
    expect(await a.stopped).toBe('unauthenticated');
    expect(a.connected).toBe(false);
    expect(logs.some((line) => line.includes('enrollment was removed'))).toBe(true);
    expect(logs.join('\n')).not.toContain('revoked-token');
  });
});
