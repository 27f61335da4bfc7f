import { describe, expect, it } from '@jest/globals';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { useDemoMailDesk } from './support/demo-mail-desk.js';
import type { ReceivedEmail } from './support/smtp-inbox.js';

// Email to ticket and ticket notifications, end to end: real SMTP sessions from nodemailer to Portico's inbound
// listener (PORTICO_SMTP_PORT, an ephemeral port here), and Portico's outgoing mail (SMTP_URL) caught by a test SMTP
// server.

const desk = useDemoMailDesk();
const { demo } = desk;

const SUPPORT = 'support@demo.portal.test';
const send = (mail: Mail.Options) => desk.mailer.sendMail({ to: SUPPORT, text: 'Hello', ...mail });

type Ticket = { id: string; number: number; subject: string; description: string; source: string; status: string; requester: { name: string } | null };

async function emailTickets(): Promise<Ticket[]> {
  const { body } = await demo.users.tech.get('/api/v1/tickets?source=email&limit=100');
  return body.tickets;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const mailFor = (address: string, subject: RegExp): Promise<ReceivedEmail> =>
  until(
    async () => desk.inbox.received.find((email) => email.to.includes(address) && subject.test(email.subject)),
    (found) => found !== undefined,
  ) as Promise<ReceivedEmail>;

describe('email to ticket', () => {
  let printer: Ticket;

  it('opens a ticket with source "email" from a contact, and tells them its [#number] in their language', async () => {
    const info = await send({ from: 'Tom Baker <tom.baker@acmedental.example>', subject: 'Printer jams on every page', text: 'The printer on the 2nd floor jams.\n\n-- \nTom Baker\nAcme Dental' });
    expect(info.response).toMatch(/^250/);
    printer = (await emailTickets()).find((ticket) => ticket.subject === 'Printer jams on every page')!;
    expect(printer).toMatchObject({ source: 'email', status: 'open', requester: { name: 'Tom Baker' } });
    expect(printer.description).toBe('The printer on the 2nd floor jams.');
    const notice = await mailFor('tom.baker@acmedental.example', /Ticket received/);
    expect(notice.subject).toBe(`Ticket received: Printer jams on every page [#${printer.number}]`);
    expect(notice.text).toContain(`https://demo.portal.test/tickets/${printer.number}`);
    expect(notice.replyTo).toBe(SUPPORT);
    expect(notice.inReplyTo).toBe(info.messageId);
    expect(notice.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('threads a reply carrying [#number] into the ticket as a public comment, without the quoted history', async () => {
    await send({
      from: 'tom.baker@acmedental.example',
      subject: `Re: Ticket received: Printer jams on every page [#${printer.number}]`,
      text: `It also jams on the 3rd floor.\n\nOn Mon, Dec 7, 2026 at 10:00 AM Demo MSP <no-reply@demo.portal.test> wrote:\n> Hello Tom Baker,\n> we have received your request`,
    });
    const { body } = await demo.users.tom.get(`/api/v1/tickets/${printer.number}`);
    expect(body.comments.map((c: { body: string; author: { name: string } }) => [c.author.name, c.body])).toEqual([['Tom Baker', 'It also jams on the 3rd floor.']]);
    expect((await emailTickets()).filter((ticket) => ticket.subject.includes('Printer jams on every page'))).toHaveLength(1);
  });

  it("threads a reply by its In-Reply-To to a notification's Message-ID, and a sender's retry of one message is one comment", async () => {
    const notice = await mailFor('tom.baker@acmedental.example', /Ticket received/);
    const reply = { from: 'tom.baker@acmedental.example', subject: 'Re: the printer', text: 'Fixed by itself.', inReplyTo: notice.messageId, messageId: '<retry-1@acmedental.example>' };
    await send(reply);
    await send(reply);
    const { body } = await demo.users.tom.get(`/api/v1/tickets/${printer.number}`);
    expect(body.comments.map((c: { body: string }) => c.body)).toEqual(['It also jams on the 3rd floor.', 'Fixed by itself.']);
  });

  it('describes an HTML-only message by its text, without markup or scripts', async () => {
    await send({ from: 'anna.bianchi@acmedental.example', subject: 'Outlook crashes', text: undefined, html: '<p>Outlook <b>crashes</b> at start.</p><script>alert(1)</script><p>Since Monday.</p>' });
    const ticket = (await emailTickets()).find((t) => t.subject === 'Outlook crashes')!;
    expect(ticket.description).toBe('Outlook crashes at start.\n\nSince Monday.');
  });

  it("opens a new ticket when someone outside the ticket's company names its number", async () => {
    await send({ from: 'luc.martin@rossilogistics.example', subject: `Question about [#${printer.number}]`, text: 'Is this mine?' });
    const tickets = await emailTickets();
    expect(tickets.find((ticket) => ticket.subject === 'Question about')).toMatchObject({ requester: { name: 'Luc Martin' } });
    expect((await demo.users.tom.get(`/api/v1/tickets/${printer.number}`)).body.comments).toHaveLength(2);
  });

  it("makes a sender on a company's email domain a contact of that company, in the language their mail asks for", async () => {
    await send({ from: 'Jana Weber <jana.weber@acmedental.example>', subject: 'Neuer Bildschirm', text: 'Ich brauche einen zweiten Bildschirm.', headers: { 'Accept-Language': 'de-DE, en;q=0.5' } });
    const { body } = await demo.users.tech.get('/api/v1/admin/contacts?q=jana.weber');
    const { body: companies } = await demo.users.tech.get('/api/v1/admin/companies');
    const acme = companies.companies.find((company: { name: string }) => company.name === 'Acme Dental');
    expect(body.contacts).toEqual([expect.objectContaining({ name: 'Jana Weber', email: 'jana.weber@acmedental.example', companyId: acme.id, language: 'de' })]);
    expect((await emailTickets()).find((ticket) => ticket.subject === 'Neuer Bildschirm')).toMatchObject({ requester: { name: 'Jana Weber' } });
    expect((await mailFor('jana.weber@acmedental.example', /Zugang/)).text).toContain('Benutzername: jana.weber@acmedental.example');
    expect((await mailFor('jana.weber@acmedental.example', /Anfrage erhalten/)).text).toContain('Guten Tag Jana Weber');
  });

  it('refuses a sender of an unknown domain with one polite auto-reply in English and their language, and opens nothing', async () => {
    const before = (await emailTickets()).length;
    const mail = { from: 'someone@unknown.example', subject: 'Bonjour', text: 'Pouvez-vous m’aider ?', headers: { 'Accept-Language': 'fr' } };
    await send(mail);
    await send({ ...mail, subject: 'Encore moi' });
    const reply = await mailFor('someone@unknown.example', /Bonjour/);
    expect(reply.subject).toBe('Re : Bonjour');
    expect(reply.text).toContain('This address only accepts requests');
    expect(reply.text).toContain("Cette adresse n'accepte que les demandes");
    expect(reply.headers.get('auto-submitted')).toBe('auto-replied');
    expect((await emailTickets()).length).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(desk.inbox.received.filter((email) => email.to.includes('someone@unknown.example'))).toHaveLength(1);
    const { body } = await demo.users.tech.get('/api/v1/admin/audit?action=email');
    expect(body.entries.some((entry: { action: string }) => entry.action === 'email.refused')).toBe(true);
  });

  it('keeps an unknown sender\'s mail as a ticket without requester when the setting says "queue"', async () => {
    expect((await demo.users.tech.patch('/api/v1/admin/settings', { email: { unknownSenders: 'queue' } })).status).toBe(200);
    try {
      await send({ from: 'vendor@elsewhere.example', subject: 'Invoice question', text: 'Who do I ask?' });
      expect((await emailTickets()).find((ticket) => ticket.subject === 'Invoice question')).toMatchObject({ requester: null, source: 'email' });
    } finally {
      await demo.users.tech.patch('/api/v1/admin/settings', { email: { unknownSenders: 'refuse' } });
    }
  });

  it('ignores auto-replies, bulk mail and bounces: no ticket, no answer', async () => {
    const before = (await emailTickets()).length;
    const sentBefore = desk.inbox.received.length;
    await send({ from: 'tom.baker@acmedental.example', subject: 'Out of office', text: 'I am away.', headers: { 'Auto-Submitted': 'auto-replied' } });
    await send({ from: 'tom.baker@acmedental.example', subject: 'Newsletter', text: 'News.', headers: { Precedence: 'bulk' } });
    await send({ from: 'tom.baker@acmedental.example', subject: 'Undeliverable', text: 'Bounce.', envelope: { from: '', to: SUPPORT } });
    await send({ from: 'someone@unknown.example', subject: 'Auto: away', text: 'Away.', headers: { 'X-Autoreply': 'yes' } });
    expect((await emailTickets()).length).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(desk.inbox.received.length).toBe(sentBefore);
  });

  it('refuses an oversized message with 552 and opens nothing', async () => {
    const huge = 'x'.repeat(11 * 1024 * 1024);
    await expect(send({ from: 'tom.baker@acmedental.example', subject: 'Huge', attachments: [{ filename: 'scan.pdf', content: huge }] })).rejects.toMatchObject({ responseCode: 552 });
    expect((await emailTickets()).some((ticket) => ticket.subject === 'Huge')).toBe(false);
  });
});

describe('ticket notifications by email', () => {
  it('tells a widget user of the ticket they opened in the portal too, with its [#number]', async () => {
    const created = await demo.users.anna.post('/api/v1/tickets', { subject: 'Monitor flickers', description: 'Since this morning.' });
    expect(created.status).toBe(201);
    const notice = await mailFor('anna.bianchi@acmedental.example', /Monitor flickers/);
    expect(notice.subject).toBe(`Richiesta ricevuta: Monitor flickers [#${created.body.number}]`);
    expect(notice.text).toContain('Gentile Anna Bianchi');
  });

  it("sends a technician's public reply and the resolution in the requester's language, and nothing for an internal note", async () => {
    await send({ from: 'luc.martin@rossilogistics.example', subject: 'VPN ne marche pas', text: 'Le VPN refuse ma connexion.' });
    const ticket = (await emailTickets()).find((t) => t.subject === 'VPN ne marche pas')!;
    await mailFor('luc.martin@rossilogistics.example', /VPN ne marche pas/);
    const luc = () => desk.inbox.received.filter((email) => email.to.includes('luc.martin@rossilogistics.example') && email.subject.includes(`[#${ticket.number}]`));

    expect((await demo.users.tech.post(`/api/v1/tickets/${ticket.id}/comments`, { body: 'Customer seems annoyed', internal: true })).status).toBe(201);
    expect((await demo.users.tech.post(`/api/v1/tickets/${ticket.id}/comments`, { body: 'Pouvez-vous redémarrer le client VPN ?' })).status).toBe(201);
    const reply = await mailFor('luc.martin@rossilogistics.example', /^Re : VPN/);
    expect(reply.subject).toBe(`Re : VPN ne marche pas [#${ticket.number}]`);
    expect(reply.text).toContain('Pouvez-vous redémarrer le client VPN ?');
    expect(reply.text).toContain(`https://demo.portal.test/tickets/${ticket.number}`);

    expect((await demo.users.tech.patch(`/api/v1/tickets/${ticket.id}`, { status: 'resolved' })).status).toBe(200);
    const resolved = await mailFor('luc.martin@rossilogistics.example', /^Résolu/);
    expect(resolved.text).toContain('a été résolu');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(luc().map((email) => email.subject.split(':')[0])).toEqual(['Demande reçue ', 'Re ', 'Résolu ']);
    expect(luc().some((email) => email.text.includes('annoyed'))).toBe(false);

    // Replying to the resolution reopens the ticket with the reply as a comment.
    await send({ from: 'luc.martin@rossilogistics.example', subject: `Re: ${resolved.subject}`, text: 'Toujours en panne.', inReplyTo: resolved.messageId });
    const { body } = await demo.users.luc.get(`/api/v1/tickets/${ticket.number}`);
    expect(body.status).toBe('open');
    expect(body.comments.at(-1).body).toBe('Toujours en panne.');
  });
});
