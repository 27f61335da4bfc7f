import { DEMO, HttpClient } from './support/http-client.js';
import { startTestPortico, type TestPortico } from './support/portico.js';

describe('login, sessions and throttling', () => {
  let portico: TestPortico;
  beforeAll(async () => {
    portico = await startTestPortico({ loginLimits: { perPair: 3, perAddress: 6 } });
  });
  afterAll(() => portico.close());

  it('signs in a contact with an httpOnly SameSite=Lax cookie and answers /me', async () => {
    const client = new HttpClient(portico.port);
    const login = await client.post('/api/v1/auth/login', { username: DEMO.anna, password: 'portico-demo' });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ kind: 'contact', name: 'Anna Bianchi', language: 'it', roles: ['end_user', 'primary_contact'] });
    const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).join('\n');
    expect(cookie).toMatch(/portico_session=[A-Za-z0-9_-]{40,}/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);

    const me = await client.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      user: expect.objectContaining({ name: 'Anna Bianchi', language: 'it' }),
      sections: { assistant: true, ticketing: true, knowledgeBase: true, selfService: true },
      phone: null,
    });
  });

  it('signs in the technician as admin; usernames are case-insensitive', async () => {
    const client = new HttpClient(portico.port);
    const login = await client.post('/api/v1/auth/login', { username: 'TECH@demo.portico.local', password: 'portico-demo' });
    expect(login.status).toBe(200);
    expect(login.body.user.roles).toEqual(['technician', 'admin']);
  });

  it('answers the same 401 for an unknown user and a wrong password', async () => {
    const client = new HttpClient(portico.port);
    const unknown = await client.post('/api/v1/auth/login', { username: 'nobody@nowhere.example', password: 'portico-demo' });
    const wrong = await client.post('/api/v1/auth/login', { username: DEMO.luc, password: 'not-it' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.error.code).toBe('invalid_credentials');
  });

  it('throttles failures per username and address with 429 and Retry-After, even for the right password', async () => {
    const client = new HttpClient(portico.port);
    for (let i = 0; i < 3; i++) {
      expect((await client.post('/api/v1/auth/login', { username: DEMO.tom, password: `bad-${i}` })).status).toBe(401);
    }
    const blocked = await client.post('/api/v1/auth/login', { username: DEMO.tom, password: 'portico-demo' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another user from the same address is not affected by Tom's count.
    expect((await client.post('/api/v1/auth/login', { username: DEMO.luc, password: 'portico-demo' })).status).toBe(200);
  });

  it('throttles failures per client address across usernames', async () => {
    const client = new HttpClient(portico.port);
    const statuses: number[] = [];
    // Earlier tests already spent some of this address's six failures; distinct usernames use the rest.
    for (let i = 0; i < 6 && statuses.at(-1) !== 429; i++) {
      statuses.push((await client.post('/api/v1/auth/login', { username: `user${i}@x.example`, password: 'x' })).status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    const blocked = await client.post('/api/v1/auth/login', { username: DEMO.anna, password: 'portico-demo' });
    expect(blocked.status).toBe(429);
  });
});

describe('session lifecycle', () => {
  let portico: TestPortico;
  beforeAll(async () => {
    portico = await startTestPortico();
  });
  afterAll(() => portico.close());

  it('rotates the session id at login and revokes the previous one', async () => {
    const client = new HttpClient(portico.port);
    await client.login(DEMO.tom);
    const first = client.cookie('portico_session')!;
    await client.login(DEMO.tom);
    const second = client.cookie('portico_session')!;
    expect(second).not.toBe(first);
    const replay = new HttpClient(portico.port);
    replay.setCookie('portico_session', first);
    expect((await replay.get('/api/v1/me')).status).toBe(401);
    expect((await client.get('/api/v1/me')).status).toBe(200);
  });

  it('logout revokes the session server-side, not only the cookie', async () => {
    const client = new HttpClient(portico.port);
    await client.login(DEMO.luc);
    const token = client.cookie('portico_session')!;
    expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
    const replay = new HttpClient(portico.port);
    replay.setCookie('portico_session', token);
    const me = await replay.get('/api/v1/me');
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('unauthenticated');
  });

  it('expires a session that has been idle too long', async () => {
    const client = new HttpClient(portico.port);
    await client.login(DEMO.anna);
    await portico.db.pool.query(
      "UPDATE sessions SET last_seen_at = now() - interval '9 hours' WHERE revoked_at IS NULL AND principal_id = (SELECT id FROM contacts WHERE username = $1)",
      [DEMO.anna],
    );
    expect((await client.get('/api/v1/me')).status).toBe(401);
  });

  it('never writes passwords or session tokens to the logs', async () => {
    const client = new HttpClient(portico.port);
    await client.post('/api/v1/auth/login', { username: DEMO.tom, password: 'a-secret-wrong-password' });
    await client.login(DEMO.tom);
    const token = client.cookie('portico_session')!;
    await client.get('/api/v1/me');
    const logs = portico.logs.join('');
    expect(logs).toContain('"path":"/api/v1/auth/login"');
    expect(logs).not.toContain('a-secret-wrong-password');
    expect(logs).not.toContain('portico-demo');
    expect(logs).not.toContain(token);
  });
});
