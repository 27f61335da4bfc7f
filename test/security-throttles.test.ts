import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LOGIN_POLICY } from '../domain/auth/login-policy.js';
import { CREATION_POLICY } from '../domain/limits/creation-limits.js';
import { ChatClient } from './support/chat-client.js';
import { demoClients, HttpClient, type DemoClients } from './support/http-client.js';
import { startTestPortico, type TestPortico } from './support/portico.js';

// One proxy in front, as behind a TLS-terminating proxy: the last X-Forwarded-For entry, written by that proxy, is the
// client's address. The tests stand in for the proxy and so choose the address each attempt comes from.
let portico: TestPortico;
let users: DemoClients;
const sockets: ChatClient[] = [];

beforeAll(async () => {
  portico = await startTestPortico({ env: { PORTICO_TRUST_PROXY: '1' } });
  users = await demoClients(portico.port);
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await portico.close();
});

const GIULIA = 'giulia.verdi@acmedental.example';
const MARCO = 'marco.rossi@rossilogistics.example';

function login(username: string, password: string, forwardedFor: string) {
  return new HttpClient(portico.port).send('POST', '/api/v1/auth/login', {
    json: { username, password },
    headers: { 'x-forwarded-for': forwardedFor },
  });
}

function tally(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

describe('login throttles hold under a parallel burst', () => {
  it('100 wrong passwords at once for one username from one address: the pair limit, the rest 429 with Retry-After', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => login(MARCO, `wrong-${i}`, '203.0.113.1')));
    const counts = tally(answers.map((a) => a.status));
    expect(counts[401]).toBe(LOGIN_POLICY.perPair);
    expect(counts[429]).toBe(100 - LOGIN_POLICY.perPair);
    for (const answer of answers.filter((a) => a.status === 429)) {
      expect(answer.body.error.code).toBe('rate_limited');
      expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('60 wrong logins at once over 60 usernames from one address: at most 30 are checked', async () => {
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => login(`spray${i}@acmedental.example`, 'Winter2026!', '203.0.113.2')));
    const counts = tally(answers.map((a) => a.status));
    expect(counts[401]).toBe(LOGIN_POLICY.perAddress);
    expect(counts[429]).toBe(60 - LOGIN_POLICY.perAddress);
  });

  it('an IPv6 client counts by its /64, so new addresses from its own block do not buy more attempts', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(`v6-${i}@acmedental.example`, 'x', `2001:db8:77:1:${i.toString(16)}::${i + 1}`)),
    );
    const counts = tally(answers.map((a) => a.status));
    expect(counts[401]).toBe(LOGIN_POLICY.perAddress);
    expect(counts[429]).toBe(40 - LOGIN_POLICY.perAddress);
  });

  it('under a hop count of 1 a client cannot choose its address by writing X-Forwarded-For itself', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(`spoof${i}@acmedental.example`, 'x', `10.9.${i}.${i}, 198.51.100.7`)),
    );
    const counts = tally(answers.map((a) => a.status));
    expect(counts[401]).toBe(LOGIN_POLICY.perAddress);
    expect(counts[429]).toBe(40 - LOGIN_POLICY.perAddress);
  });
});

describe('one canonical username', () => {
  it('counts a username of any allowed length', async () => {
    const long = `${'a'.repeat(240)}@x.example`;
    expect((await login(long, 'wrong', '203.0.113.6')).status).toBe(401);
  });


  it('another spelling of a throttled username does not reach its password check', async () => {
    const address = '203.0.113.3';
    for (let i = 0; i < LOGIN_POLICY.perPair; i++) expect((await login(GIULIA, `wrong-${i}`, address)).status).toBe(401);
    expect((await login(GIULIA, 'portico-demo', address)).status).toBe(429);

    // U+0130 folds to "i̇", not "i": a different name, which no account has.
    const dotted = await login('gİulia.verdi@acmedental.example', 'portico-demo', address);
    expect(dotted.status).toBe(401);
    expect(dotted.headers['set-cookie']).toBeUndefined();
    // Spellings that are the same name share its count.
    for (const spelling of ['GIULIA.VERDI@ACMEDENTAL.EXAMPLE', ' ｇｉｕｌｉａ.verdi@acmedental.example', 'giu\u200Blia.verdi@acmedental.example']) {
      expect((await login(spelling, 'portico-demo', address)).status).toBe(429);
    }
  });
});

describe('nobody can lock anybody out', () => {
  it('five wrong passwords from one address leave the right one from another address working', async () => {
    const anna = 'anna.bianchi@acmedental.example';
    for (let i = 0; i < LOGIN_POLICY.perPair; i++) expect((await login(anna, `wrong-${i}`, '203.0.113.4')).status).toBe(401);
    expect((await login(anna, 'portico-demo', '203.0.113.4')).status).toBe(429);
    expect((await login(anna, 'portico-demo', '203.0.113.5')).status).toBe(200);
  });

  it('a username failing from many addresses slows down, and the right password still gets in within seconds', async () => {
    const tom = 'tom.baker@acmedental.example';
    let address = 0;
    for (let failed = 0; failed < LOGIN_POLICY.perUsername; address++) {
      for (let i = 0; i < LOGIN_POLICY.perPair && failed < LOGIN_POLICY.perUsername; i++, failed++) {
        expect((await login(tom, `wrong-${failed}`, `192.0.2.${address}`)).status).toBe(401);
      }
    }
    // Beyond the free failures, one attempt per wait: of two at once from fresh addresses, one is held back.
    const burst = await Promise.all([login(tom, 'wrong-a', '192.0.2.101'), login(tom, 'wrong-b', '192.0.2.102')]);
    expect(burst.map((a) => a.status).sort()).toEqual([401, 429]);
    const waits: number[] = [];
    let answer = await login(tom, 'portico-demo', '192.0.2.103');
    while (answer.status === 429 && waits.length < 5) {
      const wait = Number(answer.headers['retry-after']);
      waits.push(wait);
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      answer = await login(tom, 'portico-demo', '192.0.2.103');
    }
    expect(answer.status).toBe(200);
    for (const wait of waits) expect(wait).toBeLessThanOrEqual(LOGIN_POLICY.slowdownCapSeconds);
  });
});

describe('SMS codes under a parallel burst', () => {
  it('five parallel confirms send one text; the others are refused with rate_limited', async () => {
    const phone = '+33612345678';
    expect((await users.luc.send('PUT', '/api/v1/me/phone', { json: { phone: '+33 6 12 34 56 78' } })).status).toBe(200);
    const device = (await users.luc.get('/api/v1/devices')).body.devices[0];
    const created = await users.luc.post('/api/v1/selfservice/actions', { deviceId: device.id, kind: 'lock' });
    expect(created.status).toBe(201);
    const socket = await ChatClient.connect(portico.port, users.luc);
    sockets.push(socket);

    const acks = await Promise.all(Array.from({ length: 5 }, () => socket.emit('action:confirm', { actionId: created.body.action.id })));
    expect(acks.filter((ack) => !ack.error)).toHaveLength(1);
    const refused = acks.filter((ack) => ack.error);
    expect(refused.map((ack) => ack.error.code)).toEqual(Array(4).fill('rate_limited'));
    for (const ack of refused) expect(ack.error.retryAfter).toBeGreaterThan(0);

    const outbox = (await users.tech.get('/api/v1/admin/outbox/sms')).body.messages as { to: string }[];
    expect(outbox.filter((m) => m.to === phone)).toHaveLength(1);
  });
});

describe('creation limits per user', () => {
  it('30 parallel chat:send without a conversation open at most the allowance; the rest are acked rate_limited', async () => {
    const socket = await ChatClient.connect(portico.port, users.anna);
    sockets.push(socket);
    const before = (await users.anna.get('/api/v1/conversations?limit=50')).body.conversations.length;
    const acks = await Promise.all(Array.from({ length: 30 }, (_, i) => socket.emit('chat:send', { text: `printer ${i} is jammed` })));
    const opened = acks.filter((ack) => ack.conversationId);
    expect(opened).toHaveLength(CREATION_POLICY.conversations);
    const refused = acks.filter((ack) => ack.error);
    expect(refused).toHaveLength(30 - CREATION_POLICY.conversations);
    for (const ack of refused) {
      expect(ack.error.code).toBe('rate_limited');
      expect(ack.error.retryAfter).toBeGreaterThan(0);
    }
    const after = (await users.anna.get('/api/v1/conversations?limit=50')).body.conversations.length;
    expect(after - before).toBe(CREATION_POLICY.conversations);
    // Messages in the conversations already open still go through.
    const more = await socket.emit('chat:send', { conversationId: opened[0].conversationId, text: 'still jammed' });
    expect(more.messageId).toEqual(expect.any(String));
  });

  it('tickets opened by hand in parallel stop at the allowance, with 429 and Retry-After', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => users.tom.post('/api/v1/tickets', { subject: `Spam ${i}`, description: 'x' })),
    );
    const counts = tally(answers.map((a) => a.status));
    expect(counts[201]).toBe(CREATION_POLICY.tickets);
    expect(counts[429]).toBe(20 - CREATION_POLICY.tickets);
    const refused = answers.find((a) => a.status === 429)!;
    expect(refused.body.error.code).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});
