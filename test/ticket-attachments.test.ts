import { describe, expect, it } from '@jest/globals';
import { useDemoPortico } from './support/demo-portico.js';

// Files that go with a comment in the portal or the console: kept when every one is accepted by its content, seen by
// whoever sees the comment.

const demo = useDemoPortico();

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a7e1a0b40000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'), Buffer.alloc(4 * 1024 * 1024, 0x20)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(512, 0x90)]);
const file = (filename: string, content: Buffer) => ({ filename, content: content.toString('base64') });

type Attachment = { id: string; filename: string; contentType: string; size: number; commentId: string | null };

async function newTicket(subject: string): Promise<{ id: string; number: number }> {
  const { status, body } = await demo.users.tom.post('/api/v1/tickets', { subject, description: 'See the files.' });
  expect(status).toBe(201);
  return body;
}

describe('files with a comment', () => {
  it("are kept with a portal user's comment, up to 5 MB, and downloaded by the ticket's readers", async () => {
    const ticket = await newTicket('Files from the portal');
    const answer = await demo.users.tom.post(`/api/v1/tickets/${ticket.id}/comments`, {
      body: 'The error and the report.',
      attachments: [file('error.png', PNG), file('report.pdf', PDF)],
    });
    expect(answer.status).toBe(201);
    const { body } = await demo.users.tom.get(`/api/v1/tickets/${ticket.number}`);
    expect(body.attachments.map((a: Attachment) => [a.filename, a.contentType, a.size, a.commentId])).toEqual([
      ['error.png', 'image/png', PNG.length, answer.body.id],
      ['report.pdf', 'application/pdf', PDF.length, answer.body.id],
    ]);
    const download = await demo.users.tech.get(`/api/v1/tickets/${ticket.id}/attachments/${body.attachments[1].id}`);
    expect(download.bytes.equals(PDF)).toBe(true);
  });

  it('are refused all together, naming the refused ones, when one is not of an accepted type', async () => {
    const ticket = await newTicket('A refused file');
    const answer = await demo.users.tom.post(`/api/v1/tickets/${ticket.id}/comments`, {
      body: 'Here is the tool.',
      attachments: [file('screenshot.png', PNG), file('invoice.pdf', EXE)],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'attachment_refused' });
    expect(answer.body.error.message).toContain('invoice.pdf');
    const { body } = await demo.users.tom.get(`/api/v1/tickets/${ticket.number}`);
    expect(body.comments).toEqual([]);
    expect(body.attachments).toEqual([]);
  });

  it("of a technician's internal note are never listed or served to a portal user", async () => {
    const ticket = await newTicket('An internal file');
    const note = await demo.users.tech.post(`/api/v1/tickets/${ticket.id}/comments`, {
      body: 'Admin password reset log',
      internal: true,
      attachments: [file('reset.log', Buffer.from('reset by admin\n'))],
    });
    expect(note.status).toBe(201);
    const technician = (await demo.users.tech.get(`/api/v1/tickets/${ticket.id}`)).body;
    expect(technician.attachments.map((a: Attachment) => a.filename)).toEqual(['reset.log']);
    const path = `/api/v1/tickets/${ticket.id}/attachments/${technician.attachments[0].id}`;
    expect((await demo.users.tech.get(path)).text).toBe('reset by admin\n');
    expect((await demo.users.tom.get(`/api/v1/tickets/${ticket.id}`)).body.attachments).toEqual([]);
    expect((await demo.users.tom.get(path)).status).toBe(404);
    expect((await demo.users.anna.get(path)).status).toBe(404);
  });
});
