import { describe, expect, it } from '@jest/globals';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { createOtherTenant } from './factories/tenant.factory.js';
import { useDemoPortico } from './support/demo-portico.js';
import { HttpClient, type HttpAnswer } from './support/http-client.js';

// The inbound mail webhook (POST /integrations/email/inbound) for providers that receive mail and post it, raw or as
// JSON, with the shared secret; what it posts goes through the same use case as the SMTP listener's mail.

const SECRET = 'inbound-secret-for-tests-0123456789abcdef';
const demo = useDemoPortico({ env: { PORTICO_INBOUND_EMAIL_SECRET: SECRET } });
const PATH = '/integrations/email/inbound';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a7e1a0b40000000049454e44ae426082',
  'hex',
);

function post(body: { json?: unknown; raw?: Buffer }, headers: Record<string, string> = { authorization: `Bearer ${SECRET}` }, query = ''): Promise<HttpAnswer> {
  const client = new HttpClient(demo.portico.port, 'mail-provider.example');
  if (body.raw) return client.send('POST', PATH + query, { raw: body.raw, headers: { 'content-type': 'message/rfc822', ...headers } });
  return client.send('POST', PATH + query, { json: body.json, headers });
}

const raw = (mail: Mail.Options): Promise<Buffer> => new MailComposer({ to: 'support@demo.portal.test', ...mail }).compile().build();

async function emailTicket(subject: string) {
  const { body } = await demo.users.tech.get('/api/v1/tickets?source=email&limit=100');
  return body.tickets.find((ticket: { subject: string }) => ticket.subject === subject);
}

const parsed = {
  to: ['support@demo.portal.test'],
  from: { address: 'tom.baker@acmedental.example', name: 'Tom Baker' },
  subject: 'Docking station not charging',
  text: 'My laptop does not charge on the dock.',
  attachments: [{ filename: 'dock.png', content: PNG.toString('base64') }],
};

describe('the inbound mail webhook', () => {
  it('refuses a post without the secret, or with a wrong one, with 401 and opens nothing', async () => {
    const none = await post({ json: parsed }, {});
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('unauthenticated');
    expect((await post({ json: parsed }, { authorization: `Bearer ${SECRET.slice(0, -1)}x` })).status).toBe(401);
    expect((await post({ json: parsed }, { authorization: `Basic ${Buffer.from(`api:${SECRET}x`).toString('base64')}` })).status).toBe(401);
    expect(await emailTicket(parsed.subject)).toBeUndefined();
  });

  it('opens a ticket with source "email" and its files from a parsed message, once however often it is posted', async () => {
    const answer = await post({ json: parsed });
    expect(answer.status).toBe(200);
    expect(answer.body.results).toEqual([{ outcome: 'ticket', ticketNumber: expect.any(Number) }]);
    const { body: ticket } = await demo.users.tom.get(`/api/v1/tickets/${answer.body.results[0].ticketNumber}`);
    expect(ticket).toMatchObject({ subject: parsed.subject, description: parsed.text, source: 'email', requester: { name: 'Tom Baker' } });
    expect(ticket.attachments.map((file: { filename: string; contentType: string }) => [file.filename, file.contentType])).toEqual([['dock.png', 'image/png']]);
    expect((await post({ json: parsed })).body.results).toEqual([{ outcome: 'duplicate' }]);
  });

  it('takes a raw RFC 822 message, with the secret as the Basic password: a reply naming the ticket is a comment', async () => {
    const number = (await emailTicket(parsed.subject)).number;
    const basic = { authorization: `Basic ${Buffer.from(`api:${SECRET}`).toString('base64')}` };
    const message = await raw({ from: 'tom.baker@acmedental.example', subject: `Re: Docking station [#${number}]`, text: 'It charges with another cable.' });
    const answer = await post({ raw: message }, basic);
    expect(answer.status).toBe(200);
    expect(answer.body.results).toEqual([{ outcome: 'comment' }]);
    const { body } = await demo.users.tom.get(`/api/v1/tickets/${number}`);
    expect(body.comments.map((c: { body: string }) => c.body)).toEqual(['It charges with another cable.']);
  });

  it('ignores an auto-reply and a bounce as the listener does', async () => {
    const away = await raw({ from: 'tom.baker@acmedental.example', subject: 'Out of office', text: 'Away.', headers: { 'Auto-Submitted': 'auto-replied' } });
    expect((await post({ raw: away })).body.results).toEqual([{ outcome: 'ignored' }]);
    const bounce = await raw({ from: 'tom.baker@acmedental.example', subject: 'Undeliverable', text: 'Bounce.' });
    expect((await post({ raw: bounce }, undefined, '?from=')).body.results).toEqual([{ outcome: 'ignored' }]);
    expect(await emailTicket('Out of office')).toBeUndefined();
    expect(await emailTicket('Undeliverable')).toBeUndefined();
  });

  it('refuses a message over the size cap with 413, and a body of another type with 415', async () => {
    const huge = await raw({ from: 'tom.baker@acmedental.example', subject: 'Huge', attachments: [{ filename: 'scan.pdf', content: Buffer.alloc(8 * 1024 * 1024, 0x41) }] });
    const answer = await post({ raw: huge });
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe('payload_too_large');
    const form = await new HttpClient(demo.portico.port).send('POST', PATH, {
      raw: 'subject=hi',
      headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    expect(await emailTicket('Huge')).toBeUndefined();
  });

  it('answers 404 unknown_recipient for recipients no support desk answers, once the install has two tenants', async () => {
    await createOtherTenant(demo.portico.db.pool, 'webhook');
    const answer = await post({ json: { ...parsed, to: ['helpdesk@nobody.example'], subject: 'Lost mail' } });
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('unknown_recipient');
    expect(await emailTicket('Lost mail')).toBeUndefined();
  });

  it('is documented in the OpenAPI document with both body types', async () => {
    const { body } = await demo.users.tech.get('/api/v1/openapi.json');
    expect(Object.keys(body.paths[PATH].post.requestBody.content)).toEqual(['application/json', 'message/rfc822']);
  });
});
