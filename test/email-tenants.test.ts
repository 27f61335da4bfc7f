import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTransport, type Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { createOtherTenant, type OtherTenant } from './factories/tenant.factory.js';
import { useDemoPortico } from './support/demo-portico.js';
import { HttpClient } from './support/http-client.js';

// Which support desk a message reaches, on an install with two tenants, through real SMTP sessions to the listener:
// by the recipient's domain, one of a tenant's hostnames or of its companies' email domains, and never by the sender.

const demo = useDemoPortico({ env: { PORTICO_SMTP_PORT: '0' } });
let mailer: Transporter;
let globex: OtherTenant;
let globexUser: HttpClient;

beforeAll(async () => {
  mailer = createTransport({ host: '127.0.0.1', port: demo.portico.smtpPort!, secure: false, ignoreTLS: true, logger: false });
  const pool = demo.portico.db.pool;
  globex = await createOtherTenant(pool, 'globex');
  await pool.query(
    `INSERT INTO company_email_domains (tenant_id, company_id, domain)
     SELECT tenant_id, id, 'globex.example' FROM companies WHERE tenant_id = $1`,
    [globex.tenantId],
  );
  globexUser = new HttpClient(demo.portico.port, globex.hostname);
  await globexUser.login(globex.username, globex.password);
});
afterAll(() => mailer.close());

const send = (mail: Mail.Options) => mailer.sendMail({ text: 'Hello', ...mail });

async function subjects(client: HttpClient): Promise<string[]> {
  const { body } = await client.get('/api/v1/tickets?limit=100');
  return body.tickets.map((ticket: { subject: string }) => ticket.subject);
}

describe('inbound mail on an install with two tenants', () => {
  it("reaches the tenant of the recipient's domain, whoever the sender is", async () => {
    // The same sender address is a contact in both tenants.
    await send({ from: 'tom.baker@acmedental.example', to: 'support@demo.portal.test', subject: 'Demo desk by hostname' });
    await send({ from: 'tom.baker@acmedental.example', to: 'support@globex.portal.test', subject: 'Globex desk by hostname' });
    expect(await subjects(demo.users.tom)).toContain('Demo desk by hostname');
    expect(await subjects(demo.users.tech)).not.toContain('Globex desk by hostname');
    const globexTickets = await subjects(globexUser);
    expect(globexTickets).toContain('Globex desk by hostname');
    expect(globexTickets).not.toContain('Demo desk by hostname');
  });

  it("reaches a tenant at its companies' email domains, and the new sender joins that tenant's company", async () => {
    await send({ from: 'Ann Lee <ann.lee@globex.example>', to: 'helpdesk@globex.example', subject: 'Globex desk by company domain' });
    await send({ from: 'luc.martin@rossilogistics.example', to: 'it@rossilogistics.example', subject: 'Demo desk by company domain' });
    const globexTickets = await subjects(globexUser);
    expect(globexTickets).toContain('Globex desk by company domain');
    expect(globexTickets).not.toContain('Demo desk by company domain');
    const demoTickets = await subjects(demo.users.tech);
    expect(demoTickets).toContain('Demo desk by company domain');
    expect(demoTickets).not.toContain('Globex desk by company domain');
    expect((await demo.users.tech.get('/api/v1/admin/contacts?q=ann.lee')).body.contacts).toEqual([]);
  });

  it('refuses with 550 a recipient of a domain no tenant answers, or that two tenants claim, and opens nothing', async () => {
    const refused = send({ from: 'tom.baker@acmedental.example', to: 'help@unknown.example', subject: 'Nobody answers' });
    await expect(refused).rejects.toMatchObject({ responseCode: 550 });
    await demo.portico.db.pool.query(
      `INSERT INTO company_email_domains (tenant_id, company_id, domain) SELECT tenant_id, id, 'shared.example' FROM companies
       WHERE tenant_id = $1 OR name = 'Acme Dental'`,
      [globex.tenantId],
    );
    const ambiguous = send({ from: 'tom.baker@acmedental.example', to: 'help@shared.example', subject: 'Which desk?' });
    await expect(ambiguous).rejects.toMatchObject({ responseCode: 550 });
    for (const client of [demo.users.tech, globexUser]) {
      expect(await subjects(client)).not.toContain('Nobody answers');
      expect(await subjects(client)).not.toContain('Which desk?');
    }
  });

  it("keeps one message to one tenant: a second tenant's recipient is deferred with 452", async () => {
    const info = await send({ from: 'tom.baker@acmedental.example', to: ['support@demo.portal.test', 'support@globex.portal.test'], subject: 'Both desks' });
    expect(info.accepted).toEqual(['support@demo.portal.test']);
    expect(info.rejectedErrors?.map((error: Error) => (error as Error & { responseCode?: number }).responseCode)).toEqual([452]);
    expect(await subjects(demo.users.tech)).toContain('Both desks');
    expect(await subjects(globexUser)).not.toContain('Both desks');
  });

  it('has no inbound webhook when no secret is set', async () => {
    const answer = await new HttpClient(demo.portico.port).send('POST', '/integrations/email/inbound', { json: {}, headers: { authorization: 'Bearer x' } });
    expect(answer.status).toBe(404);
  });
});
