import { beforeEach, describe, expect, it } from '@jest/globals';
import type { ChatClient } from './support/chat-client.js';
import { useDemoPortico } from './support/demo-portico.js';
import { codeIn, latestSms, resetSmsAllowance, statusReached } from './support/self-service.js';

// The demo devices are served by simulated agents inside the server: this suite runs the whole flow, from the chat's
// proposal to the device's report, through the /portal and /agents namespaces.

const demo = useDemoPortico();
const chat = demo.chat;

async function contactId(username: string): Promise<string> {
  const { body } = await demo.users.tech.get(`/api/v1/admin/contacts?q=${encodeURIComponent(username)}`);
  return body.contacts.find((c: { username: string }) => c.username === username).id;
}

async function removePhone(username: string): Promise<void> {
  expect((await demo.users.tech.send('DELETE', `/api/v1/admin/contacts/${await contactId(username)}/phone`)).status).toBe(204);
}

/** Asks the assistant for an action and answers the card that appears. */
async function propose(client: ChatClient, text: string): Promise<any> {
  const { answer } = await client.ask(text);
  return (await client.waitFor('chat:action', (p) => p.conversationId === answer.conversationId)).action;
}

beforeEach(() => resetSmsAllowance(demo.portico.db.pool));

describe('a restart from the chat, end to end', () => {
  it('asks for a phone, sends a code, and runs on the device once verified; the chat ticket logs every step', async () => {
    await removePhone('tom.baker@acmedental.example');
    const tom = await chat('tom');
    const action = await propose(tom, 'please restart my laptop');
    expect(action).toMatchObject({ kind: 'restart', deviceName: 'TOM-LAPTOP', status: 'awaiting_confirmation' });

    const confirmed = await tom.emit('action:confirm', { actionId: action.id });
    expect(confirmed).toEqual({ action: expect.objectContaining({ id: action.id, status: 'awaiting_code' }), needsPhone: true });

    const bad = await tom.emit('phone:set', { phone: '12345' });
    expect(bad.error.code).toBe('invalid_phone');
    expect(bad.error.message).toMatch(/country code/);
    expect(await tom.emit('phone:set', { phone: '+44 7400 123456' })).toEqual({ ok: true });

    const sms = await latestSms(demo.users.tech, '+447400123456');
    expect(sms.body).toMatch(/Restart on TOM-LAPTOP/);
    const code = codeIn(sms.body);
    const wrong = await tom.emit('action:verify', { actionId: action.id, code: code === '000000' ? '111111' : '000000' });
    expect(wrong.error.code).toBe('invalid_code');

    const verified = await tom.emit('action:verify', { actionId: action.id, code: `${code.slice(0, 3)} ${code.slice(3)}` });
    expect(verified.action.status).toBe('queued');
    await statusReached(tom, action.id, 'dispatched');
    await statusReached(tom, action.id, 'running');
    await statusReached(tom, action.id, 'succeeded');

    const conversationId = tom.events.find((e) => e.event === 'chat:action')!.payload.conversationId;
    const conversation = (await demo.users.tom.get(`/api/v1/conversations/${conversationId}`)).body;
    const ticket = (await demo.users.tech.get(`/api/v1/tickets/${conversation.ticket.number}`)).body;
    const logged = ticket.actions.find((a: { id: string }) => a.id === action.id);
    expect(logged.status).toBe('succeeded');
    expect(logged.history.map((h: { status: string }) => h.status)).toEqual([
      'awaiting_confirmation',
      'awaiting_code',
      'queued',
      'dispatched',
      'running',
      'succeeded',
    ]);
    expect(JSON.stringify(ticket)).not.toContain(code);
    expect(demo.portico.logs.join('')).not.toContain(code);
  });

  it('sends the code at once to a saved phone, and keeps other tabs of the user in step', async () => {
    const tom = await chat('tom');
    const otherTab = await chat('tom');
    const action = await propose(tom, 'lock my computer please');
    const confirmed = await tom.emit('action:confirm', { actionId: action.id });
    expect(confirmed.needsPhone).toBe(false);
    await otherTab.waitFor('action:update', (p) => p.action.id === action.id && p.action.status === 'awaiting_code');
    const code = codeIn((await latestSms(demo.users.tech, '+447400123456')).body);
    expect((await tom.emit('action:verify', { actionId: action.id, code })).action.status).toBe('queued');
    await statusReached(otherTab, action.id, 'succeeded');
  });
});

describe('verification codes', () => {
  it('voids a code after five wrong tries; a new code works', async () => {
    const tom = await chat('tom');
    const action = await propose(tom, 'shut down my laptop');
    await tom.emit('action:confirm', { actionId: action.id });
    const code = codeIn((await latestSms(demo.users.tech, '+447400123456')).body);
    const wrongCode = code === '999999' ? '999998' : '999999';
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await tom.emit('action:verify', { actionId: action.id, code: wrongCode })).error.code);
    expect(answers).toEqual(['invalid_code', 'invalid_code', 'invalid_code', 'invalid_code', 'too_many_attempts']);
    expect((await tom.emit('action:verify', { actionId: action.id, code })).error.code).toBe('too_many_attempts');

    await resetSmsAllowance(demo.portico.db.pool);
    expect((await tom.emit('action:confirm', { actionId: action.id })).action.status).toBe('awaiting_code');
    const fresh = codeIn((await latestSms(demo.users.tech, '+447400123456')).body);
    expect((await tom.emit('action:verify', { actionId: action.id, code: fresh })).action.status).toBe('queued');
  });

  it('refuses an expired code', async () => {
    const tom = await chat('tom');
    const action = await propose(tom, 'log me out of my laptop');
    await tom.emit('action:confirm', { actionId: action.id });
    const code = codeIn((await latestSms(demo.users.tech, '+447400123456')).body);
    // Ten minutes pass.
    await demo.portico.db.pool.query(`UPDATE verification_codes SET expires_at = now() - interval '1 second' WHERE action_id = $1`, [action.id]);
    expect((await tom.emit('action:verify', { actionId: action.id, code })).error.code).toBe('code_expired');
  });

  it('sends at most one code per 30 seconds to a user, and says how long to wait', async () => {
    const tom = await chat('tom');
    const action = await propose(tom, 'restart my laptop');
    expect((await tom.emit('action:confirm', { actionId: action.id })).needsPhone).toBe(false);
    const again = await tom.emit('action:confirm', { actionId: action.id });
    expect(again.error.code).toBe('rate_limited');
    expect(again.error.message).toMatch(/\d+ seconds?/);
  });

  it('asks for a phone again after an admin resets the user\'s verification', async () => {
    const tom = await chat('tom');
    await removePhone('tom.baker@acmedental.example');
    const action = await propose(tom, 'restart my laptop');
    expect((await tom.emit('action:confirm', { actionId: action.id })).needsPhone).toBe(true);
    expect((await demo.users.tom.send('DELETE', `/api/v1/admin/contacts/${await contactId('tom.baker@acmedental.example')}/phone`)).status).toBe(403);
    expect(await tom.emit('phone:set', { phone: '+44 7400 123456' })).toEqual({ ok: true });
  });
});

describe('password reset', () => {
  it('sends the temporary password by SMS and nowhere else', async () => {
    const tom = await chat('tom');
    const action = await propose(tom, 'I forgot my windows password, please reset it');
    expect(action.kind).toBe('reset_password');
    await tom.emit('action:confirm', { actionId: action.id });
    const code = codeIn((await latestSms(demo.users.tech, '+447400123456')).body);
    await tom.emit('action:verify', { actionId: action.id, code });
    await statusReached(tom, action.id, 'succeeded');
    const sms = await latestSms(demo.users.tech, '+447400123456');
    const password = /temporary password (\S+) /.exec(sms.body)?.[1];
    expect(password).toBeDefined();
    expect(password!.length).toBeGreaterThanOrEqual(12);

    const conversationId = tom.events.find((e) => e.event === 'chat:action' && e.payload.action.id === action.id)!.payload.conversationId;
    const conversation = (await demo.users.tom.get(`/api/v1/conversations/${conversationId}`)).body;
    const ticket = (await demo.users.tech.get(`/api/v1/tickets/${conversation.ticket.number}`)).body;
    const { rows } = await demo.portico.db.pool.query(
      `SELECT (SELECT string_agg(coalesce(output, '') || coalesce(detail, ''), ' ') FROM action_requests) AS actions,
              (SELECT string_agg(details::text, ' ') FROM audit_log) AS audit,
              (SELECT string_agg(text, ' ') FROM messages) AS messages`,
    );
    for (const place of [JSON.stringify(conversation), JSON.stringify(ticket), demo.portico.logs.join(''), rows[0].actions, rows[0].audit, rows[0].messages]) {
      expect(place ?? '').not.toContain(password);
    }
  });
});

describe('policy on every path', () => {
  it('refuses an action on a device of another user, and another user\'s action', async () => {
    const { body } = await demo.users.anna.get('/api/v1/devices');
    const annasDevice = body.devices[0].id;
    const refused = await demo.users.tom.post('/api/v1/selfservice/actions', { deviceId: annasDevice, kind: 'restart' });
    expect(refused.status).toBe(404);

    const anna = await chat('anna');
    const annas = await propose(anna, 'riavvia il MacBook');
    const tom = await chat('tom');
    expect((await tom.emit('action:confirm', { actionId: annas.id })).error.code).toBe('not_found');
    expect((await demo.users.tom.post(`/api/v1/actions/${annas.id}/verify`, { code: '123456' })).status).toBe(404);
  });

  it('offers only catalog apps for the device\'s platform, and refuses others', async () => {
    const { body } = await demo.users.tom.get('/api/v1/devices');
    const laptop = body.devices[0].id;
    const catalog = (await demo.users.tom.get(`/api/v1/selfservice/catalog?deviceId=${laptop}`)).body.apps;
    expect(catalog.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['Google Chrome', '7-Zip', 'Notepad++']));
    expect(catalog.every((a: { platforms: string[] }) => a.platforms.includes('windows'))).toBe(true);

    const outside = await demo.users.tom.post('/api/v1/selfservice/actions', { deviceId: laptop, kind: 'install', appId: 'photoshop' });
    expect(outside.status).toBe(404);
    expect(outside.body.error.code).toBe('app_not_in_catalog');
    const missingApp = await demo.users.tom.post('/api/v1/selfservice/actions', { deviceId: laptop, kind: 'install' });
    expect(missingApp.status).toBe(400);
  });

  it('installs from the Self-service list over REST, with the version the device reports', async () => {
    const tom = await chat('tom');
    const laptop = (await demo.users.tom.get('/api/v1/devices')).body.devices[0].id;
    const created = await demo.users.tom.post('/api/v1/selfservice/actions', { deviceId: laptop, kind: 'install', appId: '7-zip' });
    expect(created.status).toBe(201);
    const { action } = created.body;
    expect(action).toMatchObject({ kind: 'install', appName: '7-Zip', status: 'awaiting_confirmation' });
    expect((await demo.users.tom.post(`/api/v1/actions/${action.id}/confirm`)).body.needsPhone).toBe(false);
    const code = codeIn((await latestSms(demo.users.tech, '+447400123456')).body);
    expect((await demo.users.tom.post(`/api/v1/actions/${action.id}/verify`, { code })).body.action.status).toBe('queued');
    const done = await statusReached(tom, action.id, 'succeeded');
    expect(done.action.detail).toMatch(/^7-Zip \S+ is installed\.$/);
  });

  it('refuses every self-service path when the section is off for the user', async () => {
    const tom = await chat('tom');
    const action = await propose(tom, 'restart my laptop');
    const laptop = (await demo.users.tom.get('/api/v1/devices')).body.devices[0].id;
    const giulia = await contactId('giulia.verdi@acmedental.example');
    expect((await demo.users.tech.patch('/api/v1/admin/settings', { sections: { selfService: { mode: 'selected', userIds: [giulia] } } })).status).toBe(200);
    try {
      expect((await tom.emit('action:confirm', { actionId: action.id })).error.code).toBe('section_disabled');
      expect((await tom.emit('action:verify', { actionId: action.id, code: '123456' })).error.code).toBe('section_disabled');
      expect((await tom.emit('phone:set', { phone: '+44 7400 123456' })).error.code).toBe('section_disabled');
      expect((await demo.users.tom.post('/api/v1/selfservice/actions', { deviceId: laptop, kind: 'lock' })).status).toBe(403);
      expect((await demo.users.tom.get(`/api/v1/selfservice/catalog?deviceId=${laptop}`)).status).toBe(403);
    } finally {
      await demo.users.tech.patch('/api/v1/admin/settings', { sections: { selfService: { mode: 'everyone', userIds: [] } } });
    }
  });

  it('answers bad payloads with a validation error', async () => {
    const tom = await chat('tom');
    expect((await tom.emit('action:verify', { actionId: 'nope', code: '12' })).error.code).toBe('validation_failed');
    expect((await tom.emit('action:confirm', {})).error.code).toBe('validation_failed');
    expect((await tom.emit('phone:set', { phone: 5 })).error.code).toBe('validation_failed');
    expect((await demo.users.tom.post('/api/v1/agents/enroll', { token: 'x' })).status).toBe(400);
    const unknown = await demo.users.tom.post('/api/v1/agents/enroll', { token: 'pet_nope', name: 'PC', os: 'linux', agentVersion: '1' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('enrollment_token_invalid');
  });

  it('lets technicians see devices with their agents\' state, assign them and remove them', async () => {
    const { body } = await demo.users.tech.get('/api/v1/admin/devices');
    const lucsMac = body.devices.find((d: { name: string }) => d.name.includes('Luc'));
    expect(lucsMac).toMatchObject({ online: true, loggedInUser: 'demo', lastSeenAt: expect.any(String) });
    const luc = await contactId('luc.martin@rossilogistics.example');
    const tomId = await contactId('tom.baker@acmedental.example');

    expect((await demo.users.tom.patch(`/api/v1/admin/devices/${lucsMac.id}`, { contactId: null })).status).toBe(403);
    expect((await demo.users.tech.patch(`/api/v1/admin/devices/${lucsMac.id}`, { contactId: tomId })).status).toBe(404);
    expect((await demo.users.tech.patch(`/api/v1/admin/devices/${lucsMac.id}`, { contactId: null })).body.contactId).toBeNull();
    expect((await demo.users.luc.get('/api/v1/devices')).body.devices).toEqual([]);
    expect((await demo.users.tech.patch(`/api/v1/admin/devices/${lucsMac.id}`, { contactId: luc })).body.contactId).toBe(luc);

    const rossi = (await demo.users.tech.get('/api/v1/admin/contacts?q=luc.martin')).body.contacts[0].companyId;
    expect((await demo.users.tech.post('/api/v1/admin/enrollment-tokens', { companyId: rossi, contactId: tomId })).status).toBe(404);

    expect((await demo.users.tech.send('DELETE', `/api/v1/admin/devices/${lucsMac.id}`)).status).toBe(204);
    expect((await demo.users.tech.get('/api/v1/admin/devices')).body.devices.some((d: { id: string }) => d.id === lucsMac.id)).toBe(false);
    expect((await demo.users.tech.send('DELETE', `/api/v1/admin/devices/${lucsMac.id}`)).status).toBe(404);
  });
});
