import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { io } from 'socket.io-client';
import { createLogger } from '../config/logger.js';
import { sessionKey } from '../domain/auth/sessions.js';
import { ChatClient } from './support/chat-client.js';
import { DEMO, HttpClient, loggedIn } from './support/http-client.js';
import { startTestPortico, type TestPortico } from './support/portico.js';

let portico: TestPortico;
let tom: HttpClient;
let tech: HttpClient;
const open: ChatClient[] = [];

beforeAll(async () => {
  portico = await startTestPortico({ sessionSweepMs: 200 });
  [tom, tech] = await Promise.all([loggedIn(portico.port, DEMO.tom), loggedIn(portico.port, DEMO.tech)]);
});
afterAll(async () => {
  for (const client of open) client.close();
  await portico.close();
});

const EVIL = { origin: 'http://evil.example' };
const json = (body: unknown, headers: Record<string, string>) => ({ json: body, headers });

/** A socket.io handshake on /portal with the given session and headers: connects, or names why not. */
function handshake(client: HttpClient | undefined, headers: Record<string, string>): Promise<'connected' | string> {
  const cookie = client?.cookie('portico_session');
  const socket = io(`http://127.0.0.1:${portico.port}/portal`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: { host: '127.0.0.1', ...(cookie ? { cookie: `portico_session=${cookie}` } : {}), ...headers },
  });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.disconnect();
      resolve('connected');
    });
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
      socket.disconnect();
      resolve(error.data?.code ?? error.message);
    });
  });
}

describe('the Origin rule for cookie-authenticated state changes', () => {
  it('refuses writes from a page on another origin, REST and socket.io alike', async () => {
    const ticket = await tom.send('POST', '/api/v1/tickets', json({ subject: 'from evil', description: 'x' }, EVIL));
    expect(ticket.status).toBe(403);
    expect(ticket.body.error.code).toBe('origin_not_allowed');
    const settings = await tech.send('PATCH', '/api/v1/admin/settings', json({ tickets: { cannotReopen: true } }, EVIL));
    expect(settings.status).toBe(403);
    expect((await tech.get('/api/v1/admin/settings')).body.tickets.cannotReopen).toBe(false);
    const logout = await tom.send('POST', '/api/v1/auth/logout', { headers: EVIL });
    expect(logout.status).toBe(403);
    expect((await tom.get('/api/v1/me')).status).toBe(200);
    expect(await handshake(tom, EVIL)).toBe('origin_not_allowed');
  });

  it('refuses an opaque origin and a cross-site request that hides its origin', async () => {
    const opaque = await tom.send('POST', '/api/v1/tickets', json({ subject: 'sandboxed', description: 'x' }, { origin: 'null' }));
    expect(opaque.status).toBe(403);
    const hidden = await tom.send('POST', '/api/v1/tickets', json({ subject: 'hidden', description: 'x' }, { 'sec-fetch-site': 'cross-site' }));
    expect(hidden.status).toBe(403);
    expect(await handshake(tom, { 'sec-fetch-site': 'cross-site' })).toBe('origin_not_allowed');
  });

  it('accepts the portal’s own pages, and pages on an origin the admin allows to embed it', async () => {
    const own = await tom.send('POST', '/api/v1/tickets', json({ subject: 'own page', description: 'x' }, { origin: 'http://127.0.0.1' }));
    expect(own.status).toBe(201);
    expect(await handshake(tom, { origin: 'http://127.0.0.1' })).toBe('connected');

    const intranet = { origin: 'https://intranet.acmedental.example' };
    expect((await tom.send('POST', '/api/v1/tickets', json({ subject: 'embedded', description: 'x' }, intranet))).status).toBe(403);
    const allowed = await tech.patch('/api/v1/admin/settings', { embed: { allowedOrigins: ['https://Intranet.AcmeDental.example/'] } });
    expect(allowed.status).toBe(200);
    expect(allowed.body.embed.allowedOrigins).toEqual(['https://intranet.acmedental.example']);
    try {
      expect((await tom.send('POST', '/api/v1/tickets', json({ subject: 'embedded', description: 'x' }, intranet))).status).toBe(201);
      expect(await handshake(tom, intranet)).toBe('connected');
      expect(await handshake(tom, { origin: 'https://intranet.acmedental.example:8443' })).toBe('origin_not_allowed');
    } finally {
      await tech.patch('/api/v1/admin/settings', { embed: { allowedOrigins: [] } });
    }
    const bad = await tech.patch('/api/v1/admin/settings', { embed: { allowedOrigins: ['https://intranet.example/path'] } });
    expect(bad.status).toBe(400);
  });

  it('accepts JSON bodies only on writes, even empty ones', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    for (const path of ['/api/v1/auth/logout', '/api/v1/tickets/1/reopen', `/api/v1/actions/${randomUUID()}/confirm`, `/api/v1/actions/${randomUUID()}/cancel`]) {
      const empty = await tom.send('POST', path, { headers: form });
      expect([path, empty.status]).toEqual([path, 415]);
      const filled = await tom.send('POST', path, { raw: 'a=1', headers: form });
      expect([path, filled.status]).toEqual([path, 415]);
    }
    expect((await tom.send('POST', '/api/v1/tickets', { raw: '{"subject":"beacon"}', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await tom.get('/api/v1/me')).status).toBe(200);
  });
});

describe('security headers', () => {
  it('sends a script policy without inline scripts, nosniff, a referrer policy, and no caching of API answers', async () => {
    const page = await new HttpClient(portico.port).send('GET', '/', { headers: { accept: 'text/html' } });
    const csp = String(page.headers['content-security-policy']);
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'));
    expect(scriptSrc?.trim()).toBe("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(page.headers['strict-transport-security']).toBeUndefined();
    const api = await tom.get('/api/v1/me');
    expect(api.headers['cache-control']).toBe('no-store');
    expect(api.headers['x-content-type-options']).toBe('nosniff');
  });

  it('lets the allowed embedding origins frame the portal', async () => {
    await tech.patch('/api/v1/admin/settings', { embed: { allowedOrigins: ['https://intranet.acmedental.example'] } });
    try {
      const page = await new HttpClient(portico.port).send('GET', '/', { headers: { accept: 'text/html' } });
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'self' https://intranet.acmedental.example");
      expect(page.headers['x-frame-options']).toBeUndefined();
    } finally {
      await tech.patch('/api/v1/admin/settings', { embed: { allowedOrigins: [] } });
    }
    const page = await new HttpClient(portico.port).send('GET', '/', { headers: { accept: 'text/html' } });
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});

describe('bad input gets a 400-class answer naming the problem', () => {
  const expect4xx = (answer: { status: number; body: any }, status = 400) => {
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toEqual(expect.any(String));
    expect(answer.body.error.message.length).toBeGreaterThan(0);
  };

  it('a NUL byte anywhere: login, ticket subject, comment, search, contact search', async () => {
    const login = await new HttpClient(portico.port).post('/api/v1/auth/login', { username: 'tom\u0000', password: 'x' });
    expect4xx(login);
    expect(login.body.error.message).toMatch(/NUL/);
    expect4xx(await tom.post('/api/v1/tickets', { subject: 'a\u0000b', description: 'x' }));
    const ticket = await tom.post('/api/v1/tickets', { subject: 'for a comment', description: 'x' });
    expect4xx(await tom.post(`/api/v1/tickets/${ticket.body.number}/comments`, { body: 'c\u0000' }));
    expect4xx(await tom.get('/api/v1/kb/search?q=vpn%00'));
    expect4xx(await tech.get('/api/v1/admin/contacts?q=anna%00'));
    expect4xx(await tom.post('/api/v1/tickets', { subject: 'lone \ud800 surrogate', description: 'x' }));
  });

  it('a NUL byte in a chat message is refused with an acknowledgement', async () => {
    const chat = await ChatClient.connect(portico.port, tom);
    open.push(chat);
    const ack = await chat.emit('chat:send', { text: 'hello\u0000' });
    expect(ack.error.code).toBe('validation_failed');
  });

  it('a malformed percent-encoding in a path', async () => {
    expect4xx(await tom.get('/api/v1/tickets/%E0%A4%A'));
    expect4xx(await tom.get('/api/v1/i18n/%E0%A4%A'));
  });

  it('a body that says gzip but is not', async () => {
    const answer = await tom.send('POST', '/api/v1/tickets', {
      raw: '{"subject":"plain","description":"x"}',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    });
    expect4xx(answer);
    const real = await tom.send('POST', '/api/v1/tickets', {
      raw: gzipSync('{"subject":"gzipped","description":"x"}'),
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    });
    expect(real.status).toBe(201);
    expect4xx(await tom.send('POST', '/api/v1/tickets', { raw: '{}', headers: { 'content-type': 'application/json', 'content-encoding': 'br, zstd-ish' } }), 415);
  });
});

describe('logs', () => {
  it('redact secrets but keep diagnostics such as a PostgreSQL error code', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString());
        callback();
      },
    });
    const logger = createLogger('info', sink);
    logger.error({ err: Object.assign(new Error('invalid byte sequence'), { code: '22021' }), code: 'internal' }, 'request failed');
    logger.info({ body: { password: 'hunter2', verificationCode: '123456' }, req: { headers: { cookie: 'portico_session=abc' } } }, 'x');
    const [failure, secrets] = lines.map((line) => JSON.parse(line));
    expect(failure.err.code).toBe('22021');
    expect(failure.code).toBe('internal');
    expect(JSON.stringify(secrets)).not.toMatch(/hunter2|123456|portico_session=abc/);
  });
});

describe('a session that ends closes its sockets', () => {
  const disconnected = (client: ChatClient) =>
    new Promise<string>((resolve) => {
      if (!client.socket.connected) return resolve('already');
      client.socket.once('disconnect', (reason) => resolve(reason));
    });

  it('at sign-out: the socket is closed at once and hears nothing more of the user', async () => {
    const tomAgain = await loggedIn(portico.port, DEMO.tom);
    const other = await ChatClient.connect(portico.port, tom);
    const leaving = await ChatClient.connect(portico.port, tomAgain);
    open.push(other, leaving);
    const closed = disconnected(leaving);
    expect((await tomAgain.post('/api/v1/auth/logout')).status).toBe(204);
    expect(await closed).toBe('io server disconnect');
    // Tom's other window, on its own session, goes on; what it sends no longer reaches the signed-out one.
    const heard = leaving.events.length;
    const { ack } = await other.ask('thanks');
    expect(ack.conversationId).toEqual(expect.any(String));
    expect(leaving.events.length).toBe(heard);
  });

  it('at expiry, without any event from the user', async () => {
    const short = await loggedIn(portico.port, DEMO.tom);
    const client = await ChatClient.connect(portico.port, short);
    open.push(client);
    const closed = disconnected(client);
    const key = sessionKey(short.cookie('portico_session')!);
    expect((await portico.db.pool.query('UPDATE sessions SET expires_at = now() WHERE token_hash = $1', [key])).rowCount).toBe(1);
    expect(await closed).toBe('io server disconnect');
  });
});
