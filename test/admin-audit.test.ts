import { beforeAll, describe, expect, it } from '@jest/globals';
import { createTechnician, type CreatedTechnician } from './factories/technician.factory.js';
import { useDemoPortico } from './support/demo-portico.js';
import { DEMO, HttpClient } from './support/http-client.js';

// The audit log as technicians read it: who changed what and when, filtered and paged, and never a secret.

const demo = useDemoPortico();
let helpdesk: HttpClient;
let technician: CreatedTechnician;
let tenantId: string;

beforeAll(async () => {
  const { rows } = await demo.portico.db.pool.query<{ tenant_id: string }>('SELECT tenant_id FROM technicians WHERE username = $1', [DEMO.tech]);
  tenantId = rows[0]!.tenant_id;
  technician = await createTechnician(demo.portico.db.pool, tenantId);
  helpdesk = new HttpClient(demo.portico.port);
  await helpdesk.login(technician.username, technician.password);
});

type Entry = {
  id: string;
  at: string;
  actor: { id: string | null; name: string | null; kind: string };
  action: string;
  entity: string | null;
  entityId: string | null;
  summary: string;
  changes: Record<string, { from: unknown; to: unknown }> | null;
  details: Record<string, unknown>;
};

async function audit(query = '', client = helpdesk): Promise<{ entries: Entry[]; total: number; limit: number; offset: number }> {
  const answer = await client.get(`/api/v1/admin/audit${query}`);
  expect(answer.status).toBe(200);
  return answer.body;
}

describe('the audit log', () => {
  it("shows a technician's ticket changes newest first, with the actor's name and what changed", async () => {
    const { body: tickets } = await demo.users.tech.get('/api/v1/tickets?limit=1');
    const ticket = tickets.tickets[0];
    const status = ticket.status === 'pending' ? 'open' : 'pending';
    expect((await helpdesk.patch(`/api/v1/tickets/${ticket.id}`, { status, priority: 'urgent' })).status).toBe(200);

    const page = await audit(`?entity=ticket&entityId=${ticket.id}`);
    expect(page.entries.length).toBeGreaterThanOrEqual(1);
    const [newest] = page.entries;
    expect(newest).toMatchObject({
      actor: { id: technician.id, name: 'Helpdesk Technician', kind: 'technician' },
      entity: 'ticket',
      entityId: ticket.id,
    });
    const mine = page.entries.filter((entry) => entry.actor.id === technician.id).map((entry) => entry.action);
    expect(mine.sort()).toEqual(['ticket.priority_changed', 'ticket.status_changed']);
    const statusEntry = page.entries.find((entry) => entry.action === 'ticket.status_changed')!;
    expect(statusEntry.changes).toEqual({ status: { from: ticket.status, to: status } });
    expect(statusEntry.summary).toBe(`status: ${ticket.status} → ${status}`);
    expect(Date.parse(statusEntry.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('filters by actor, action family, time and text, and pages with the total', async () => {
    await demo.users.tech.patch('/api/v1/admin/catalog/audacity', { description: 'Audio editor' });
    await demo.users.tech.patch('/api/v1/admin/catalog/audacity', { enabled: false });

    const byActor = await audit(`?actorId=${technician.id}`);
    expect(byActor.entries.every((entry) => entry.actor.id === technician.id)).toBe(true);

    const catalog = await audit('?action=catalog_app');
    expect(catalog.entries.map((entry) => entry.action)).toEqual(['catalog_app.updated', 'catalog_app.updated']);
    expect(catalog.entries[0]!.changes).toEqual({ enabled: { from: true, to: false } });
    expect(catalog.entries[1]!.summary).toBe('description: "" → Audio editor');
    expect((await audit('?action=catalog_app.updated')).total).toBe(2);
    expect((await audit('?action=catalog')).total).toBe(0);

    const text = await audit('?q=audio%20editor');
    expect(text.entries.map((entry) => entry.entityId)).toEqual(['audacity']);

    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await audit(`?from=${encodeURIComponent(future)}`)).total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await audit(`?from=${today}&to=${today}&action=catalog_app`)).total).toBe(2);
    expect((await audit(`?to=${today}T00:00:00Z&action=catalog_app`)).total).toBe(0);

    const all = await audit('?limit=3');
    expect(all).toMatchObject({ limit: 3, offset: 0 });
    expect(all.entries).toHaveLength(3);
    const next = await audit('?limit=3&offset=3');
    expect(next.total).toBe(all.total);
    expect(next.entries.map((entry) => entry.id)).not.toContain(all.entries[0]!.id);
    const times = [...all.entries, ...next.entries].map((entry) => Date.parse(entry.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const seeded = await audit(`?action=tenant.seeded`);
    expect(seeded.entries[0]!.actor).toEqual({ id: null, name: null, kind: 'system' });
  });

  it('is for technicians only, and refuses bad filters naming them', async () => {
    expect((await demo.users.tom.get('/api/v1/admin/audit')).status).toBe(403);
    expect((await demo.users.anna.get('/api/v1/admin/audit')).status).toBe(403);
    for (const [query, name] of [
      ['?limit=1000', 'limit'],
      ['?offset=-1', 'offset'],
      ['?from=yesterday', 'from'],
      ['?actorId=tech', 'actorId'],
      ['?action=DROP%20TABLE', 'action'],
      ['?sort=asc', 'sort'],
    ]) {
      const answer = await helpdesk.get(`/api/v1/admin/audit${query}`);
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toContain(name);
    }
  });

  it('holds no password, embed secret or token, whatever was done', async () => {
    const secrets: string[] = [];
    const { body: companies } = await demo.users.tech.get('/api/v1/admin/companies');
    const acme = companies.companies.find((company: { name: string }) => company.name === 'Acme Dental');
    const created = await demo.users.tech.post('/api/v1/admin/contacts', { name: 'Nina Rossi', email: 'nina.rossi@acmedental.example', companyId: acme.id });
    expect(created.status).toBe(201);
    secrets.push(created.body.password);
    const nina = new HttpClient(demo.portico.port);
    await nina.login(created.body.username, created.body.password);
    expect((await demo.users.tech.post(`/api/v1/admin/contacts/${created.body.contact.id}/welcome`)).status).toBe(202);
    const { body: outbox } = await demo.users.tech.get('/api/v1/admin/outbox/email');
    const emailed = outbox.emails.flatMap((email: { text: string }) => /^Password: (\S+)$/m.exec(email.text)?.[1] ?? []);
    expect(emailed.length).toBeGreaterThanOrEqual(1);
    secrets.push(...emailed);
    const token = await demo.users.tech.post('/api/v1/admin/enrollment-tokens', { companyId: acme.id });
    expect(token.status).toBe(201);
    secrets.push(token.body.token);
    for (const path of ['/api/v1/admin/embed/secret', '/api/v1/admin/embed/secret/rotate']) {
      const answer = path.endsWith('rotate') ? await demo.users.tech.post(path) : await demo.users.tech.get(path);
      if (answer.status === 200) secrets.push(answer.body.secret);
    }
    await helpdesk.post('/api/v1/auth/login', { username: technician.username, password: 'not-the-password' });
    secrets.push('not-the-password', technician.password, 'portico-demo');

    const { rows } = await demo.portico.db.pool.query<{ details: string }>('SELECT details::text AS details FROM audit_log WHERE tenant_id = $1', [tenantId]);
    const answer = await helpdesk.get('/api/v1/admin/audit?limit=200');
    expect(answer.body.total).toBeLessThanOrEqual(200);
    expect(answer.body.entries.map((entry: Entry) => entry.action)).toEqual(expect.arrayContaining(['contact.created', 'contact.password_reset', 'enrollment_token.created']));
    for (const secret of secrets.filter(Boolean)) {
      expect(answer.text).not.toContain(secret);
      for (const row of rows) expect(row.details).not.toContain(secret);
    }
  });

  it('masks a secret that a writer lets into an entry', async () => {
    await demo.portico.db.pool.query(
      `INSERT INTO audit_log (tenant_id, actor_kind, action, target_kind, details) VALUES ($1, 'system', 'integration.configured', 'integration', $2)`,
      [tenantId, JSON.stringify({ channel: 'slack', botToken: 'xoxb-live-token', settings: { signingSecret: 'sign-me' } })],
    );
    const answer = await helpdesk.get('/api/v1/admin/audit?action=integration');
    expect(answer.body.entries[0].details).toEqual({ channel: 'slack', botToken: '[redacted]', settings: { signingSecret: '[redacted]' } });
    expect(answer.text).not.toContain('xoxb-live-token');
    expect(answer.text).not.toContain('sign-me');
  });

  it('shows a settings change field by field, what each setting was and what it became', async () => {
    const { tech } = demo.users;
    const before = (await tech.get('/api/v1/admin/settings')).body;
    const origins = ['https://intranet.audit.example'];
    const patched = await tech.patch('/api/v1/admin/settings', {
      tickets: { cannotReopen: !before.tickets.cannotReopen },
      branding: { greeting: 'Hello from the audit test' },
      embed: { allowedOrigins: origins },
    });
    expect(patched.status).toBe(200);

    const [entry] = (await audit('?action=settings.updated&limit=1')).entries;
    expect(entry!.changes).toEqual({
      'tickets.cannotReopen': { from: before.tickets.cannotReopen, to: !before.tickets.cannotReopen },
      'branding.greeting': { from: before.branding.greeting, to: 'Hello from the audit test' },
      'embed.allowedOrigins': { from: before.embed.allowedOrigins, to: origins },
    });
    expect(entry!.summary).toContain(`tickets.cannotReopen: ${before.tickets.cannotReopen} → ${!before.tickets.cannotReopen}`);
  });
});
