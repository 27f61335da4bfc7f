import { DEMO, HttpClient, loggedIn } from './support/http-client.js';
import { startTestPortico, type TestPortico } from './support/portico.js';

describe('bad input gets a 4xx with {"error":{"code","message"}}, never a 500', () => {
  let portico: TestPortico;
  let tom: HttpClient;
  let tech: HttpClient;

  beforeAll(async () => {
    portico = await startTestPortico();
    [tom, tech] = await Promise.all([loggedIn(portico.port, DEMO.tom), loggedIn(portico.port, DEMO.tech)]);
  });
  afterAll(() => portico.close());

  const expectError = (answer: { status: number; body: any }, status: number, code: string) => {
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
    expect(answer.body.error.message.length).toBeGreaterThan(0);
  };

  it('malformed JSON', async () => {
    for (const raw of ['{"subject": ', 'not json', '{"a":1}}', '"just a string"', '42']) {
      const answer = await tom.send('POST', '/api/v1/tickets', { raw, headers: { 'content-type': 'application/json' } });
      expectError(answer, 400, 'validation_failed');
    }
    const login = await new HttpClient(portico.port).send('POST', '/api/v1/auth/login', {
      raw: '{username:',
      headers: { 'content-type': 'application/json' },
    });
    expectError(login, 400, 'validation_failed');
  });

  it('wrong types and missing fields, with the zod issues', async () => {
    const answer = await tom.post('/api/v1/tickets', { subject: 42, priority: 'whenever' });
    expectError(answer, 400, 'validation_failed');
    const paths = (answer.body.error.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['subject', 'priority']));
    expectError(await tom.post('/api/v1/tickets', {}), 400, 'validation_failed');
    expectError(await tom.post('/api/v1/tickets', { subject: '   ' }), 400, 'validation_failed');
    expectError(await new HttpClient(portico.port).post('/api/v1/auth/login', { username: DEMO.tom }), 400, 'validation_failed');
    expectError(await tom.post('/api/v1/tickets', [{ subject: 'array' }]), 400, 'validation_failed');
  });

  it('unknown fields', async () => {
    const answer = await tom.post('/api/v1/tickets', { subject: 'x', requesterId: 'someone-else' });
    expectError(answer, 400, 'validation_failed');
    expect(answer.body.error.message).toMatch(/requesterId/);
    expectError(await tom.get('/api/v1/tickets?sort=evil'), 400, 'validation_failed');
  });

  it('bad query values', async () => {
    expectError(await tom.get('/api/v1/tickets?limit=-1'), 400, 'validation_failed');
    expectError(await tom.get('/api/v1/tickets?limit=abc'), 400, 'validation_failed');
    expectError(await tom.get('/api/v1/tickets?status=deleted'), 400, 'validation_failed');
  });

  it('oversized bodies', async () => {
    const answer = await tom.post('/api/v1/tickets', { subject: 'big', description: 'x'.repeat(300 * 1024) });
    expectError(answer, 413, 'payload_too_large');
    expectError(await tom.post('/api/v1/tickets', { subject: 'long', description: 'y'.repeat(20_001) }), 400, 'validation_failed');
  });

  it('a body that is not JSON', async () => {
    const form = await tom.send('POST', '/api/v1/tickets', { raw: 'subject=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expectError(form, 415, 'unsupported_media_type');
    const plain = await tom.send('POST', '/api/v1/tickets', { raw: '{"subject":"x"}', headers: { 'content-type': 'text/plain' } });
    expectError(plain, 415, 'unsupported_media_type');
  });

  it('bad and unknown ticket ids', async () => {
    for (const id of ['abc', '1; DROP TABLE tickets', '00000000-0000-0000-0000', '12345678901']) {
      expectError(await tom.get(`/api/v1/tickets/${encodeURIComponent(id)}`), 400, 'validation_failed');
    }
    expectError(await tom.get('/api/v1/tickets/999999'), 404, 'not_found');
    expectError(await tom.get('/api/v1/tickets/7c9e6679-7425-40de-944b-e07fc1f90ae7'), 404, 'not_found');
    expectError(await tom.post('/api/v1/tickets/999999/comments', { body: 'x' }), 404, 'not_found');
  });

  it('a missing or forged session', async () => {
    const anonymous = new HttpClient(portico.port);
    for (const answer of [
      await anonymous.get('/api/v1/me'),
      await anonymous.get('/api/v1/tickets'),
      await anonymous.post('/api/v1/tickets', { subject: 'x' }),
      await anonymous.get('/api/v1/admin/settings'),
    ]) {
      expectError(answer, 401, 'unauthenticated');
    }
    const forged = new HttpClient(portico.port);
    forged.setCookie('portico_session', 'A'.repeat(43));
    expectError(await forged.get('/api/v1/me'), 401, 'unauthenticated');
  });

  it('unknown routes and unknown hosts', async () => {
    expectError(await tom.get('/api/v1/nothing-here'), 404, 'not_found');
    expectError(await new HttpClient(portico.port, 'nobody.example.com').get('/api/v1/me'), 404, 'unknown_tenant');
    const page = await new HttpClient(portico.port, 'nobody.example.com').get('/', { accept: 'text/html' });
    expect(page.status).toBe(404);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('There is no portal at this address.');
  });

  it('answers in the language of the browser when nobody is signed in', async () => {
    const answer = await new HttpClient(portico.port).send('GET', '/api/v1/me', { headers: { 'accept-language': 'de-DE,de;q=0.9,en;q=0.5' } });
    expect(answer.body.error.message).toBe('Bitte melden Sie sich an, um fortzufahren.');
  });

  it('a merge patch that is not an object', async () => {
    expectError(await tech.patch('/api/v1/admin/settings', ['x']), 400, 'validation_failed');
  });

  it('wrote no error-level log line while answering all of the above', () => {
    const errors = portico.logs.filter((line) => JSON.parse(line).level >= 50);
    expect(errors).toEqual([]);
  });
});
