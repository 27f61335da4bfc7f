import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Agent } from 'node:https';
import { io, type Socket } from 'socket.io-client';
import { TestCaddy, proxyAgent, throughProxy } from './support/caddy.js';
import { TestCluster, freePort, type ClusterNode } from './support/cluster.js';
import { DEMO } from './support/http-client.js';

// The deployment guide's Caddyfile, run by a real Caddy in front of two Portico nodes on one database and one Redis:
// what docs/deploy/docker-compose.yml starts, but for the containers and Let's Encrypt (Caddy's local authority signs
// instead, on demand all the same).

const TENANT = 'demo.portal.localhost';
let cluster: TestCluster;
let caddy: TestCaddy;
let ca: string;
const sockets: Socket[] = [];

const tenantUrl = (path: string) => `https://${TENANT}:${caddy.httpsPort}${path}`;

async function signIn(agent: Agent, username: string): Promise<string> {
  const answer = await throughProxy(agent, tenantUrl('/api/v1/auth/login'), { method: 'POST', json: { username, password: 'portico-demo' } });
  expect(answer.status).toBe(200);
  const session = answer.cookies.find((cookie) => cookie.startsWith('portico_session='));
  expect(session).toBeDefined();
  return session!;
}

/** A widget's socket through the proxy, on one transport only: long-polling holds only if every request reaches one node. */
function widget(agent: Agent, cookie: string, transport: 'polling' | 'websocket'): Promise<Socket> {
  const socket = io(tenantUrl('/portal'), { agent: agent as never, transports: [transport], extraHeaders: { cookie }, reconnection: false });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function ask(socket: Socket, text: string): Promise<{ role: string; text: string }> {
  return new Promise((resolve, reject) => {
    socket.on('chat:message', (payload: { message: { role: string; text: string } }) => {
      if (payload.message.role === 'assistant') resolve(payload.message);
    });
    socket.timeout(20_000).emit('chat:send', { text }, (error: Error | null, ack: { error?: unknown }) => {
      if (error || ack.error) reject(error ?? new Error(JSON.stringify(ack.error)));
    });
  });
}

beforeAll(async () => {
  cluster = await TestCluster.start(2, { PORTICO_SECRET_KEY: 'proxy-test-key-for-stored-secrets-0123456', PORTICO_TRUST_PROXY: 'loopback' });
  const [httpsPort, httpPort, askPort] = await Promise.all([freePort(), freePort(), freePort()]);
  caddy = await TestCaddy.start({ nodes: cluster.nodes.map((node) => node.port), httpsPort, httpPort, askPort });
  ca = caddy.rootCertificate();
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await caddy?.close();
  await cluster?.close();
}, 60_000);

describe("the deployment guide's Caddy in front of two nodes", () => {
  it("gets a tenant's hostname a certificate on its first visit and serves it; refuses one for a name no tenant has", async () => {
    const agent = proxyAgent(ca);
    const page = await throughProxy(agent, tenantUrl('/'));
    expect(page.status).toBe(200);
    expect(page.certificateNames).toContain(`DNS:${TENANT}`);
    await expect(throughProxy(proxyAgent(ca), `https://stranger.example.com:${caddy.httpsPort}/`)).rejects.toThrow();
  });

  it('carries a signed-in widget over WebSocket and over long-polling alone, each answered by the assistant', async () => {
    const agent = proxyAgent(ca);
    const cookie = await signIn(agent, DEMO.tom);
    for (const transport of ['websocket', 'polling'] as const) {
      const socket = await widget(agent, cookie, transport);
      const answer = await ask(socket, 'How do I connect to the office wifi?');
      expect(answer.text.length).toBeGreaterThan(0);
      socket.close();
    }
  }, 60_000);

  it('keeps serving every client when one node dies: the proxy sends them all to the other', async () => {
    // Clients from eight addresses: the proxy picks a node per address, so some were on the node that dies.
    const clients = Array.from({ length: 8 }, (_, i) => proxyAgent(ca, `127.0.0.${i + 2}`));
    const before = caddy.mark();
    for (const agent of clients) expect((await throughProxy(agent, tenantUrl('/readyz'))).status).toBe(200);
    const [, dying] = cluster.nodes as [ClusterNode, ClusterNode];
    expect(caddy.selectedSince(before)).toEqual(new Set(cluster.nodes.map((node) => `127.0.0.1:${node.port}`)));
    dying.child.kill('SIGKILL');
    for (const agent of clients) {
      const answer = await throughProxy(agent, tenantUrl('/readyz'));
      expect(answer.status).toBe(200);
      expect(answer.body.status).toBe('ready');
    }
  }, 60_000);
});
