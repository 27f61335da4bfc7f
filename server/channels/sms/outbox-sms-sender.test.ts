import type { Database } from '../../../db/database.js';
import { migrate } from '../../../db/migrate.js';
import { listOutboxSms } from '../../../db/repositories/sms-outbox.js';
import { insertTenant } from '../../../db/repositories/tenants.js';
import type { Ctx } from '../../../domain/context.js';
import { AppError } from '../../../domain/errors.js';
import { listSmsOutbox } from '../../../domain/sms/list-sms-outbox.js';
import { purgeSmsOutbox, SMS_OUTBOX_KEPT_SECONDS } from '../../../domain/sms/purge-sms-outbox.js';
import { openEmptyDatabase } from '../../../test/support/portico.js';
import { createSmsSender } from './create-sms-sender.js';
import { OutboxSmsSender } from './outbox-sms-sender.js';

describe('the SMS outbox on a real database', () => {
  let db: Database;
  let tenantId: string;
  let otherTenantId: string;
  let sender: OutboxSmsSender;

  beforeAll(async () => {
    db = await openEmptyDatabase();
    await migrate(db.pool);
    tenantId = (await insertTenant(db.pool, { name: 'T', slug: 't' })).id;
    otherTenantId = (await insertTenant(db.pool, { name: 'O', slug: 'o' })).id;
    sender = new OutboxSmsSender(db.pool);
  });
  afterAll(() => db.close());

  beforeEach(() => db.pool.query('DELETE FROM sms_outbox'));

  const send = (body: string, tenant = tenantId) => sender.send({ tenantId: tenant, to: '+393331234567', body });
  const setCreatedAt = (bodies: string[], at: Date) => db.pool.query('UPDATE sms_outbox SET created_at = $2 WHERE body = ANY($1)', [bodies, at]);
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
  const list = (tenant: string, limit: number) => listOutboxSms(db.pool, tenant, limit, SMS_OUTBOX_KEPT_SECONDS);

  it('stores each message for its tenant and lists the newest first', async () => {
    await send('first');
    await send('second');
    await send('foreign', otherTenantId);
    // Two statements a few microseconds apart could share a timestamp; this test is about the order, not the clock.
    await setCreatedAt(['first'], hoursAgo(1));
    const rows = await list(tenantId, 10);
    expect(rows.map((r) => r.body)).toEqual(['second', 'first']);
    expect(rows[0]).toEqual({ to_phone: '+393331234567', body: 'second', created_at: expect.any(Date) });
    expect((await list(otherTenantId, 10)).map((r) => r.body)).toEqual(['foreign']);
  });

  it('orders messages of the same time by id, and honours the limit', async () => {
    for (const body of ['a', 'b', 'c', 'd']) await send(body);
    await setCreatedAt(['b', 'c', 'd'], hoursAgo(1));
    const ties = await db.pool.query<{ body: string }>("SELECT body FROM sms_outbox WHERE body <> 'a' ORDER BY id DESC");
    const expected = ['a', ...ties.rows.map((r) => r.body)];
    expect((await list(tenantId, 10)).map((r) => r.body)).toEqual(expected);
    expect((await list(tenantId, 2)).map((r) => r.body)).toEqual(expected.slice(0, 2));
  });

  it('keeps messages 24 hours: older ones are neither listed nor kept once purged', async () => {
    expect(SMS_OUTBOX_KEPT_SECONDS).toBe(24 * 3600);
    await send('fresh');
    await send('old');
    await send('foreign old', otherTenantId);
    await setCreatedAt(['old', 'foreign old'], hoursAgo(24.01));
    expect((await list(tenantId, 10)).map((r) => r.body)).toEqual(['fresh']);
    expect(await purgeSmsOutbox(db.pool)).toBe(2);
    expect((await db.pool.query<{ body: string }>('SELECT body FROM sms_outbox')).rows.map((r) => r.body)).toEqual(['fresh']);
  });

  it('answers sms_failed when the message cannot be stored', async () => {
    const error = await send('x', 'not-a-uuid').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('sms_failed');
  });

  it('listSmsOutbox: admins read {to, body, createdAt}; other technicians and portal users are refused', async () => {
    await send('your code is 123456');
    const at = hoursAgo(2);
    await setCreatedAt(['your code is 123456'], at);
    const admin: Ctx = { tenantId, actor: { kind: 'technician', id: 'x', name: 'Admin', admin: true, language: 'en' } };
    expect(await listSmsOutbox(db.pool, admin, 50)).toEqual([{ to: '+393331234567', body: 'your code is 123456', createdAt: at.toISOString() }]);
    const technician: Ctx = { tenantId, actor: { kind: 'technician', id: 'x', name: 'Tech', admin: false, language: 'en' } };
    await expect(listSmsOutbox(db.pool, technician, 50)).rejects.toMatchObject({ code: 'forbidden' });
    const contact: Ctx = { tenantId, actor: { kind: 'contact', id: 'y', name: 'User', companyId: 'z', primary: true, language: 'en' } };
    await expect(listSmsOutbox(db.pool, contact, 50)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('createSmsSender picks Twilio only when SID, token and sender are all set', () => {
    const full = { accountSid: 'AC0123456789abcdef0123456789abcdef', authToken: 'token', from: '+15005550006' };
    expect(createSmsSender({ twilio: full }, db.pool).kind).toBe('twilio');
    expect(createSmsSender({ twilio: { ...full, from: 'MG0123456789abcdef0123456789abcdef' } }, db.pool).kind).toBe('twilio');
    expect(createSmsSender({ twilio: {} }, db.pool).kind).toBe('outbox');
    expect(createSmsSender({ twilio: { ...full, authToken: undefined } }, db.pool).kind).toBe('outbox');
    expect(createSmsSender({ twilio: { ...full, from: undefined } }, db.pool).kind).toBe('outbox');
  });
});
