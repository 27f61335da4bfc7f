import { beforeAll, describe, expect, it } from '@jest/globals';
import { createTechnician } from './factories/technician.factory.js';
import { createOtherTenant, type OtherTenant } from './factories/tenant.factory.js';
import { useDemoPortico } from './support/demo-portico.js';
import { DEMO, HttpClient } from './support/http-client.js';

// DNS is a stub: each name answers the CNAME targets set here, a DNS error code, or ENODATA (no record).
const records = new Map<string, string[] | string>();
const resolver = {
  async resolveCname(hostname: string): Promise<string[]> {
    const answer = records.get(hostname) ?? 'ENODATA';
    if (typeof answer === 'string') throw Object.assign(new Error(`queryCname ${answer} ${hostname}`), { code: answer });
    return answer;
  },
};

// The sweeper runs often here so that a periodic check shows within the test; its cadence per hostname is the product's.
const demo = useDemoPortico({ resolver, hostnameSweepMs: 100 });
let other: OtherTenant;
let helpdesk: HttpClient;

beforeAll(async () => {
  const { rows } = await demo.portico.db.pool.query<{ tenant_id: string }>('SELECT tenant_id FROM technicians WHERE username = $1', [DEMO.tech]);
  other = await createOtherTenant(demo.portico.db.pool);
  helpdesk = new HttpClient(demo.portico.port);
  const technician = await createTechnician(demo.portico.db.pool, rows[0]!.tenant_id);
  await helpdesk.login(technician.username, technician.password);
});

const setCustomHostname = (hostname: string | null) => demo.users.tech.patch('/api/v1/admin/settings', { portal: { customHostname: hostname } });
const hostname = async () => (await demo.users.tech.get('/api/v1/admin/portal/hostname')).body;
const check = () => demo.users.tech.post('/api/v1/admin/portal/hostname/check');
const portalPageOn = async (host: string) => (await new HttpClient(demo.portico.port, host).get('/')).status;
const tlsAsk = (domain: string) => new HttpClient(demo.portico.port, 'proxy.internal').get(`/internal/tls/allowed?domain=${encodeURIComponent(domain)}`);

async function eventually(probe: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200 && !(await probe()); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await probe()).toBe(true);
}

describe('custom hostname', () => {
  it('shows the generated hostname and no custom one at first', async () => {
    expect(await hostname()).toEqual({ generated: 'demo.portal.test', custom: null, status: null, record: null, lastCheckedAt: null, lastError: null });
    expect((await demo.users.tech.get('/api/v1/admin/settings')).body.portal).toEqual({ customHostname: null });
  });

  it('waits for the CNAME: pending and not answering, still pending on a wrong target, active and answering once it points to the generated hostname', async () => {
    const saved = await setCustomHostname(' Help.AcmeDental.example. ');
    expect(saved.status).toBe(200);
    expect(saved.body.portal).toEqual({ customHostname: 'help.acmedental.example' });
    expect(await hostname()).toMatchObject({
      custom: 'help.acmedental.example',
      status: 'pending',
      record: { type: 'CNAME', name: 'help.acmedental.example', value: 'demo.portal.test' },
    });
    expect(await portalPageOn('help.acmedental.example')).toBe(404);

    records.set('help.acmedental.example', ['elsewhere.example.net.']);
    const wrong = await check();
    expect(wrong.status).toBe(200);
    expect(wrong.body).toMatchObject({ status: 'pending', lastError: expect.stringContaining('points to elsewhere.example.net, not to demo.portal.test') });
    expect(Date.parse(wrong.body.lastCheckedAt)).not.toBeNaN();
    expect(await portalPageOn('help.acmedental.example')).toBe(404);
    expect((await tlsAsk('help.acmedental.example')).status).toBe(404);

    records.set('help.acmedental.example', ['Demo.Portal.Test.']);
    expect((await check()).body).toMatchObject({ status: 'active', lastError: null });
    expect(await portalPageOn('help.acmedental.example')).toBe(200);
    const tom = new HttpClient(demo.portico.port, 'help.acmedental.example');
    await tom.login(DEMO.tom);
    expect((await tom.get('/api/v1/me')).body.user.name).toBe('Tom Baker');
  });

  it('lets the proxy get certificates only for the names the portal answers on, saying nothing more about the others', async () => {
    for (const domain of ['help.acmedental.example', 'HELP.acmedental.example.', 'demo.portal.test', 'other.portal.test']) {
      const answer = await tlsAsk(domain);
      expect(answer.status).toBe(200);
    }
    const refusals = await Promise.all(['unknown.example', 'localhost', '127.0.0.1', '', 'x'.repeat(300)].map(tlsAsk));
    for (const answer of refusals) {
      expect(answer.status).toBe(404);
      expect(answer.text).toBe(refusals[0]!.text);
    }
    expect((await new HttpClient(demo.portico.port, 'proxy.internal').get('/internal/tls/allowed')).status).toBe(404);
  });

  it('drops an active hostname whose record stays missing over several checks', async () => {
    records.delete('help.acmedental.example');
    expect((await check()).body).toMatchObject({ status: 'active', lastError: expect.stringContaining('no CNAME record') });
    records.set('help.acmedental.example', 'ETIMEOUT');
    expect((await check()).body).toMatchObject({ status: 'active', lastError: expect.stringContaining('ETIMEOUT') });
    records.delete('help.acmedental.example');
    await check();
    expect((await check()).body).toMatchObject({ status: 'failed' });
    expect((await tlsAsk('help.acmedental.example')).status).toBe(404);
  });

  it('starts again as pending on a change, and the periodic check activates the new name', async () => {
    records.set('help.acmedental.example', ['demo.portal.test']);
    expect((await check()).body.status).toBe('active');
    records.set('support.acmedental.example', ['demo.portal.test']);
    expect((await setCustomHostname('support.acmedental.example')).status).toBe(200);
    expect((await tlsAsk('help.acmedental.example')).status).toBe(404);
    await eventually(async () => (await hostname()).status === 'active');
    expect(await hostname()).toMatchObject({ custom: 'support.acmedental.example', lastError: null });
    expect((await tlsAsk('support.acmedental.example')).status).toBe(200);
    expect(await portalPageOn('support.acmedental.example')).toBe(200);
  });

  it('refuses a hostname of another portal with 409, and names Portico gives out or that are no hostname with 400', async () => {
    await demo.portico.db.pool.query(`INSERT INTO tenant_custom_hostnames (tenant_id, hostname) VALUES ($1, 'help.other.example')`, [other.tenantId]);
    await demo.portico.db.pool.query(`INSERT INTO tenant_hostnames (hostname, tenant_id, kind) VALUES ('www.other.example', $1, 'custom')`, [other.tenantId]);
    for (const taken of ['help.other.example', 'www.other.example']) {
      const answer = await setCustomHostname(taken);
      expect(answer.status).toBe(409);
      expect(answer.body.error).toMatchObject({ code: 'hostname_taken', message: `The hostname ${taken} is already used by another portal.` });
    }
    for (const bad of ['demo.portal.test', other.hostname, 'new.portal.test', 'https://help.example.com/', 'localhost', '10.0.0.1']) {
      const answer = await setCustomHostname(bad);
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('validation_failed');
    }
    expect((await hostname()).custom).toBe('support.acmedental.example');
    expect((await setCustomHostname(null)).status).toBe(200);
    expect(await hostname()).toMatchObject({ custom: null, status: null });
    expect((await tlsAsk('support.acmedental.example')).status).toBe(404);
  });

  it('lets technicians read the hostname, admins alone check it, and end users neither', async () => {
    expect((await helpdesk.get('/api/v1/admin/portal/hostname')).status).toBe(200);
    expect((await helpdesk.post('/api/v1/admin/portal/hostname/check')).status).toBe(403);
    expect((await helpdesk.patch('/api/v1/admin/settings', { portal: { customHostname: 'x.acmedental.example' } })).status).toBe(403);
    expect((await demo.users.anna.get('/api/v1/admin/portal/hostname')).status).toBe(403);
    expect((await demo.users.anna.post('/api/v1/admin/portal/hostname/check')).status).toBe(403);
    expect((await check()).status).toBe(404);
  });
});
