import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { useDemoPortico } from './support/demo-portico.js';
import { HttpClient } from './support/http-client.js';
import { SmtpInbox } from './support/smtp-inbox.js';

// With SMTP_URL: welcome emails reach a real SMTP server on loopback; refused sends are retried with backoff, and the
// outbox shows each email's state. The first retry waits 20 ms instead of a minute so that a run of six attempts fits in
// a test; the backoff's shape is the product's.

let inbox: SmtpInbox;
beforeAll(async () => {
  inbox = await SmtpInbox.start();
});
afterAll(() => inbox.close());

const demo = useDemoPortico(() => ({ env: { SMTP_URL: inbox.url }, emailRetry: { firstRetrySeconds: 0.02 }, emailSweepMs: 50 }));
let acmeId: string;

beforeAll(async () => {
  const { body } = await demo.users.tech.get('/api/v1/admin/companies');
  acmeId = body.companies.find((company: { name: string }) => company.name === 'Acme Dental').id;
});

type OutboxEmail = { to: string; text: string | null; status: string; attempts: number; lastError: string | null; nextAttemptAt: string | null; sentAt: string | null };

async function outboxEntry(to: string): Promise<OutboxEmail> {
  const { body } = await demo.users.tech.get('/api/v1/admin/outbox/email');
  return body.emails.find((email: OutboxEmail) => email.to === to);
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const createContact = (body: Record<string, unknown>) => demo.users.tech.post('/api/v1/admin/contacts', { companyId: acmeId, ...body });

describe('the welcome email by SMTP', () => {
  it("reaches the contact in their language (Italian, Lei) with the portal URL and username, and its password signs in", async () => {
    const created = await createContact({ name: 'Chiara Russo', email: 'chiara.russo@acmedental.example', language: 'it' });
    expect(created.status).toBe(201);
    const email = await inbox.waitFor('chiara.russo@acmedental.example');
    expect(email.subject).toBe('Il Suo accesso al portale di assistenza Demo MSP');
    expect(email.from).toBe('"Demo MSP" <no-reply@demo.portal.test>');
    expect(email.text).toContain('Gentile Chiara Russo');
    expect(email.text).toContain('ecco i Suoi dati di accesso');
    expect(email.text).toContain('Portale: https://demo.portal.test/');
    expect(email.text).toContain('Nome utente: chiara.russo@acmedental.example');
    const password = /Password: (\S+)/.exec(email.text)![1]!;
    expect(password).toBe(created.body.password);
    const chiara = new HttpClient(demo.portico.port);
    expect((await chiara.post('/api/v1/auth/login', { username: 'chiara.russo@acmedental.example', password })).status).toBe(200);
    expect((await chiara.get('/api/v1/me')).body.user.language).toBe('it');

    const entry = await until(() => outboxEntry('chiara.russo@acmedental.example'), (e) => e.status === 'sent');
    expect(entry).toMatchObject({ status: 'sent', attempts: 1, text: null, nextAttemptAt: null, lastError: null });
    expect(demo.portico.logs.join('')).not.toContain(password);
  });

  it('sends "reset password and send" on demand: a new password by email, the old one refused', async () => {
    const created = await createContact({ name: 'Ana García', email: 'ana.garcia@acmedental.example', language: 'es' });
    await inbox.waitFor('ana.garcia@acmedental.example');
    expect((await demo.users.tech.post(`/api/v1/admin/contacts/${created.body.contact.id}/welcome`)).body).toEqual({ to: 'ana.garcia@acmedental.example', status: 'pending' });
    const emails = await until(
      async () => inbox.received.filter((e) => e.to.includes('ana.garcia@acmedental.example')),
      (list) => list.length === 2,
    );
    expect(emails[1]!.subject).toBe('Su acceso al portal de soporte de Demo MSP');
    expect(emails[1]!.text).toContain('estos son sus datos de acceso');
    const password = /Contraseña: (\S+)/.exec(emails[1]!.text)![1]!;
    expect(password).not.toBe(created.body.password);
    expect((await new HttpClient(demo.portico.port).post('/api/v1/auth/login', { username: 'ana.garcia@acmedental.example', password })).status).toBe(200);
    expect((await new HttpClient(demo.portico.port).post('/api/v1/auth/login', { username: 'ana.garcia@acmedental.example', password: created.body.password })).status).toBe(401);
  });

  it('retries a send that the server refuses and delivers once it accepts; the attempts and the last refusal stay visible', async () => {
    let refusalsLeft = 2;
    inbox.refuse = (to) => to === 'flaky@acmedental.example' && refusalsLeft-- > 0;
    try {
      await createContact({ name: 'Flaky Inbox', email: 'flaky@acmedental.example', language: 'en' });
      const email = await inbox.waitFor('flaky@acmedental.example');
      expect(email.subject).toBe('Your access to the Demo MSP support portal');
      expect(inbox.refusals.filter((to) => to === 'flaky@acmedental.example')).toHaveLength(2);
      const entry = await until(() => outboxEntry('flaky@acmedental.example'), (e) => e.status === 'sent');
      expect(entry).toMatchObject({ status: 'sent', attempts: 3, text: null });
      expect(entry.lastError).toContain('550');
    } finally {
      inbox.refuse = () => false;
    }
  });

  it('gives up after six refused attempts and shows the email as failed with the reason, the password never logged', async () => {
    inbox.refuse = (to) => to === 'nobody@acmedental.example';
    try {
      const created = await createContact({ name: 'Nobody Here', email: 'nobody@acmedental.example' });
      const pending = await until(() => outboxEntry('nobody@acmedental.example'), (e) => e.attempts >= 1);
      expect(pending.lastError).toContain('Mailbox unavailable');
      const failed = await until(() => outboxEntry('nobody@acmedental.example'), (e) => e.status === 'failed');
      expect(failed).toMatchObject({ attempts: 6, nextAttemptAt: null, sentAt: null });
      expect(failed.lastError).toContain('550');
      expect(inbox.refusals.filter((to) => to === 'nobody@acmedental.example')).toHaveLength(6);
      const logs = demo.portico.logs.join('');
      expect(logs).toContain('email given up');
      expect(logs).not.toContain(created.body.password);
    } finally {
      inbox.refuse = () => false;
    }
  });
});
