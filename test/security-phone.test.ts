import { beforeEach, describe, expect, it } from '@jest/globals';
import type { ChatClient } from './support/chat-client.js';
import { useDemoPortico } from './support/demo-portico.js';
import { DEMO, type HttpClient } from './support/http-client.js';
import { codeIn, latestSms, resetSmsAllowance } from './support/self-service.js';

// The phone on record is the second factor of every self-service action: a session alone must not be able to move it.

const demo = useDemoPortico();

const NEW_PHONE = '+39 333 765 4321';
const NEW_E164 = '+393337654321';

type Sms = { to: string; body: string; createdAt: string };

async function contact(username: string): Promise<{ id: string; phone: string | null }> {
  const { body } = await demo.users.tech.get(`/api/v1/admin/contacts?q=${encodeURIComponent(username)}`);
  return body.contacts.find((c: { username: string }) => c.username === username);
}

async function smsTo(phone: string): Promise<Sms[]> {
  const { body } = await demo.users.tech.get('/api/v1/admin/outbox/sms?limit=200');
  return (body.messages as Sms[]).filter((m) => m.to === phone);
}

async function propose(client: ChatClient, text: string): Promise<any> {
  const { answer } = await client.ask(text);
  return (await client.waitFor('chat:action', (p) => p.conversationId === answer.conversationId)).action;
}

async function auditActions(contactId: string): Promise<string[]> {
  const { rows } = await demo.portico.db.pool.query<{ action: string }>(
    `SELECT action FROM audit_log WHERE target_id = $1 AND action LIKE 'contact.phone%' ORDER BY id`,
    [contactId],
  );
  return rows.map((r) => r.action);
}

/** A REST reset_password on the user's first device, confirmed: it waits for the code sent to the phone on record. */
async function resetWaitingForCode(user: HttpClient): Promise<string> {
  const deviceId = (await user.get('/api/v1/devices')).body.devices[0].id;
  const created = await user.post('/api/v1/selfservice/actions', { deviceId, kind: 'reset_password' });
  expect(created.status).toBe(201);
  const confirmed = await user.post(`/api/v1/actions/${created.body.action.id}/confirm`);
  expect(confirmed.body).toMatchObject({ action: { status: 'awaiting_code' }, needsPhone: false });
  return created.body.action.id;
}

beforeEach(() => resetSmsAllowance(demo.portico.db.pool));

describe('a saved phone cannot be replaced with a session alone', () => {
  it('phone:set is refused while a password reset waits for its code: nothing goes to the new number, the phone on record stays', async () => {
    const tom = await demo.chat('tom');
    expect(await tom.emit('phone:set', { phone: '+44 7400 123456' })).toEqual({ ok: true });
    const action = await propose(tom, 'I forgot my windows password, please reset it');
    expect(action.kind).toBe('reset_password');
    expect((await tom.emit('action:confirm', { actionId: action.id })).needsPhone).toBe(false);
    expect((await latestSms(demo.users.tech, '+447400123456')).body).toMatch(/Password reset on TOM-LAPTOP/i);
    // The sending allowance is not what refuses it.
    await resetSmsAllowance(demo.portico.db.pool);

    const refused = await tom.emit('phone:set', { phone: NEW_PHONE });
    expect(refused.error.code).toBe('phone_already_set');
    expect(refused.error.message).toMatch(/already saved/);
    expect(await smsTo(NEW_E164)).toEqual([]);
    expect((await contact(DEMO.tom)).phone).toBe('+447400123456');
    expect((await tom.emit('action:cancel', { actionId: action.id })).action.status).toBe('cancelled');
  });

  it('PUT /me/phone is refused the same way, in the user\'s language', async () => {
    const luc = demo.users.luc;
    expect((await luc.send('PUT', '/api/v1/me/phone', { json: { phone: '+33 6 12 34 56 78' } })).status).toBe(200);
    const actionId = await resetWaitingForCode(luc);
    await resetSmsAllowance(demo.portico.db.pool);

    const refused = await luc.send('PUT', '/api/v1/me/phone', { json: { phone: NEW_PHONE } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('phone_already_set');
    expect(refused.body.error.message).toMatch(/déjà enregistré/);
    expect(await smsTo(NEW_E164)).toEqual([]);
    expect((await contact(DEMO.luc)).phone).toBe('+33612345678');
    expect((await luc.post(`/api/v1/actions/${actionId}/cancel`)).status).toBe(200);
  });

  it('of two first phones saved at once, one is kept', async () => {
    const anna = await demo.chat('anna');
    const answers = await Promise.all(['+39 312 345 6789', NEW_PHONE].map((phone) => anna.emit('phone:set', { phone })));
    expect(answers.filter((a) => a.ok === true)).toHaveLength(1);
    expect(answers.filter((a) => a.error?.code === 'phone_already_set')).toHaveLength(1);
    const kept = (await contact(DEMO.anna)).phone;
    expect(['+393123456789', NEW_E164]).toContain(kept);
    // Put Anna back as the next tests expect her: no phone.
    expect((await demo.users.tech.send('DELETE', `/api/v1/admin/contacts/${(await contact(DEMO.anna)).id}/phone`)).status).toBe(204);
  });

  it('after an admin\'s reset the user sets a phone again, and the waiting action\'s code goes to it', async () => {
    const tom = await demo.chat('tom');
    const { id } = await contact(DEMO.tom);
    const action = await propose(tom, 'please restart my laptop');
    await tom.emit('action:confirm', { actionId: action.id });
    expect((await demo.users.tom.send('DELETE', `/api/v1/admin/contacts/${id}/phone`)).status).toBe(403);
    expect((await demo.users.tech.send('DELETE', `/api/v1/admin/contacts/${id}/phone`)).status).toBe(204);
    expect((await contact(DEMO.tom)).phone).toBeNull();
    await resetSmsAllowance(demo.portico.db.pool);

    expect(await tom.emit('phone:set', { phone: NEW_PHONE })).toEqual({ ok: true });
    expect((await contact(DEMO.tom)).phone).toBe(NEW_E164);
    expect((await latestSms(demo.users.tech, NEW_E164)).body).toMatch(/Restart on TOM-LAPTOP/);
    expect((await tom.emit('action:cancel', { actionId: action.id })).action.status).toBe('cancelled');
    expect(await auditActions(id)).toEqual(expect.arrayContaining(['contact.phone_set', 'contact.phone_removed']));
  });
});

describe('changing the phone on record: the password, then a code sent to the phone on record', () => {
  it('refuses a wrong password and a wrong code, and replaces the phone with both right', async () => {
    const anna = demo.users.anna;
    const { id } = await contact(DEMO.anna);
    const oldPhone = '+39 312 345 6789';
    const ANNA_NEW_PHONE = '+39 347 765 4321';
    const ANNA_NEW_E164 = '+393477654321';
    expect((await anna.send('PUT', '/api/v1/me/phone', { json: { phone: oldPhone } })).status).toBe(200);
    const before = (await smsTo('+393123456789')).length;

    const wrongPassword = await anna.post('/api/v1/me/phone/change', { password: 'not-her-password' });
    expect(wrongPassword.status).toBe(403);
    expect(wrongPassword.body.error.code).toBe('wrong_password');
    expect(await smsTo('+393123456789')).toHaveLength(before);

    const started = await anna.post('/api/v1/me/phone/change', { password: 'portico-demo' });
    expect(started.status).toBe(202);
    expect(await smsTo(ANNA_NEW_E164)).toEqual([]);
    const sms = await latestSms(demo.users.tech, '+393123456789');
    expect(sms.body).toMatch(/cambiare il numero/);
    const code = codeIn(sms.body);

    const wrongCode = await anna.post('/api/v1/me/phone/change/confirm', { code: code === '000000' ? '111111' : '000000', phone: ANNA_NEW_PHONE });
    expect(wrongCode.status).toBe(400);
    expect(wrongCode.body.error.code).toBe('invalid_code');
    expect((await contact(DEMO.anna)).phone).toBe('+393123456789');

    const changed = await anna.post('/api/v1/me/phone/change/confirm', { code, phone: ANNA_NEW_PHONE });
    expect(changed.status).toBe(200);
    expect((await contact(DEMO.anna)).phone).toBe(ANNA_NEW_E164);
    // A code proves one change only.
    const again = await anna.post('/api/v1/me/phone/change/confirm', { code, phone: oldPhone });
    expect(again.body.error.code).toBe('code_expired');
    expect((await contact(DEMO.anna)).phone).toBe(ANNA_NEW_E164);

    expect(await auditActions(id)).toEqual(
      expect.arrayContaining(['contact.phone_change_refused', 'contact.phone_change_requested', 'contact.phone_changed']),
    );
  });

  it('a code sent for an action does not change the phone, and five wrong codes void the change code', async () => {
    const luc = demo.users.luc;
    const actionId = await resetWaitingForCode(luc);
    const actionCode = codeIn((await latestSms(demo.users.tech, '+33612345678')).body);
    await resetSmsAllowance(demo.portico.db.pool);
    expect((await luc.post('/api/v1/me/phone/change/confirm', { code: actionCode, phone: NEW_PHONE })).body.error.code).toBe('code_expired');

    expect((await luc.post('/api/v1/me/phone/change', { password: 'portico-demo' })).status).toBe(202);
    const code = codeIn((await latestSms(demo.users.tech, '+33612345678')).body);
    const wrong = code === '999999' ? '999998' : '999999';
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await luc.post('/api/v1/me/phone/change/confirm', { code: wrong, phone: NEW_PHONE })).body.error.code);
    expect(answers).toEqual(['invalid_code', 'invalid_code', 'invalid_code', 'invalid_code', 'too_many_attempts']);
    expect((await luc.post('/api/v1/me/phone/change/confirm', { code, phone: NEW_PHONE })).body.error.code).toBe('too_many_attempts');
    expect((await contact(DEMO.luc)).phone).toBe('+33612345678');
    expect((await luc.post(`/api/v1/actions/${actionId}/cancel`)).status).toBe(200);
  });

  it('an admin\'s reset ends a change under way: its code, sent to the removed phone, no longer moves the new one', async () => {
    const luc = demo.users.luc;
    const { id } = await contact(DEMO.luc);
    expect((await luc.post('/api/v1/me/phone/change', { password: 'portico-demo' })).status).toBe(202);
    const code = codeIn((await latestSms(demo.users.tech, '+33612345678')).body);
    expect((await demo.users.tech.send('DELETE', `/api/v1/admin/contacts/${id}/phone`)).status).toBe(204);
    expect((await luc.send('PUT', '/api/v1/me/phone', { json: { phone: '+33 7 81 23 45 67' } })).status).toBe(200);
    expect((await luc.post('/api/v1/me/phone/change/confirm', { code, phone: NEW_PHONE })).body.error.code).toBe('code_expired');
    expect((await contact(DEMO.luc)).phone).toBe('+33781234567');
  });

  it('counts wrong passwords: of ten sent at once, five are checked and the rest throttled', async () => {
    const luc = demo.users.luc;
    const answers = await Promise.all(Array.from({ length: 10 }, () => luc.post('/api/v1/me/phone/change', { password: 'guess' })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429, 429, 429, 429, 429]);
    // The right password waits for the window too.
    const right = await luc.post('/api/v1/me/phone/change', { password: 'portico-demo' });
    expect(right.status).toBe(429);
    expect(right.headers['retry-after']).toBeDefined();
  });

  it('validates both steps and asks for a first phone through phone:set instead', async () => {
    const tom = demo.users.tom;
    expect((await tom.post('/api/v1/me/phone/change', {})).status).toBe(400);
    expect((await tom.post('/api/v1/me/phone/change', { password: 'x', extra: 1 })).status).toBe(400);
    expect((await tom.post('/api/v1/me/phone/change/confirm', { code: '12', phone: NEW_PHONE })).status).toBe(400);
    expect((await tom.post('/api/v1/me/phone/change/confirm', { code: '123456', phone: '12345' })).body.error.code).toBe('invalid_phone');
    expect((await demo.users.tech.post('/api/v1/me/phone/change', { password: 'portico-demo' })).status).toBe(403);
    const { id } = await contact(DEMO.tom);
    expect((await demo.users.tech.send('DELETE', `/api/v1/admin/contacts/${id}/phone`)).status).toBe(204);
    expect((await tom.post('/api/v1/me/phone/change', { password: 'portico-demo' })).body.error.code).toBe('phone_required');
  });
});
