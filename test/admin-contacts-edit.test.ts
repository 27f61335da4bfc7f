import { beforeAll, describe, expect, it } from '@jest/globals';
import { createTechnician } from './factories/technician.factory.js';
import { useDemoPortico } from './support/demo-portico.js';
import { DEMO, HttpClient } from './support/http-client.js';

// Technicians edit a contact; the user's portal follows at the next request, and the phone (the second factor) is
// given freely the first time but replaced or removed only by an admin.

const demo = useDemoPortico();
let helpdesk: HttpClient;
const ids: Record<'anna' | 'tom' | 'luc', string> = { anna: '', tom: '', luc: '' };
const companies: Record<string, string> = {};

beforeAll(async () => {
  const { rows } = await demo.portico.db.pool.query<{ tenant_id: string }>('SELECT tenant_id FROM technicians WHERE username = $1', [DEMO.tech]);
  const technician = await createTechnician(demo.portico.db.pool, rows[0]!.tenant_id);
  helpdesk = new HttpClient(demo.portico.port);
  await helpdesk.login(technician.username, technician.password);
  const { body } = await helpdesk.get('/api/v1/admin/contacts');
  for (const user of ['anna', 'tom', 'luc'] as const) ids[user] = body.contacts.find((c: { username: string }) => c.username === DEMO[user]).id;
  for (const company of (await helpdesk.get('/api/v1/admin/companies')).body.companies) companies[company.name] = company.id;
});

const edit = (client: HttpClient, id: string, body: unknown) => client.patch(`/api/v1/admin/contacts/${id}`, body);

async function auditOf(contactId: string): Promise<Record<string, { from: unknown; to: unknown }>[]> {
  const { rows } = await demo.portico.db.pool.query<{ details: { changes: Record<string, { from: unknown; to: unknown }> } }>(
    `SELECT details FROM audit_log WHERE action = 'contact.updated' AND target_id = $1 ORDER BY id`,
    [contactId],
  );
  return rows.map((row) => row.details.changes);
}

describe('a contact in the console', () => {
  it('is shown with the devices assigned to them, to technicians only', async () => {
    const anna = await helpdesk.get(`/api/v1/admin/contacts/${ids.anna}`);
    expect(anna.status).toBe(200);
    expect(anna.body.contact).toMatchObject({ id: ids.anna, username: DEMO.anna, companyName: 'Acme Dental', primary: true, language: 'it' });
    expect(anna.body.devices.map((d: { os: string }) => d.os).sort()).toEqual(['macos', 'windows']);
    expect(anna.body.devices[0]).toEqual(expect.objectContaining({ contactId: ids.anna, online: expect.any(Boolean) }));
    expect((await helpdesk.get(`/api/v1/admin/contacts/${ids.tom}`)).body.devices).toHaveLength(1);

    expect((await demo.users.tom.get(`/api/v1/admin/contacts/${ids.tom}`)).status).toBe(403);
    expect((await demo.users.tom.patch(`/api/v1/admin/contacts/${ids.tom}`, { primary: true })).status).toBe(403);
    expect((await helpdesk.get('/api/v1/admin/contacts/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await helpdesk.get('/api/v1/admin/contacts/tom')).status).toBe(400);
  });

  it("changes name, language and primary flag, audited, and the user's portal follows without a new login", async () => {
    const before = (await demo.users.tom.get('/api/v1/tickets')).body.total;
    const changed = await edit(helpdesk, ids.tom, { name: 'Thomas Baker', language: 'de', primary: true });
    expect(changed.status).toBe(200);
    expect(changed.body.contact).toMatchObject({ name: 'Thomas Baker', language: 'de', primary: true });

    const me = (await demo.users.tom.get('/api/v1/me')).body.user;
    expect(me).toMatchObject({ name: 'Thomas Baker', language: 'de' });
    expect(me.roles).toContain('primary_contact');
    expect((await demo.users.tom.get('/api/v1/tickets')).body.total).toBeGreaterThan(before);

    expect(await auditOf(ids.tom)).toEqual([
      { name: { from: 'Tom Baker', to: 'Thomas Baker' }, language: { from: 'en', to: 'de' }, primary: { from: false, to: true } },
    ]);
    expect((await edit(helpdesk, ids.tom, { name: 'Tom Baker', language: 'en', primary: false })).status).toBe(200);
    expect((await edit(helpdesk, ids.tom, { name: 'Tom Baker' })).status).toBe(200);
    expect(await auditOf(ids.tom)).toHaveLength(2);
  });

  it('saves a first phone in E.164; replacing or removing it takes an admin; the audit keeps only its last digits', async () => {
    const invalid = await edit(helpdesk, ids.anna, { phone: '333 123 4567' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('invalid_phone');
    const landline = await edit(helpdesk, ids.anna, { phone: '+39 06 1234 5678' });
    expect(landline.body.error.code).toBe('invalid_phone');

    const first = await edit(helpdesk, ids.anna, { phone: '+39 333 123 4567' });
    expect(first.status).toBe(200);
    expect(first.body.contact.phone).toBe('+393331234567');
    expect((await demo.users.anna.get('/api/v1/me')).body.phone).not.toBeNull();

    const replaced = await edit(helpdesk, ids.anna, { phone: '+39 333 765 4321' });
    expect(replaced.status).toBe(403);
    expect((await edit(helpdesk, ids.anna, { phone: null })).status).toBe(403);
    expect((await edit(demo.users.tech, ids.anna, { phone: '+39 333 765 4321' })).body.contact.phone).toBe('+393337654321');
    expect((await edit(demo.users.tech, ids.anna, { phone: null })).body.contact.phone).toBeNull();

    const audit = JSON.stringify(await auditOf(ids.anna));
    expect(audit).not.toContain('1234567');
    expect(audit).not.toContain('7654321');
    expect(audit).toContain('67');
  });

  it("moves a contact to another company and unassigns their former company's devices", async () => {
    expect((await demo.users.luc.get('/api/v1/devices')).body.devices).toHaveLength(1);
    const moved = await edit(helpdesk, ids.luc, { companyId: companies['Acme Dental'] });
    expect(moved.status).toBe(200);
    expect(moved.body.contact).toMatchObject({ companyId: companies['Acme Dental'], companyName: 'Acme Dental' });
    expect(moved.body.devices).toEqual([]);
    expect((await demo.users.luc.get('/api/v1/devices')).body.devices).toEqual([]);
    expect((await demo.users.luc.get('/api/v1/me')).body.user.companyId).toBe(companies['Acme Dental']);
    const [changes] = await auditOf(ids.luc);
    expect(changes).toEqual({ companyId: { from: companies['Rossi Logistics'], to: companies['Acme Dental'] } });

    expect((await edit(helpdesk, ids.luc, { companyId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
  });

  it('refuses bad bodies with 400 naming the field', async () => {
    for (const [body, field] of [
      [{ language: 'xx' }, 'language'],
      [{ name: '' }, 'name'],
      [{ primary: 'yes' }, 'primary'],
      [{ companyId: 'acme' }, 'companyId'],
      [{ username: 'someone.else@example.com' }, 'username'],
      [{ email: 'someone.else@example.com' }, 'email'],
      [{ phone: 3331234567 }, 'phone'],
    ] as const) {
      const answer = await edit(helpdesk, ids.tom, body);
      expect([answer.status, answer.body.error.code]).toEqual([400, 'validation_failed']);
      expect(answer.body.error.message).toContain(field);
    }
  });
});
