import { beforeAll, describe, expect, it } from '@jest/globals';
import { createTechnician } from './factories/technician.factory.js';
import type { ChatClient } from './support/chat-client.js';
import { useDemoPortico } from './support/demo-portico.js';
import { DEMO, HttpClient } from './support/http-client.js';

// Custom ticket fields as admins define them: kinds, options, required, and a visibility kept with the other fields'
// in the settings; a change reaches a signed-in user's new-ticket form without a new login.

const demo = useDemoPortico();
let helpdesk: HttpClient;

beforeAll(async () => {
  const { rows } = await demo.portico.db.pool.query<{ tenant_id: string }>('SELECT tenant_id FROM technicians WHERE username = $1', [DEMO.tech]);
  const technician = await createTechnician(demo.portico.db.pool, rows[0]!.tenant_id);
  helpdesk = new HttpClient(demo.portico.port);
  await helpdesk.login(technician.username, technician.password);
});

type FormField = { key: string; kind: string; label?: string; type: string; options: string[]; required: boolean; editable: boolean };

async function formOf(client: HttpClient): Promise<FormField[]> {
  const answer = await client.get('/api/v1/tickets/form');
  expect(answer.status).toBe(200);
  return answer.body.fields;
}

/** The next `settings:updated` after those already received. */
function nextSettingsUpdate(chat: ChatClient): Promise<unknown> {
  const seen = chat.events.filter((e) => e.event === 'settings:updated').length;
  let count = 0;
  return chat.waitFor('settings:updated', () => ++count > seen);
}

const remove = (client: HttpClient, id: string) => client.send('DELETE', `/api/v1/admin/custom-fields/${id}`);

describe('custom fields', () => {
  it("lists the demo's fields with their kinds and visibility, to admins only", async () => {
    const answer = await demo.users.tech.get('/api/v1/admin/custom-fields');
    expect(answer.status).toBe(200);
    expect(answer.body.fields.map((f: { key: string; kind: string; visibility: string }) => [f.key, f.kind, f.visibility])).toEqual([
      ['asset_tag', 'text', 'editable'],
      ['affected_users', 'number', 'editable'],
      ['needed_by', 'date', 'editable'],
      ['location', 'dropdown', 'editable'],
      ['business_critical', 'checkbox', 'readonly'],
    ]);
    expect((await helpdesk.get('/api/v1/admin/custom-fields')).status).toBe(403);
    expect((await demo.users.tom.get('/api/v1/admin/custom-fields')).status).toBe(403);
    expect((await demo.users.anna.post('/api/v1/admin/custom-fields', { label: 'X', kind: 'text' })).status).toBe(403);
  });

  it("adds a dropdown that a signed-in user's form shows at once, validated on the ticket", async () => {
    const tom = await demo.chat('tom');
    const pushed = nextSettingsUpdate(tom);
    const created = await demo.users.tech.post('/api/v1/admin/custom-fields', {
      label: 'Operating system',
      kind: 'dropdown',
      options: ['Windows', 'macOS', 'Linux'],
      required: true,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: 'operating_system', kind: 'dropdown', visibility: 'editable', required: true, position: 5 });
    await pushed;
    expect(await formOf(demo.users.tom)).toContainEqual(
      expect.objectContaining({ key: 'operating_system', kind: 'custom', label: 'Operating system', type: 'select', options: ['Windows', 'macOS', 'Linux'], required: true, editable: true }),
    );
    const settings = await demo.users.tech.get('/api/v1/admin/settings');
    expect(settings.body.fieldVisibility.operating_system).toBe('editable');

    const missing = await demo.users.tom.post('/api/v1/tickets', { subject: 'Printer jam' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('operating_system');
    const wrong = await demo.users.tom.post('/api/v1/tickets', { subject: 'Printer jam', customFields: { operating_system: 'BeOS' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain('operating_system');
    const ok = await demo.users.tom.post('/api/v1/tickets', { subject: 'Printer jam', customFields: { operating_system: 'Linux' } });
    expect(ok.status).toBe(201);

    const byTech = await demo.users.tech.patch(`/api/v1/tickets/${ok.body.id}`, { customFields: { operating_system: 42 } });
    expect(byTech.status).toBe(400);
    expect(byTech.body.error.message).toContain('operating_system');
    expect((await demo.users.tech.patch(`/api/v1/tickets/${ok.body.id}`, { customFields: { operating_system: 'macOS' } })).status).toBe(200);

    // Not required any more, so the other tests' tickets need not name it.
    expect((await demo.users.tech.patch(`/api/v1/admin/custom-fields/${created.body.id}`, { required: false })).status).toBe(200);
  });

  it("relabels, re-options and hides a field; the form follows, and the visibility is the settings' one", async () => {
    const { body: field } = await demo.users.tech.post('/api/v1/admin/custom-fields', { label: 'Cost centre', kind: 'text', visibility: 'readonly' });
    expect(field.visibility).toBe('readonly');
    expect((await formOf(demo.users.tom)).find((f) => f.key === 'cost_centre')).toMatchObject({ editable: false });

    const tom = await demo.chat('tom');
    const pushed = nextSettingsUpdate(tom);
    const relabelled = await demo.users.tech.patch(`/api/v1/admin/custom-fields/${field.id}`, { label: 'Cost center', visibility: 'editable' });
    expect(relabelled.body).toMatchObject({ key: 'cost_centre', label: 'Cost center', visibility: 'editable' });
    await pushed;
    expect((await formOf(demo.users.tom)).find((f) => f.key === 'cost_centre')).toMatchObject({ label: 'Cost center', editable: true });

    // The settings document and the custom-field API are one place for visibility.
    await demo.users.tech.patch('/api/v1/admin/settings', { fieldVisibility: { cost_centre: 'hidden' } });
    const listed = (await demo.users.tech.get('/api/v1/admin/custom-fields')).body.fields.find((f: { key: string }) => f.key === 'cost_centre');
    expect(listed.visibility).toBe('hidden');
    expect((await formOf(demo.users.tom)).some((f) => f.key === 'cost_centre')).toBe(false);

    const location = (await demo.users.tech.get('/api/v1/admin/custom-fields')).body.fields.find((f: { key: string }) => f.key === 'location');
    await demo.users.tech.patch(`/api/v1/admin/custom-fields/${location.id}`, { options: ['Head office', 'Warehouse'] });
    expect((await formOf(demo.users.tom)).find((f) => f.key === 'location')!.options).toEqual(['Head office', 'Warehouse']);
    const moved = await demo.users.tom.post('/api/v1/tickets', { subject: 'Scanner', customFields: { location: 'Remote' } });
    expect(moved.status).toBe(400);

    const { rows } = await demo.portico.db.pool.query<{ details: { changes: Record<string, unknown> } }>(
      `SELECT details FROM audit_log WHERE action = 'custom_field.updated' AND target_id = $1`,
      [field.id],
    );
    expect(rows[0]!.details.changes).toEqual({ label: { from: 'Cost centre', to: 'Cost center' }, visibility: { from: 'readonly', to: 'editable' } });
  });

  it('deletes a field: gone from the form, the settings and the tickets; its key can be used again', async () => {
    const { body: field } = await demo.users.tech.post('/api/v1/admin/custom-fields', { key: 'laptop_model', label: 'Laptop model', kind: 'text' });
    const ticket = await demo.users.tom.post('/api/v1/tickets', { subject: 'Keyboard', customFields: { laptop_model: 'T14' } });
    expect(ticket.body.customFields.laptop_model).toBe('T14');

    expect((await remove(helpdesk, field.id)).status).toBe(403);
    expect((await remove(demo.users.tech, field.id)).status).toBe(204);
    expect((await remove(demo.users.tech, field.id)).status).toBe(404);
    expect((await formOf(demo.users.tom)).some((f) => f.key === 'laptop_model')).toBe(false);
    expect((await demo.users.tech.get('/api/v1/admin/settings')).body.fieldVisibility).not.toHaveProperty('laptop_model');
    expect((await demo.users.tech.get(`/api/v1/tickets/${ticket.body.id}`)).body.customFields).not.toHaveProperty('laptop_model');

    const again = await demo.users.tech.post('/api/v1/admin/custom-fields', { key: 'laptop_model', label: 'Laptop model', kind: 'number' });
    expect(again.status).toBe(201);
    expect((await demo.users.tech.get(`/api/v1/tickets/${ticket.body.id}`)).body.customFields).not.toHaveProperty('laptop_model');
    const taken = await demo.users.tech.post('/api/v1/admin/custom-fields', { key: 'laptop_model', label: 'Other', kind: 'text' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('custom_field_exists');
  });

  it('refuses bad definitions with 400 naming the problem', async () => {
    const cases: [unknown, string][] = [
      [{ label: 'Kind', kind: 'colour' }, 'kind'],
      [{ label: '', kind: 'text' }, 'label'],
      [{ label: 'Empty', kind: 'dropdown' }, 'options'],
      [{ label: 'Empty', kind: 'dropdown', options: [] }, 'options'],
      [{ label: 'Twice', kind: 'dropdown', options: ['a', 'a'] }, 'options'],
      [{ label: 'Extra', kind: 'number', options: ['1'] }, 'options'],
      [{ label: 'Subject', key: 'subject', kind: 'text' }, 'key'],
      [{ label: 'Bad key', key: 'Bad Key', kind: 'text' }, 'key'],
      [{ label: 'Shown', kind: 'text', visibility: 'visible' }, 'visibility'],
    ];
    for (const [body, problem] of cases) {
      const answer = await demo.users.tech.post('/api/v1/admin/custom-fields', body);
      expect([answer.status, answer.body.error.code]).toEqual([400, 'validation_failed']);
      expect(answer.body.error.message).toContain(problem);
    }
    const assetTag = (await demo.users.tech.get('/api/v1/admin/custom-fields')).body.fields.find((f: { key: string }) => f.key === 'asset_tag');
    const kindChange = await demo.users.tech.patch(`/api/v1/admin/custom-fields/${assetTag.id}`, { kind: 'number' });
    expect(kindChange.status).toBe(400);
    expect(kindChange.body.error.message).toContain('kind');
    const options = await demo.users.tech.patch(`/api/v1/admin/custom-fields/${assetTag.id}`, { options: ['a'] });
    expect(options.status).toBe(400);
    expect(options.body.error.message).toContain('options');
    expect((await demo.users.tech.patch('/api/v1/admin/custom-fields/not-a-uuid', { label: 'x' })).status).toBe(400);
    expect((await demo.users.tech.patch('/api/v1/admin/custom-fields/00000000-0000-4000-8000-000000000000', { label: 'x' })).status).toBe(404);
  });
});
