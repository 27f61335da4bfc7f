import { describe, expect, it } from '@jest/globals';
import { insertOutboxSms } from '../db/repositories/sms-outbox.js';
import { createTechnician } from './factories/technician.factory.js';
import { useDemoPortico } from './support/demo-portico.js';
import { DEMO, HttpClient } from './support/http-client.js';

// The outbox holds verification codes and temporary passwords in clear: admins only, and only for a day.

const demo = useDemoPortico();

async function demoTenantId(): Promise<string> {
  const { rows } = await demo.portico.db.pool.query<{ tenant_id: string }>('SELECT tenant_id FROM technicians WHERE username = $1', [DEMO.tech]);
  return rows[0]!.tenant_id;
}

describe('the SMS outbox', () => {
  it('is read by admins only: a technician who is not an admin is refused', async () => {
    const tenantId = await demoTenantId();
    await insertOutboxSms(demo.portico.db.pool, tenantId, { to: '+447400123456', body: 'Sign in with the temporary password Xy7Kp2' });
    const helpdesk = await createTechnician(demo.portico.db.pool, tenantId);
    const technician = new HttpClient(demo.portico.port);
    await technician.login(helpdesk.username, helpdesk.password);

    const refused = await technician.get('/api/v1/admin/outbox/sms');
    expect(refused.status).toBe(403);
    expect(refused.text).not.toContain('Xy7Kp2');
    expect((await demo.users.tom.get('/api/v1/admin/outbox/sms')).status).toBe(403);
    const admin = await demo.users.tech.get('/api/v1/admin/outbox/sms');
    expect(admin.status).toBe(200);
    expect(admin.text).toContain('Xy7Kp2');
  });

  it('keeps a message 24 hours: an older one is neither listed nor stored', async () => {
    const tenantId = await demoTenantId();
    const pool = demo.portico.db.pool;
    await insertOutboxSms(pool, tenantId, { to: '+447400123456', body: 'old code 111222' });
    await insertOutboxSms(pool, tenantId, { to: '+447400123456', body: 'recent code 333444' });
    await pool.query(`UPDATE sms_outbox SET created_at = now() - interval '24 hours 1 minute' WHERE body = 'old code 111222'`);
    await pool.query(`UPDATE sms_outbox SET created_at = now() - interval '23 hours' WHERE body = 'recent code 333444'`);

    const { body } = await demo.users.tech.get('/api/v1/admin/outbox/sms');
    const bodies = body.messages.map((m: { body: string }) => m.body);
    expect(bodies).toContain('recent code 333444');
    expect(bodies).not.toContain('old code 111222');
    const stored = await pool.query(`SELECT body FROM sms_outbox WHERE body LIKE '% code %'`);
    expect(stored.rows).toEqual([{ body: 'recent code 333444' }]);
  });
});
