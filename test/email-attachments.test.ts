import { beforeAll, describe, expect, it } from '@jest/globals';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { useDemoMailDesk } from './support/demo-mail-desk.js';
import type { ReceivedEmail } from './support/smtp-inbox.js';

// The files of an email, end to end: sent by nodemailer to Portico's inbound SMTP listener, kept with the ticket when
// their content is of an accepted type and size, listed in the ticket and downloaded by its readers only; the others
// named back to the sender.

const desk = useDemoMailDesk();
const { demo } = desk;

const send = (mail: Mail.Options) => desk.mailer.sendMail({ to: 'support@demo.portal.test', from: 'tom.baker@acmedental.example', text: 'Hello', ...mail });

// A 1×1 PNG.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a7e1a0b40000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(512, 0x90)]);

type Attachment = { id: string; filename: string; contentType: string; size: number; commentId: string | null };
type Ticket = { id: string; number: number; subject: string; description: string; attachments: Attachment[]; comments: { id: string; body: string; author: { role: string } }[] };

async function emailTicket(subject: string): Promise<Ticket> {
  const { body } = await demo.users.tech.get('/api/v1/tickets?source=email&limit=100');
  const found = body.tickets.find((ticket: { subject: string }) => ticket.subject === subject);
  if (!found) throw new Error(`no ticket "${subject}"`);
  return (await demo.users.tech.get(`/api/v1/tickets/${found.id}`)).body;
}

async function mailFor(address: string, subject: RegExp): Promise<ReceivedEmail> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = desk.inbox.received.find((email) => email.to.includes(address) && subject.test(email.subject));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no email to ${address} matching ${subject}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('attachments of an email', () => {
  let ticket: Ticket;

  beforeAll(async () => {
    await send({
      subject: 'Error on start',
      text: 'See the screenshot and the log.',
      attachments: [
        { filename: 'screenshot.png', content: PNG, contentType: 'image/png' },
        { filename: 'setup.log', content: 'ERROR 0x80070005 access denied\n', contentType: 'text/plain' },
      ],
    });
    ticket = await emailTicket('Error on start');
  });

  it('are kept with the ticket, listed with their name, size and the type their content has', () => {
    expect(ticket.attachments.map(({ filename, size, contentType, commentId }) => ({ filename, size, contentType, commentId }))).toEqual([
      { filename: 'screenshot.png', size: PNG.length, contentType: 'image/png', commentId: null },
      { filename: 'setup.log', size: 31, contentType: 'text/plain', commentId: null },
    ]);
  });

  it('are downloaded by the requester as an attachment that the browser may not sniff', async () => {
    const file = await demo.users.tom.get(`/api/v1/tickets/${ticket.number}/attachments/${ticket.attachments[0]!.id}`);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(PNG)).toBe(true);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['content-disposition']).toBe('attachment; filename=screenshot.png');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
  });

  it("are downloaded by a technician and the company's primary contact, and by nobody else", async () => {
    const path = `/api/v1/tickets/${ticket.id}/attachments/${ticket.attachments[1]!.id}`;
    expect((await demo.users.tech.get(path)).text).toBe('ERROR 0x80070005 access denied\n');
    expect((await demo.users.anna.get(path)).status).toBe(200);
    expect((await demo.users.luc.get(path)).status).toBe(404);
    const other = await demo.users.tech.get('/api/v1/tickets?source=portal&limit=1');
    expect((await demo.users.tech.get(`/api/v1/tickets/${other.body.tickets[0].id}/attachments/${ticket.attachments[1]!.id}`)).status).toBe(404);
  });

  it('keep a file of a reply with its comment', async () => {
    await send({ subject: `Re: Error on start [#${ticket.number}]`, text: 'Here is the report.', attachments: [{ filename: 'report.pdf', content: PDF }] });
    const after = await emailTicket('Error on start');
    const comment = after.comments.find((c) => c.body === 'Here is the report.')!;
    expect(after.attachments.find((a) => a.filename === 'report.pdf')).toMatchObject({ contentType: 'application/pdf', commentId: comment.id });
  });

  it('are never served as the page their name or content claims: HTML comes back as plain text under a safe name', async () => {
    await send({ subject: 'Strange file', attachments: [{ filename: '../../"><img src=x onerror=alert(1)>.html', content: '<script>alert(1)</script>', contentType: 'text/html' }] });
    const strange = await emailTicket('Strange file');
    expect(strange.attachments.map((a) => [a.filename, a.contentType])).toEqual([['img src=x onerror=alert(1).html', 'text/plain']]);
    const file = await demo.users.tom.get(`/api/v1/tickets/${strange.id}/attachments/${strange.attachments[0]!.id}`);
    expect(file.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(file.headers['content-disposition']).toBe('attachment; filename="img src=x onerror=alert(1).html"');
  });
});

describe('an email with files that are refused', () => {
  it('still opens its ticket with the text, and names the refused files in a public note and in the acknowledgement', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024)]);
    const info = await send({
      from: 'luc.martin@rossilogistics.example',
      subject: 'Facture et installeur',
      text: 'Voici les fichiers.',
      attachments: [
        { filename: 'facture.pdf', content: EXE, contentType: 'application/pdf' },
        { filename: 'scan-complet.pdf', content: big },
        { filename: 'photo.png', content: PNG },
      ],
    });
    expect(info.response).toMatch(/^250/);
    const ticket = await emailTicket('Facture et installeur');
    expect(ticket.description).toBe('Voici les fichiers.');
    expect(ticket.attachments.map((a) => a.filename)).toEqual(['photo.png']);
    const note = (await demo.users.luc.get(`/api/v1/tickets/${ticket.number}`)).body.comments.find((c: { author: { role: string } }) => c.author.role === 'system');
    expect(note.body).toContain('facture.pdf, scan-complet.pdf');
    expect(note.body).toContain("n'ont pas été conservées");
    const acknowledgement = await mailFor('luc.martin@rossilogistics.example', /Facture et installeur/);
    expect(acknowledgement.text).toContain("Ces pièces jointes n'ont pas été conservées : facture.pdf, scan-complet.pdf.");
    expect(acknowledgement.text.trimEnd().endsWith('Demo MSP')).toBe(true);
  });
});
