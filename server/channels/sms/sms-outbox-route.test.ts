import { findTenantBySlug } from '../../../db/repositories/tenants.js';
import { DEMO_SLUG } from '../../../db/seed/demo-tenant.js';
import { createOtherTenant } from '../../../test/factories/tenant.factory.js';
import { DEMO, HttpClient, loggedIn } from '../../../test/support/http-client.js';
import { startTestPortico, type TestPortico } from '../../../test/support/portico.js';
import { OutboxSmsSender } from './outbox-sms-sender.js';

describe('GET /api/v1/admin/outbox/sms', () => {
  let portico: TestPortico;
  let tech: HttpClient;
  let tom: HttpClient;

  beforeAll(async () => {
    portico = await startTestPortico();
    const pool = portico.db.pool;
    const demo = await findTenantBySlug(pool, DEMO_SLUG);
    const other = await createOtherTenant(pool);
    const sender = new OutboxSmsSender(pool);
    // Explicit times: consecutive inserts may share a microsecond, and then "newest first" would not be testable.
    for (const [body, minutesAgo] of [['older code 111111', 3], ['middle code 222222', 2], ['newest code 333333', 1]] as const) {
      await sender.send({ tenantId: demo!.id, to: '+393331234567', body });
      await pool.query("UPDATE sms_outbox SET created_at = now() - $2 * interval '1 minute' WHERE body = $1", [body, minutesAgo]);
    }
    await sender.send({ tenantId: other.tenantId, to: '+447400123456', body: 'other tenant code 999999' });
    [tech, tom] = await Promise.all([loggedIn(portico.port, DEMO.tech), loggedIn(portico.port, DEMO.tom)]);
  });
  afterAll(() => portico.close());

  it('lists the tenant’s messages to admins, newest first', async () => {
    const answer = await tech.get('/api/v1/admin/outbox/sms');
    expect(answer.status).toBe(200);
    expect(answer.body.messages.map((m: any) => m.body)).toEqual(['newest code 333333', 'middle code 222222', 'older code 111111']);
    expect(answer.body.messages[0]).toEqual({ to: '+393331234567', body: 'newest code 333333', createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) });
  });

  it('honours limit and refuses one out of 1..200', async () => {
    expect((await tech.get('/api/v1/admin/outbox/sms?limit=1')).body.messages.map((m: any) => m.body)).toEqual(['newest code 333333']);
    for (const limit of ['0', '201', 'ten']) {
      const answer = await tech.get(`/api/v1/admin/outbox/sms?limit=${limit}`);
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('validation_failed');
    }
  });

  it('refuses portal users (403) and anonymous callers (401)', async () => {
    const portalUser = await tom.get('/api/v1/admin/outbox/sms');
    expect(portalUser.status).toBe(403);
    expect(portalUser.body.error.code).toBe('forbidden');
    expect((await new HttpClient(portico.port).get('/api/v1/admin/outbox/sms')).status).toBe(401);
  });

  it('is in the OpenAPI document with its response schema', async () => {
    const doc = (await new HttpClient(portico.port).get('/api/v1/openapi.json')).body;
    const get = doc.paths['/api/v1/admin/outbox/sms'].get;
    expect(get.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'limit', in: 'query' })]));
    expect(get.responses['200'].content['application/json'].schema.properties.messages.items.$ref).toBe('#/components/schemas/OutboxSms');
    expect(doc.components.schemas.OutboxSms.required).toEqual(['to', 'body', 'createdAt']);
    expect(get.responses['403']).toBeDefined();
  });
});
