import { describe, expect, it } from '@jest/globals';
import { useDemoPortico } from './support/demo-portico.js';
import { DEMO, HttpClient } from './support/http-client.js';

// An enrollment token lets whoever holds it put a computer into a client's company: it enrolls one device unless a
// technician chose a count for a rollout, every use is counted, and technicians see and revoke them.

const demo = useDemoPortico();

async function acmeId(): Promise<string> {
  const { body } = await demo.users.tech.get(`/api/v1/admin/contacts?q=${encodeURIComponent(DEMO.tom)}`);
  return body.contacts[0].companyId;
}

async function makeToken(body: Record<string, unknown> = {}): Promise<{ id: string; token: string; maxUses: number; expiresAt: string }> {
  const answer = await demo.users.tech.post('/api/v1/admin/enrollment-tokens', { companyId: await acmeId(), ...body });
  expect(answer.status).toBe(201);
  return answer.body;
}

let serial = 0;
function enroll(token: string) {
  return new HttpClient(demo.portico.port).post('/api/v1/agents/enroll', { token, name: `ROLLOUT-${++serial}`, os: 'windows', agentVersion: '1.0.0' });
}

async function listed(id: string): Promise<Record<string, unknown>> {
  const { body } = await demo.users.tech.get('/api/v1/admin/enrollment-tokens');
  return body.tokens.find((t: { id: string }) => t.id === id);
}

describe('enrollment tokens', () => {
  it('enroll one device by default: a second enrollment with the same token is refused', async () => {
    const grant = await makeToken();
    expect((await enroll(grant.token)).status).toBe(201);
    const second = await enroll(grant.token);
    expect(second.status).toBe(401);
    expect(second.body.error.code).toBe('enrollment_token_invalid');
    expect(grant.maxUses).toBe(1);
    expect(await listed(grant.id)).toMatchObject({ uses: 1, maxUses: 1, revokedAt: null });
  });

  it('a token for a rollout of three enrolls exactly three devices of six sent at once', async () => {
    const grant = await makeToken({ maxUses: 3, validDays: 2 });
    const answers = await Promise.all(Array.from({ length: 6 }, () => enroll(grant.token)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 201, 401, 401, 401]);
    expect(await listed(grant.id)).toMatchObject({ uses: 3, maxUses: 3 });
    const days = (Date.parse(grant.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(1.9);
    expect(days).toBeLessThanOrEqual(2);
  });

  it('a multi-use token is an explicit choice, with an expiry, and both are bounded', async () => {
    const companyId = await acmeId();
    const make = (body: Record<string, unknown>) => demo.users.tech.post('/api/v1/admin/enrollment-tokens', { companyId, ...body });
    expect((await make({ maxUses: 50 })).status).toBe(400);
    expect((await make({ maxUses: 1001, validDays: 7 })).status).toBe(400);
    expect((await make({ maxUses: 0 })).status).toBe(400);
    expect((await make({ validDays: 365 })).status).toBe(400);
    expect((await make({ maxUses: 1000, validDays: 30 })).status).toBe(201);
  });

  it('a revoked token is refused, and the revocation is audited', async () => {
    const grant = await makeToken({ maxUses: 10, validDays: 1 });
    expect((await enroll(grant.token)).status).toBe(201);
    expect((await demo.users.tom.send('DELETE', `/api/v1/admin/enrollment-tokens/${grant.id}`)).status).toBe(403);
    expect((await demo.users.tech.send('DELETE', `/api/v1/admin/enrollment-tokens/${grant.id}`)).status).toBe(204);
    const refused = await enroll(grant.token);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('enrollment_token_invalid');
    expect(await listed(grant.id)).toMatchObject({ uses: 1, maxUses: 10, revokedAt: expect.any(String) });
    expect((await demo.users.tech.send('DELETE', '/api/v1/admin/enrollment-tokens/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const { rows } = await demo.portico.db.pool.query("SELECT actor_kind FROM audit_log WHERE action = 'enrollment_token.revoked' AND target_id = $1", [grant.id]);
    expect(rows).toEqual([{ actor_kind: 'technician' }]);
  });

  it('lists tokens for technicians with their uses, never the token itself', async () => {
    const grant = await makeToken({ contactId: (await demo.users.tech.get(`/api/v1/admin/contacts?q=${encodeURIComponent(DEMO.tom)}`)).body.contacts[0].id });
    const answer = await demo.users.tech.get(`/api/v1/admin/enrollment-tokens?companyId=${await acmeId()}`);
    expect(answer.status).toBe(200);
    expect(answer.body.tokens[0]).toEqual({
      id: grant.id,
      companyId: await acmeId(),
      companyName: 'Acme Dental',
      contactId: expect.any(String),
      createdAt: expect.any(String),
      expiresAt: grant.expiresAt,
      uses: 0,
      maxUses: 1,
      revokedAt: null,
    });
    expect(answer.text).not.toContain(grant.token);
    expect(answer.text).not.toMatch(/pet_|token_hash|tokenHash/);
    expect((await demo.users.tom.get('/api/v1/admin/enrollment-tokens')).status).toBe(403);
  });
});
