import { beforeAll, describe, expect, it } from '@jest/globals';
import { createTechnician } from './factories/technician.factory.js';
import { useDemoPortico } from './support/demo-portico.js';
import { DEMO, HttpClient } from './support/http-client.js';

// Without SMTP_URL the welcome emails of imported contacts stay in the outbox that admins read.

const demo = useDemoPortico();
let helpdesk: HttpClient;

beforeAll(async () => {
  const { rows } = await demo.portico.db.pool.query<{ tenant_id: string }>('SELECT tenant_id FROM technicians WHERE username = $1', [DEMO.tech]);
  const technician = await createTechnician(demo.portico.db.pool, rows[0]!.tenant_id);
  helpdesk = new HttpClient(demo.portico.port);
  await helpdesk.login(technician.username, technician.password);
});

type ImportJob = { id: string; status: string; total: number; processed: number; created: number; skipped: number; rows: Record<string, unknown>[] };

async function startImport(csv: string): Promise<ImportJob> {
  const answer = await demo.users.tech.post('/api/v1/admin/contacts/import', { csv });
  expect(answer.status).toBe(202);
  return answer.body;
}

/** Polls the import as the console's progress bar does, keeping every answer. */
async function follow(job: ImportJob): Promise<ImportJob[]> {
  const seen: ImportJob[] = [];
  for (;;) {
    const answer = await demo.users.tech.get(`/api/v1/admin/contacts/import/${job.id}`);
    expect(answer.status).toBe(200);
    seen.push(answer.body);
    if (answer.body.status !== 'running') return seen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function outbox(): Promise<{ to: string; subject: string; text: string }[]> {
  return (await demo.users.tech.get('/api/v1/admin/outbox/email?limit=200')).body.emails;
}

const passwordIn = (text: string) => /(?:Password|Mot de passe|Passwort|Contraseña) ?: (\S+)/.exec(text)?.[1];

describe('contact import from CSV', () => {
  it('creates the good rows and reports each skipped one with its reason, holding a welcome email per new contact', async () => {
    const csv = [
      'Full name;E-mail;Company;Language;Mobile;Primary;Notes',
      'Marta Ferri;marta.ferri@acmedental.example;Acme Dental;it;;yes;VIP',
      'Hugo Lenz;hugo.lenz@rossilogistics.example;;Deutsch;;;',
      'Ines Vidal;ines.vidal@mail.example;rossilogistics.example;es-ES;;no;',
      'Tom Again;TOM.BAKER@acmedental.example;;;;;',
      'Nobody;no.body@unknown.example;;;;;',
      'Bad Mail;not-an-email;Acme Dental;;;;',
      'Lang Bad;lang.bad@acmedental.example;;klingon;;;',
      'Marta Twice;Marta.Ferri@acmedental.example;;;;;',
      'Phone Bad;phone.bad@acmedental.example;;;12345;;',
      '"Good, Phil";phil.good@acmedental.example;Acme Dental;en;+39 333 123 4567;;',
      ';;;;;;',
      'Prim Bad;prim.bad@acmedental.example;;;;maybe;',
    ].join('\r\n');
    const started = await startImport(csv);
    expect(started).toMatchObject({
      total: 11,
      columns: { name: 'Full name', email: 'E-mail', company: 'Company', language: 'Language', phone: 'Mobile', primary: 'Primary' },
      ignoredColumns: ['Notes'],
    });
    const final = (await follow(started)).at(-1)!;
    expect(final).toMatchObject({ status: 'done', total: 11, processed: 11, created: 4, skipped: 7 });
    const byRow = new Map(final.rows.map((row) => [row.row, row]));
    expect(byRow.get(2)).toMatchObject({ status: 'created', email: 'marta.ferri@acmedental.example', username: 'marta.ferri@acmedental.example', welcomeEmail: true });
    expect(byRow.get(3)).toMatchObject({ status: 'created', name: 'Hugo Lenz' });
    expect(byRow.get(4)).toMatchObject({ status: 'created', name: 'Ines Vidal' });
    expect(byRow.get(5)).toMatchObject({ status: 'skipped', reason: 'duplicate_email' });
    expect(byRow.get(6)).toMatchObject({ status: 'skipped', reason: 'unknown_company', detail: 'unknown.example' });
    expect(byRow.get(7)).toMatchObject({ status: 'skipped', reason: 'bad_email', detail: 'not-an-email' });
    expect(byRow.get(8)).toMatchObject({ status: 'skipped', reason: 'bad_language', detail: 'klingon' });
    expect(byRow.get(9)).toMatchObject({ status: 'skipped', reason: 'duplicate_in_file', detail: 'row 2' });
    expect(byRow.get(10)).toMatchObject({ status: 'skipped', reason: 'bad_phone' });
    expect(byRow.get(11)).toMatchObject({ status: 'created', name: 'Good, Phil' });
    expect(byRow.has(12)).toBe(false);
    expect(byRow.get(13)).toMatchObject({ status: 'skipped', reason: 'bad_primary', detail: 'maybe' });

    const contacts = (await demo.users.tech.get('/api/v1/admin/contacts?q=example')).body.contacts as Record<string, unknown>[];
    const contact = (email: string) => contacts.find((entry) => entry.email === email);
    expect(contact('marta.ferri@acmedental.example')).toMatchObject({ companyName: 'Acme Dental', language: 'it', primary: true });
    expect(contact('hugo.lenz@rossilogistics.example')).toMatchObject({ companyName: 'Rossi Logistics', language: 'de' });
    expect(contact('ines.vidal@mail.example')).toMatchObject({ companyName: 'Rossi Logistics', language: 'es', primary: false });
    expect(contact('phil.good@acmedental.example')).toMatchObject({ language: 'en', phone: expect.stringContaining('4567') });
    expect(contact('lang.bad@acmedental.example')).toBeUndefined();

    const emails = await outbox();
    const hugo = emails.find((email) => email.to === 'hugo.lenz@rossilogistics.example')!;
    expect(hugo.text).toContain('Benutzername: hugo.lenz@rossilogistics.example');
    const password = passwordIn(hugo.text)!;
    expect((await new HttpClient(demo.portico.port).post('/api/v1/auth/login', { username: 'hugo.lenz@rossilogistics.example', password })).status).toBe(200);
    expect(JSON.stringify(final)).not.toContain(password);
    expect(emails.filter((email) => email.to === 'tom.baker@acmedental.example')).toHaveLength(0);
  });

  it('shows progress up to the total on a large file, and refuses a second import while one runs', async () => {
    const lines = ['name,email'];
    for (let i = 1; i <= 120; i++) lines.push(`Bulk ${i},bulk.${i}@acmedental.example`);
    const started = await startImport(lines.join('\n'));
    expect(started).toMatchObject({ status: 'running', total: 120, processed: 0 });
    const second = await demo.users.tech.post('/api/v1/admin/contacts/import', { csv: 'name,email\nLate,late@acmedental.example' });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('import_running');

    const seen = await follow(started);
    const processed = seen.map((job) => job.processed);
    expect(processed).toEqual([...processed].sort((a, b) => a - b));
    expect(processed.some((count) => count > 0 && count < 120)).toBe(true);
    expect(seen.at(-1)).toMatchObject({ status: 'done', processed: 120, created: 120, skipped: 0 });
    const held = await demo.portico.db.pool.query(`SELECT 1 FROM outbound_emails WHERE to_address LIKE 'bulk.%' AND status = 'held'`);
    expect(held.rowCount).toBe(120);

    const tail = await demo.users.tech.get(`/api/v1/admin/contacts/import/${started.id}?rowsFrom=118`);
    expect(tail.body.rows.map((row: { row: number }) => row.row)).toEqual([120, 121]);
  });

  it('refuses a file that is no contacts CSV with 400 naming the problem', async () => {
    for (const [csv, problem] of [
      ['name,email\n"Ann,ann@acmedental.example\n', /quote/i],
      ['name,company\nAnn,Acme Dental\n', /no email column in the header row \(it holds: name, company\)/],
      ['email\nann@acmedental.example\n', /no name column/],
      ['name,email,mail\nAnn,a@acmedental.example,b@acmedental.example', /"email" and "mail" both hold the email/],
      ['name,email\n', /no contacts under the header row/],
      ['   \n', /the file is empty/],
    ] as const) {
      const answer = await demo.users.tech.post('/api/v1/admin/contacts/import', { csv });
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('validation_failed');
      expect(answer.body.error.message).toMatch(problem);
    }
    expect((await demo.users.tech.post('/api/v1/admin/contacts/import', {})).status).toBe(400);
  });

  it('answers 403 to technicians who are not admins and to end users', async () => {
    const started = await startImport('name,email\nSolo,solo@acmedental.example');
    await follow(started);
    for (const client of [helpdesk, demo.users.anna]) {
      const post = await client.post('/api/v1/admin/contacts/import', { csv: 'name,email\nX,x@acmedental.example' });
      expect(post.status).toBe(403);
      expect(post.body.error.code).toBe('forbidden');
      expect((await client.get(`/api/v1/admin/contacts/import/${started.id}`)).status).toBe(403);
    }
    expect((await demo.users.tech.get('/api/v1/admin/contacts?q=x@acmedental')).body.contacts).toHaveLength(0);
  });
});
