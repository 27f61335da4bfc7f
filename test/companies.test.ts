import { beforeAll, describe, expect, it } from '@jest/globals';
import { createTechnician } from './factories/technician.factory.js';
import { useDemoPortico } from './support/demo-portico.js';
import { DEMO, HttpClient } from './support/http-client.js';

// Companies and their email domains: technicians read them, admins change them; a domain names one company of a tenant.

const demo = useDemoPortico();
let helpdesk: HttpClient;

beforeAll(async () => {
  const { rows } = await demo.portico.db.pool.query<{ tenant_id: string }>('SELECT tenant_id FROM technicians WHERE username = $1', [DEMO.tech]);
  const technician = await createTechnician(demo.portico.db.pool, rows[0]!.tenant_id);
  helpdesk = new HttpClient(demo.portico.port);
  await helpdesk.login(technician.username, technician.password);
});

type Company = { id: string; name: string; emailDomains: string[] };

async function companies(client: HttpClient = demo.users.tech): Promise<Company[]> {
  const answer = await client.get('/api/v1/admin/companies');
  expect(answer.status).toBe(200);
  return answer.body.companies;
}

describe('companies', () => {
  it("lists the demo tenant's companies with their email domains to technicians", async () => {
    const list = await companies(helpdesk);
    expect(list).toEqual(
      expect.arrayContaining([
        { id: expect.any(String), name: 'Acme Dental', emailDomains: ['acmedental.example'] },
        { id: expect.any(String), name: 'Rossi Logistics', emailDomains: ['rossilogistics.example'] },
      ]),
    );
  });

  it('creates a company with its domains normalised: lower case, no scheme, no duplicates, IDNs in Unicode', async () => {
    const created = await demo.users.tech.post('/api/v1/admin/companies', {
      name: '  Bäckerei Müller ',
      emailDomains: ['https://Baeckerei-Mueller.Example/', 'MÜLLER-BROT.example', 'xn--mller-brot-9db.example', '@baeckerei-mueller.example'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), name: 'Bäckerei Müller', emailDomains: ['baeckerei-mueller.example', 'müller-brot.example'] });
    expect(await companies()).toContainEqual(created.body);
  });

  it('renames a company and replaces its domains; the change is audited with before and after', async () => {
    const { body: company } = await demo.users.tech.post('/api/v1/admin/companies', { name: 'Verdi Srl', emailDomains: ['verdi.example'] });
    const renamed = await demo.users.tech.patch(`/api/v1/admin/companies/${company.id}`, { name: 'Verdi S.r.l.' });
    expect(renamed.body).toEqual({ id: company.id, name: 'Verdi S.r.l.', emailDomains: ['verdi.example'] });
    const moved = await demo.users.tech.patch(`/api/v1/admin/companies/${company.id}`, { emailDomains: ['verdi.example', 'VERDI-group.example'] });
    expect(moved.status).toBe(200);
    expect(moved.body.emailDomains).toEqual(['verdi-group.example', 'verdi.example']);
    const cleared = await demo.users.tech.patch(`/api/v1/admin/companies/${company.id}`, { emailDomains: ['verdi-group.example'] });
    expect(cleared.body.emailDomains).toEqual(['verdi-group.example']);

    const { rows } = await demo.portico.db.pool.query<{ details: { before: Company; after: Company } }>(
      `SELECT details FROM audit_log WHERE action = 'company.updated' AND target_id = $1 ORDER BY id`,
      [company.id],
    );
    expect(rows.map((row) => row.details.after.emailDomains)).toEqual([['verdi.example'], ['verdi-group.example', 'verdi.example'], ['verdi-group.example']]);
    expect(rows[0]!.details.before.name).toBe('Verdi Srl');
  });

  it("refuses a domain that another company holds, with 409 naming it, and leaves both companies as they were", async () => {
    const acme = (await companies()).find((company) => company.name === 'Acme Dental')!;
    const created = await demo.users.tech.post('/api/v1/admin/companies', { name: 'Acme Clone', emailDomains: ['ACMEDENTAL.example'] });
    expect(created.status).toBe(409);
    expect(created.body.error.code).toBe('email_domain_taken');
    expect(created.body.error.message).toContain('acmedental.example');
    expect((await companies()).some((company) => company.name === 'Acme Clone')).toBe(false);

    const rossi = (await companies()).find((company) => company.name === 'Rossi Logistics')!;
    const patched = await demo.users.tech.patch(`/api/v1/admin/companies/${rossi.id}`, { emailDomains: ['rossilogistics.example', 'acmedental.example'] });
    expect(patched.status).toBe(409);
    expect((await companies()).find((company) => company.id === rossi.id)!.emailDomains).toEqual(['rossilogistics.example']);
    expect((await companies()).find((company) => company.id === acme.id)!.emailDomains).toEqual(['acmedental.example']);
  });

  it('gives a domain claimed by a parallel burst of new companies to exactly one of them', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => demo.users.tech.post('/api/v1/admin/companies', { name: `Race ${i}`, emailDomains: ['race.example'] })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect((await companies()).filter((company) => company.emailDomains.includes('race.example'))).toHaveLength(1);
  });

  it.each([
    [{ name: '' }, 'name'],
    [{ name: 'X', emailDomains: ['not a domain'] }, 'emailDomains.0'],
    [{ name: 'X', emailDomains: ['localhost'] }, 'emailDomains.0'],
    [{ name: 'X', emailDomains: ['tom@acme.example'] }, 'emailDomains.0'],
    [{ name: 'X', emailDomains: ['acme.example/login'] }, 'emailDomains.0'],
    [{ name: 'X', extra: true }, ''],
  ])('refuses %j with 400 naming %s', async (body, path) => {
    const answer = await demo.users.tech.post('/api/v1/admin/companies', body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation_failed');
    if (path) expect(answer.body.error.details.map((issue: { path: string }) => issue.path)).toContain(path);
  });

  it('answers 404 for a company of no one', async () => {
    const answer = await demo.users.tech.patch('/api/v1/admin/companies/00000000-0000-4000-8000-000000000000', { name: 'Ghost' });
    expect(answer.status).toBe(404);
  });

  it('lets a technician who is not an admin read but not change companies, and end users neither', async () => {
    const [company] = await companies();
    for (const client of [helpdesk, demo.users.tom, demo.users.anna]) {
      expect((await client.post('/api/v1/admin/companies', { name: 'Sneaky' })).status).toBe(403);
      expect((await client.patch(`/api/v1/admin/companies/${company!.id}`, { name: 'Sneaky' })).status).toBe(403);
    }
    for (const client of [demo.users.tom, demo.users.anna, demo.users.luc]) {
      expect((await client.get('/api/v1/admin/companies')).status).toBe(403);
    }
    expect((await companies()).some((c) => c.name === 'Sneaky')).toBe(false);
  });
});
