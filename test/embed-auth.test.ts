import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac, randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { createTechnician } from './factories/technician.factory.js';
import { DEMO, HttpClient, loggedIn, type HttpAnswer } from './support/http-client.js';
import { startTestPortico, type TestPortico } from './support/portico.js';

const INTRANET = 'https://intranet.acmedental.example';
const EVIL = 'https://evil.example';

let portico: TestPortico;
let tech: HttpClient;
let tenantId: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  portico = await startTestPortico();
  tech = await loggedIn(portico.port, DEMO.tech);
  tenantId = (await portico.db.pool.query<{ id: string }>("SELECT id FROM tenants WHERE slug = 'demo'")).rows[0]!.id;
  const allowed = await tech.patch('/api/v1/admin/settings', { embed: { allowedOrigins: [INTRANET] } });
  expect(allowed.status).toBe(200);
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await portico.close();
});

/** A client with no cookie jar in use: what the widget on the intranet page is. */
function widget(): HttpClient {
  return new HttpClient(portico.port);
}

function bearer(token: string, origin = INTRANET): Record<string, string> {
  return { authorization: `Bearer ${token}`, origin };
}

async function tokenSignIn(username: string): Promise<{ token: string; expiresAt: string; answer: HttpAnswer }> {
  const answer = await widget().send('POST', '/api/v1/auth/login', {
    json: { username, password: 'portico-demo', transport: 'token' },
    headers: { origin: INTRANET },
  });
  expect(answer.status).toBe(200);
  return { token: answer.body.token, expiresAt: answer.body.expiresAt, answer };
}

/** A /portal handshake as the embedded widget makes it: the token in `auth`, the page's Origin. */
function widgetSocket(token: string, origin = INTRANET): Promise<{ socket: Socket; outcome: 'connected' | string }> {
  const socket = io(`http://127.0.0.1:${portico.port}/portal`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { token },
    extraHeaders: { host: '127.0.0.1', origin },
  });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ socket, outcome: 'connected' }));
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) => resolve({ socket, outcome: error.data?.code ?? error.message }));
  });
}

function corsHeaders(answer: HttpAnswer): Record<string, unknown> {
  return Object.fromEntries(Object.entries(answer.headers).filter(([name]) => name.startsWith('access-control-')));
}

describe('CORS for the origins allowed to embed the portal', () => {
  it('answers a preflight from an allowed origin with that origin, never *, and the API’s methods and headers', async () => {
    const preflight = await widget().send('OPTIONS', '/api/v1/tickets', {
      headers: { origin: INTRANET, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(INTRANET);
    expect(String(preflight.headers.vary)).toMatch(/Origin/);
    expect(String(preflight.headers['access-control-allow-methods']).split(',')).toEqual(expect.arrayContaining(['GET', 'POST', 'PATCH', 'DELETE']));
    expect(String(preflight.headers['access-control-allow-headers']).split(',')).toEqual(expect.arrayContaining(['content-type', 'authorization']));
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();

    const read = await widget().send('GET', '/api/v1/i18n/en', { headers: { origin: INTRANET } });
    expect(read.headers['access-control-allow-origin']).toBe(INTRANET);
  });

  it('gives an origin not allowed only the answer for anyone (`*`, no credentials), and refuses its write even with a valid bearer token', async () => {
    const preflight = await widget().send('OPTIONS', '/api/v1/tickets', {
      headers: { origin: EVIL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });
    // `*`: the page may read what needs no credentials (the branding, the UI's strings, the refusals) and no more.
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    const { token } = await tokenSignIn(DEMO.tom);
    const write = await widget().send('POST', '/api/v1/tickets', { json: { subject: 'from evil', description: 'x' }, headers: bearer(token, EVIL) });
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe('origin_not_allowed');
    expect(write.headers['access-control-allow-origin']).toBe('*');
    const read = await widget().send('GET', '/api/v1/me', { headers: bearer(token, EVIL) });
    expect(read.status).toBe(403);
    expect(read.headers['access-control-allow-origin']).toBe('*');
    expect((await widget().send('GET', '/api/v1/me', { headers: bearer(token) })).status).toBe(200);
    expect((await widgetSocket(token, EVIL)).outcome).toBe('origin_not_allowed');
  });

  it('gives socket.io’s long-polling the same CORS answer as the API', async () => {
    const poll = (origin: string) =>
      widget().send('GET', `/socket.io/?EIO=4&transport=polling&t=${Date.now()}`, { headers: { origin } });
    const allowed = await poll(INTRANET);
    expect(allowed.status).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe(INTRANET);
    expect(corsHeaders(await poll(EVIL))).toEqual({});
  });
});

describe('bearer tokens for the embedded widget', () => {
  it('signs in with a token instead of a cookie, and the token works for REST and the socket from the allowed origin', async () => {
    const { token, expiresAt, answer } = await tokenSignIn(DEMO.tom);
    expect(answer.headers['set-cookie']).toBeUndefined();
    expect(answer.body.user.name).toBe('Tom Baker');
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const lifetime = Date.parse(expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(55 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(60 * 60_000);

    const me = await widget().send('GET', '/api/v1/me', { headers: bearer(token) });
    expect(me.status).toBe(200);
    expect(me.body.user.name).toBe('Tom Baker');
    const ticket = await widget().send('POST', '/api/v1/tickets', { json: { subject: 'From the intranet', description: 'x' }, headers: bearer(token) });
    expect(ticket.status).toBe(201);
    expect(ticket.headers['access-control-allow-origin']).toBe(INTRANET);

    const { socket, outcome } = await widgetSocket(token);
    expect(outcome).toBe('connected');

    // The portal's own sign-in stays on the cookie.
    const portal = widget();
    const cookieSignIn = await portal.post('/api/v1/auth/login', { username: DEMO.tom, password: 'portico-demo' });
    expect(cookieSignIn.status).toBe(200);
    expect(portal.cookie('portico_session')).toBeDefined();
    expect(cookieSignIn.body.token).toBeUndefined();
    // Signed in on the socket: an unknown conversation is not found, not a request to sign in.
    const ack = await socket.timeout(10_000).emitWithAck('chat:load', { conversationId: randomUUID() });
    expect(ack.error.code).toBe('not_found');
  });

  it('refuses the token after sign-out, on REST and on the socket it opened', async () => {
    const { token } = await tokenSignIn(DEMO.anna);
    const { socket, outcome } = await widgetSocket(token);
    expect(outcome).toBe('connected');
    const closed = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

    const logout = await widget().send('POST', '/api/v1/auth/logout', { headers: bearer(token) });
    expect(logout.status).toBe(204);
    expect(logout.headers['set-cookie']).toBeUndefined();
    expect(await closed).toBe('io server disconnect');
    const me = await widget().send('GET', '/api/v1/me', { headers: bearer(token) });
    expect(me.status).toBe(401);
    expect((await widgetSocket(token)).outcome).toBe('unauthenticated');
    expect((await widget().send('POST', '/api/v1/auth/token', { headers: bearer(token) })).status).toBe(401);
  });

  it('renews a token for another hour, and a token not refreshed stops working', async () => {
    const { token, expiresAt } = await tokenSignIn(DEMO.luc);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const refreshed = await widget().send('POST', '/api/v1/auth/token', { headers: bearer(token) });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.token).toBe(token);
    expect(Date.parse(refreshed.body.expiresAt)).toBeGreaterThan(Date.parse(expiresAt));

    // An hour without a refresh.
    await portico.db.pool.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE transport = 'token'");
    expect((await widget().send('GET', '/api/v1/me', { headers: bearer(token) })).status).toBe(401);
    expect((await widget().send('POST', '/api/v1/auth/token', { headers: bearer(token) })).status).toBe(401);
  });

  it('renews only tokens: a cookie session is not stretched or shortened by the refresh route', async () => {
    const client = await loggedIn(portico.port, DEMO.tom);
    const refreshed = await client.send('POST', '/api/v1/auth/token', { headers: { origin: 'http://127.0.0.1' } });
    expect(refreshed.status).toBe(401);
    expect((await client.get('/api/v1/me')).status).toBe(200);
  });
});

describe('verified identity', () => {
  const sign = (secret: string, email: string, expires: number) => createHmac('sha256', secret).update(`${email}:${expires}`).digest('hex');
  const inMinutes = (minutes: number) => Math.floor(Date.now() / 1000) + minutes * 60;
  const present = (body: unknown, language = 'en') =>
    widget().send('POST', '/api/v1/auth/verified-identity', { json: body, headers: { origin: INTRANET, 'accept-language': language } });
  let secret: string;

  beforeAll(async () => {
    const answer = await tech.get('/api/v1/admin/embed/secret');
    expect(answer.status).toBe(200);
    secret = answer.body.secret;
  });

  it('shows the embed secret to admins only, the same on every read, stored encrypted', async () => {
    expect(secret).toMatch(/^pes_[A-Za-z0-9_-]{43}$/);
    expect((await tech.get('/api/v1/admin/embed/secret')).body.secret).toBe(secret);
    const helpdesk = await createTechnician(portico.db.pool, tenantId);
    const technician = widget();
    await technician.login(helpdesk.username, helpdesk.password);
    expect((await technician.get('/api/v1/admin/embed/secret')).status).toBe(403);
    expect((await (await loggedIn(portico.port, DEMO.tom)).get('/api/v1/admin/embed/secret')).status).toBe(403);
    expect((await widget().get('/api/v1/admin/embed/secret')).status).toBe(401);
    const stored = await portico.db.pool.query<{ secret_encrypted: string }>('SELECT secret_encrypted FROM embed_secrets');
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]!.secret_encrypted).not.toContain(secret.slice(4, 20));
  });

  it('signs in the contact a correctly signed identity names, with a bearer token', async () => {
    const expires = inMinutes(5);
    const answer = await present({ email: 'Tom.Baker@AcmeDental.example', expires, signature: sign(secret, 'Tom.Baker@AcmeDental.example', expires) });
    expect(answer.status).toBe(200);
    expect(answer.body.user.name).toBe('Tom Baker');
    expect(answer.headers['set-cookie']).toBeUndefined();
    const me = await widget().send('GET', '/api/v1/me', { headers: bearer(answer.body.token) });
    expect(me.body.user.name).toBe('Tom Baker');
    expect((await widgetSocket(answer.body.token)).outcome).toBe('connected');
  });

  it('refuses a wrong signature, an unknown email, a signature dated too far ahead and an expired one, in the same shape', async () => {
    const expires = inMinutes(5);
    const email = DEMO.anna;
    const refusals = await Promise.all([
      present({ email, expires, signature: sign(secret, DEMO.tom, expires) }),
      present({ email, expires, signature: sign(`${secret}x`, email, expires) }),
      present({ email: 'nobody@acmedental.example', expires, signature: sign(secret, 'nobody@acmedental.example', expires) }),
      present({ email, expires: inMinutes(30), signature: sign(secret, email, inMinutes(30)) }),
    ]);
    for (const refusal of refusals) {
      expect(refusal.status).toBe(401);
      expect(refusal.body).toEqual({ error: { code: 'identity_invalid', message: expect.any(String) } });
    }
    const past = inMinutes(-1);
    const expired = await present({ email, expires: past, signature: sign(secret, email, past) }, 'it');
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ error: { code: 'identity_expired', message: expect.stringContaining('Ricarichi la pagina') } });
  });

  it('signs in once per signature: a replay within its validity is refused', async () => {
    const expires = inMinutes(5);
    const body = { email: DEMO.luc, expires, signature: sign(secret, DEMO.luc, expires) };
    const [first, second] = await Promise.all([present(body), present(body)]);
    expect([first!.status, second!.status].sort()).toEqual([200, 401]);
    expect((await present(body)).body.error.code).toBe('identity_invalid');
  });

  it('stops accepting the old secret as soon as an admin rotates it, and records who did', async () => {
    const rotated = await tech.send('POST', '/api/v1/admin/embed/secret/rotate', { headers: { origin: 'http://127.0.0.1' } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^pes_/);
    expect(rotated.body.secret).not.toBe(secret);
    const expires = inMinutes(5);
    const old = await present({ email: DEMO.tom, expires, signature: sign(secret, DEMO.tom, expires) });
    expect(old.status).toBe(401);
    expect(old.body.error.code).toBe('identity_invalid');
    const fresh = await present({ email: DEMO.tom, expires, signature: sign(rotated.body.secret, DEMO.tom, expires) });
    expect(fresh.status).toBe(200);
    expect((await tech.get('/api/v1/admin/embed/secret')).body.secret).toBe(rotated.body.secret);
    const audit = await portico.db.pool.query("SELECT actor_kind FROM audit_log WHERE action = 'embed.secret_rotated'");
    expect(audit.rows).toEqual([{ actor_kind: 'technician' }]);
    const contact = await (await loggedIn(portico.port, DEMO.tom)).send('POST', '/api/v1/admin/embed/secret/rotate', { headers: { origin: 'http://127.0.0.1' } });
    expect(contact.status).toBe(403);
    secret = rotated.body.secret;
  });
});

describe('verified identity failures under a parallel burst', () => {
  let throttled: TestPortico;
  beforeAll(async () => {
    // Five failures per address instead of the policy's twenty, to keep the burst small.
    throttled = await startTestPortico({ identityFailuresPerAddress: 5 });
  });
  afterAll(() => throttled.close());

  it('lets no more bad signatures through from one address than the limit, however many arrive at once', async () => {
    const admin = await loggedIn(throttled.port, DEMO.tech);
    const { secret } = (await admin.get('/api/v1/admin/embed/secret')).body;
    const client = new HttpClient(throttled.port);
    const expires = Math.floor(Date.now() / 1000) + 300;
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        client.send('POST', '/api/v1/auth/verified-identity', { json: { email: DEMO.tom, expires, signature: (i % 10).toString().repeat(64) } }),
      ),
    );
    const count = (status: number) => answers.filter((a) => a.status === status).length;
    expect(count(401)).toBe(5);
    expect(count(429)).toBe(10);
    expect(answers.find((a) => a.status === 429)!.headers['retry-after']).toMatch(/^\d+$/);
    const good = createHmac('sha256', secret).update(`${DEMO.tom}:${expires}`).digest('hex');
    const afterwards = await client.send('POST', '/api/v1/auth/verified-identity', { json: { email: DEMO.tom, expires, signature: good } });
    expect(afterwards.status).toBe(429);
  });
});
