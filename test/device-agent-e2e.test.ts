import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChatClient } from './support/chat-client.js';
import { DEMO, loggedIn, type HttpClient } from './support/http-client.js';
import { freshDataDir } from './support/portico.js';
import { codeIn, latestSms } from './support/self-service.js';
import { exitOf, spawnPortico, type SpawnedPortico } from './support/spawn-portico.js';

// Real processes, as in production: Portico started like `npm start`, and a device agent enrolled with a token and run
// from its command line in --simulate mode. The user drives the action over socket.io as the portal does.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const EXPIRY_SECONDS = 8;

type AgentProcess = { child: ChildProcess; output: () => string };

function agentCli(args: string[]): AgentProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'device-agent', 'cli.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  return { child, output: () => output };
}

async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let server: SpawnedPortico;
let tech: HttpClient;
const agents: AgentProcess[] = [];
const chats: ChatClient[] = [];

type EnrolledUser = { http: HttpClient; chat: ChatClient; deviceId: string; configPath: string; phone: string };

/** Gives a demo user a phone and a new computer, enrolled through an enrollment token made for them. */
async function enrollFor(login: (typeof DEMO)[keyof typeof DEMO], phone: string, deviceName: string): Promise<EnrolledUser> {
  const http = (await loggedIn(server.port, login))!;
  const chat = await ChatClient.connect(server.port, http);
  chats.push(chat);
  expect((await http.send('PUT', '/api/v1/me/phone', { json: { phone } })).status).toBe(200);
  const contact = (await tech.get(`/api/v1/admin/contacts?q=${encodeURIComponent(login)}`)).body.contacts[0];
  const grant = await tech.post('/api/v1/admin/enrollment-tokens', { companyId: contact.companyId, contactId: contact.id });
  expect(grant.status).toBe(201);
  const configPath = join(mkdtempSync(join(tmpdir(), 'portico-agent-')), 'agent.json');
  const enroll = agentCli(['enroll', '--server', `http://127.0.0.1:${server.port}`, '--token', grant.body.token, '--name', deviceName, '--config', configPath, '--simulate']);
  expect(await exitOf(enroll.child)).toBe(0);
  expect(statSync(configPath).mode & 0o777).toBe(0o600);
  const devices = (await http.get('/api/v1/devices')).body.devices as { id: string; name: string }[];
  return { http, chat, deviceId: devices.find((d) => d.name === deviceName)!.id, configPath, phone: phone.replace(/[^+\d]/g, '') };
}

async function startAgentProcess(user: EnrolledUser): Promise<AgentProcess> {
  const started = agentCli(['run', '--config', user.configPath, '--simulate']);
  agents.push(started);
  await until(() => started.output().includes('connected to'), 'the agent to connect');
  return started;
}

async function stopAgentProcess(agent: AgentProcess): Promise<void> {
  agent.child.kill('SIGTERM');
  await exitOf(agent.child);
}

/** Requests an action on the user's enrolled device through the self-service API and verifies it with the texted code. */
async function requestAndVerify(user: EnrolledUser, kind: string): Promise<string> {
  const created = await user.http.post('/api/v1/selfservice/actions', { deviceId: user.deviceId, kind });
  expect(created.status).toBe(201);
  const actionId = created.body.action.id as string;
  const confirmed = await user.chat.emit('action:confirm', { actionId });
  expect(confirmed.error).toBeUndefined();
  const code = codeIn((await latestSms(tech, user.phone)).body);
  const verified = await user.chat.emit('action:verify', { actionId, code });
  expect(verified.action.status).toBe('queued');
  return actionId;
}

function reached(user: EnrolledUser, actionId: string, status: string, timeoutMs = 20_000): Promise<any> {
  return user.chat.waitFor('action:update', (p) => p.action.id === actionId && p.action.status === status, timeoutMs);
}

beforeAll(async () => {
  server = await spawnPortico(freshDataDir(), { PORTICO_ACTION_EXPIRY_SECONDS: String(EXPIRY_SECONDS), PORTICO_DEMO_AGENTS: 'false' });
  tech = (await loggedIn(server.port, DEMO.tech))!;
}, 90_000);

afterAll(async () => {
  for (const chat of chats) chat.close();
  await Promise.all(agents.filter((a) => a.child.exitCode === null).map(stopAgentProcess));
  if (server) {
    server.child.kill('SIGTERM');
    await exitOf(server.child);
  }
});

describe('a device agent process and a Portico process', () => {
  it('refuses an unknown enrollment token with one clear line', async () => {
    const refused = agentCli(['enroll', '--server', `http://127.0.0.1:${server.port}`, '--token', 'pet_wrong', '--config', join(tmpdir(), 'never.json')]);
    expect(await exitOf(refused.child)).toBe(1);
    expect(refused.output()).toMatch(/enrollment token is not valid/i);
    expect(refused.output()).not.toMatch(/\n\s+at /);
  });

  it('restarts the enrolled device from the chat: the agent receives the command once, the user sees it succeed, the ticket holds it', async () => {
    const tom = await enrollFor(DEMO.tom, '+44 7400 123456', 'TOM-WORKSTATION');
    const agent = await startAgentProcess(tom);
    const device = (await tom.http.get('/api/v1/devices')).body.devices.find((d: { id: string }) => d.id === tom.deviceId);
    expect(device).toMatchObject({ online: true, lastSeenAt: expect.any(String) });

    const { answer } = await tom.chat.ask('please restart TOM-WORKSTATION');
    const proposed = await tom.chat.waitFor('chat:action', (p) => p.conversationId === answer.conversationId);
    expect(proposed.action).toMatchObject({ kind: 'restart', deviceId: tom.deviceId });
    const actionId = proposed.action.id as string;
    expect((await tom.chat.emit('action:confirm', { actionId })).needsPhone).toBe(false);
    const code = codeIn((await latestSms(tech, tom.phone)).body);
    expect((await tom.chat.emit('action:verify', { actionId, code })).action.status).toBe('queued');
    await reached(tom, actionId, 'succeeded');
    expect(agent.output().split(`command ${actionId} (restart) received`)).toHaveLength(2);
    expect(agent.output()).toMatch(/shutdown/);

    const conversation = (await tom.http.get(`/api/v1/conversations/${answer.conversationId}`)).body;
    const ticket = (await tech.get(`/api/v1/tickets/${conversation.ticket.number}`)).body;
    const logged = ticket.actions.find((a: { id: string }) => a.id === actionId);
    expect(logged.history.map((h: { status: string }) => h.status)).toEqual(['awaiting_confirmation', 'awaiting_code', 'queued', 'dispatched', 'running', 'succeeded']);
  }, 60_000);

  it('keeps a verified action for an offline device and delivers it once when the agent is back', async () => {
    const anna = await enrollFor(DEMO.anna, '+39 312 345 6789', 'ANNA-RECEPTION');
    const actionId = await requestAndVerify(anna, 'lock');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const delivered = ['dispatched', 'running', 'succeeded'];
    expect(anna.chat.events.some((e) => e.event === 'action:update' && e.payload.action.id === actionId && delivered.includes(e.payload.action.status))).toBe(false);

    const first = await startAgentProcess(anna);
    await reached(anna, actionId, 'succeeded');
    await stopAgentProcess(first);
    const second = await startAgentProcess(anna);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(second.output()).not.toContain(actionId);
  }, 60_000);

  it('expires an action whose device stays offline, and tells the user why in their language', async () => {
    const luc = await enrollFor(DEMO.luc, '+33 6 12 34 56 78', 'LUC-PORTABLE');
    const actionId = await requestAndVerify(luc, 'shutdown');
    const expired = await reached(luc, actionId, 'expired', EXPIRY_SECONDS * 1000 + 10_000);
    expect(expired.action.detail).toMatch(/LUC-PORTABLE ne s’est pas connecté/);
    const late = await startAgentProcess(luc);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(late.output()).not.toContain(actionId);
  }, 60_000);
});
