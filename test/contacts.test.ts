import { beforeAll, describe, expect, it } from '@jest/globals';
import { createTechnician } from './factories/technician.factory.js';
import { useDemoPortico } from './support/demo-portico.js';
import { DEMO, HttpClient } from './support/http-client.js';

// Without SMTP_URL: contacts get generated credentials, and the welcome email stays in the outbox that admins read.

const demo = useDemoPortico();
let acmeId: string;
let helpdesk: HttpClient;

beforeAll(async () => {
  const { body } = await demo.users.tech.get('/api/v1/admin/companies');
  acmeId = body.companies.find((company: { name: string }) => company.name === 'Acme Dental').id;
  const { rows } = await demo.portico.db.pool.query<{ tenant_id: string }>('SELECT tenant_id FROM technicians WHERE username = $1', [DEMO.tech]);
  const technician = await createTechnician(demo.portico.db.pool, rows[0]!.tenant_id);
  helpdesk = new HttpClient(demo.portico.port);
  await helpdesk.login(technician.username, technician.password);
});

type OutboxEmail = { to: string; subject: string; text: string | null; createdAt: string; status: string };

async function outbox(): Promise<OutboxEmail[]> {
  const answer = await demo.users.tech.get('/api/v1/admin/outbox/email');
  expect(answer.status).toBe(200);
  return answer.body.emails;
}

const passwordIn = (text: string) => /(?:Password|Mot de passe|Passwort|Contraseña) ?: (\S+)/.exec(text)?.[1];

describe('contacts with generated credentials', () => {
  it('creates a contact whose answered username and password sign in, shown once and stored only hashed', async () => {
    const created = await helpdesk.post('/api/v1/admin/contacts', { name: 'Paula Neri', email: ' Paula.Neri@AcmeDental.example ', companyId: acmeId });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      contact: expect.objectContaining({ name: 'Paula Neri', email: 'paula.neri@acmedental.example', companyId: acmeId, companyName: 'Acme Dental', primary: false }),
      username: 'paula.neri@acmedental.example',
      password: expect.stringMatching(/^[A-Za-z0-9]{16,}$/),
    });
    const paula = new HttpClient(demo.portico.port);
    const login = await paula.post('/api/v1/auth/login', { username: created.body.username, password: created.body.password });
    expect(login.status).toBe(200);
    expect((await paula.get('/api/v1/me')).body.user.name).toBe('Paula Neri');

    const { rows } = await demo.portico.db.pool.query<{ password_hash: string }>('SELECT password_hash FROM contacts WHERE id = $1', [created.body.contact.id]);
    expect(rows[0]!.password_hash).toMatch(/^scrypt\$/);
    expect(rows[0]!.password_hash).not.toContain(created.body.password);
    expect((await demo.users.tech.get('/api/v1/admin/contacts?q=paula')).text).not.toContain(created.body.password);
  });

  it('keeps the welcome email in the outbox, in the language given, with the portal URL, username and password that signs in', async () => {
    const created = await demo.users.tech.post('/api/v1/admin/contacts', {
      name: 'Jeanne Roux',
      email: 'jeanne.roux@rossilogistics.example',
      companyId: acmeId,
      language: 'fr',
      primary: true,
    });
    expect(created.body.contact).toMatchObject({ language: 'fr', primary: true });
    const email = (await outbox()).find((entry) => entry.to === 'jeanne.roux@rossilogistics.example')!;
    expect(email).toMatchObject({ status: 'held', subject: "Votre accès au portail d'assistance Demo MSP" });
    expect(email.text).toContain('Bonjour Jeanne Roux');
    expect(email.text).toContain('Portail : https://demo.portal.test/');
    expect(email.text).toContain("Nom d'utilisateur : jeanne.roux@rossilogistics.example");
    expect(passwordIn(email.text!)).toBe(created.body.password);
    expect((await new HttpClient(demo.portico.port).post('/api/v1/auth/login', { username: 'jeanne.roux@rossilogistics.example', password: passwordIn(email.text!) })).status).toBe(200);
  });

  it('lists the outbox newest first', async () => {
    for (const name of ['First', 'Second']) {
      await demo.users.tech.post('/api/v1/admin/contacts', { name, email: `${name.toLowerCase()}.order@acmedental.example`, companyId: acmeId });
    }
    const emails = await outbox();
    expect(emails.findIndex((e) => e.to === 'second.order@acmedental.example')).toBeLessThan(emails.findIndex((e) => e.to === 'first.order@acmedental.example'));
    const times = emails.map((e) => Date.parse(e.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('sends no email on creation when welcomeEmail.automatic is off, and sends one on demand with a new password', async () => {
    expect((await demo.users.tech.get('/api/v1/admin/settings')).body.welcomeEmail).toEqual({ automatic: true });
    expect((await demo.users.tech.patch('/api/v1/admin/settings', { welcomeEmail: { automatic: false } })).status).toBe(200);
    try {
      const created = await demo.users.tech.post('/api/v1/admin/contacts', { name: 'Quiet One', email: 'quiet.one@acmedental.example', companyId: acmeId, language: 'de' });
      expect(created.status).toBe(201);
      expect((await outbox()).some((e) => e.to === 'quiet.one@acmedental.example')).toBe(false);
      const quiet = new HttpClient(demo.portico.port);
      await quiet.login('quiet.one@acmedental.example', created.body.password);

      const sent = await helpdesk.post(`/api/v1/admin/contacts/${created.body.contact.id}/welcome`);
      expect(sent.status).toBe(202);
      expect(sent.body).toEqual({ to: 'quiet.one@acmedental.example', status: 'held' });
      const email = (await outbox()).find((e) => e.to === 'quiet.one@acmedental.example')!;
      expect(email.subject).toBe('Ihr Zugang zum Support-Portal von Demo MSP');
      expect(email.text).toContain('Guten Tag Quiet One');
      const newPassword = passwordIn(email.text!)!;
      expect(newPassword).not.toBe(created.body.password);

      expect((await new HttpClient(demo.portico.port).post('/api/v1/auth/login', { username: 'quiet.one@acmedental.example', password: created.body.password })).status).toBe(401);
      expect((await quiet.get('/api/v1/me')).status).toBe(401);
      expect((await new HttpClient(demo.portico.port).post('/api/v1/auth/login', { username: 'quiet.one@acmedental.example', password: newPassword })).status).toBe(200);
    } finally {
      await demo.users.tech.patch('/api/v1/admin/settings', { welcomeEmail: { automatic: true } });
    }
  });

  it('takes an address on an internationalised domain, which then signs in as written', async () => {
    const created = await demo.users.tech.post('/api/v1/admin/contacts', { name: 'Jörg Weiß', email: 'Jörg@Bäckerei-Müller.example', companyId: acmeId, language: 'de' });
    expect(created.status).toBe(201);
    expect(created.body.username).toBe('jörg@bäckerei-müller.example');
    expect((await new HttpClient(demo.portico.port).post('/api/v1/auth/login', { username: 'JÖRG@bäckerei-müller.example', password: created.body.password })).status).toBe(200);
  });

  it('refuses a second contact, or a technician, with the same username in any spelling: 409 contact_exists', async () => {
    for (const email of ['TOM.BAKER@acmedental.example', DEMO.tech, 'paula.neri@ACMEDENTAL.EXAMPLE']) {
      const answer = await demo.users.tech.post('/api/v1/admin/contacts', { name: 'Twin', email, companyId: acmeId });
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe('contact_exists');
      expect(answer.body.error.message).toContain('already exists');
    }
  });

  it('creates one contact from a parallel burst for the same email', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => demo.users.tech.post('/api/v1/admin/contacts', { name: 'Burst', email: 'burst@acmedental.example', companyId: acmeId })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect((await outbox()).filter((e) => e.to === 'burst@acmedental.example')).toHaveLength(1);
  });

  it('validates the body and the company', async () => {
    for (const body of [
      { name: 'X', email: 'not-an-email', companyId: acmeId },
      { name: 'X', email: 'x@localhost', companyId: acmeId },
      { name: '', email: 'x@acmedental.example', companyId: acmeId },
      { name: 'X', email: 'x@acmedental.example', companyId: acmeId, language: 'pt' },
      { name: 'X', email: 'x@acmedental.example', companyId: 'acme' },
    ]) {
      expect((await demo.users.tech.post('/api/v1/admin/contacts', body)).status).toBe(400);
    }
    const unknown = await demo.users.tech.post('/api/v1/admin/contacts', { name: 'X', email: 'x@acmedental.example', companyId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);
    expect((await demo.users.tech.post('/api/v1/admin/contacts/00000000-0000-4000-8000-000000000000/welcome')).status).toBe(404);
  });

  it('audits creation and reset, with no password in the audit log or in the server logs', async () => {
    const created = await demo.users.tech.post('/api/v1/admin/contacts', { name: 'Audit Me', email: 'audit.me@acmedental.example', companyId: acmeId });
    await demo.users.tech.post(`/api/v1/admin/contacts/${created.body.contact.id}/welcome`);
    const resetPassword = passwordIn((await outbox()).find((e) => e.to === 'audit.me@acmedental.example')!.text!)!;
    const { rows } = await demo.portico.db.pool.query<{ action: string; details: unknown }>(
      `SELECT action, details FROM audit_log WHERE target_id = $1 ORDER BY id`,
      [created.body.contact.id],
    );
    expect(rows.map((row) => row.action)).toEqual(['contact.created', 'contact.password_reset']);
    expect(rows[0]!.details).toMatchObject({ username: 'audit.me@acmedental.example', welcomeEmail: 'held' });
    for (const secret of [created.body.password, resetPassword]) {
      expect(JSON.stringify(rows)).not.toContain(secret);
      expect(demo.portico.logs.join('')).not.toContain(secret);
    }
  });

  it('answers 403 to end users on every route, and keeps the outbox to admins', async () => {
    const { body } = await demo.users.tech.get('/api/v1/admin/contacts?q=tom');
    const tomId = body.contacts[0].id;
    for (const client of [demo.users.tom, demo.users.anna, demo.users.luc]) {
      expect((await client.post('/api/v1/admin/contacts', { name: 'Mine', email: 'mine@acmedental.example', companyId: acmeId })).status).toBe(403);
      expect((await client.post(`/api/v1/admin/contacts/${tomId}/welcome`)).status).toBe(403);
      expect((await client.get('/api/v1/admin/outbox/email')).status).toBe(403);
    }
    const refused = await helpdesk.get('/api/v1/admin/outbox/email');
    expect(refused.status).toBe(403);
    expect(refused.text).not.toContain('Password');
  });
});
