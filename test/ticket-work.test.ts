import { describe, expect, it } from '@jest/globals';
import { canonicalUsername } from '../domain/auth/canonical-username.js';
import { hashPassword } from '../domain/auth/password.js';
import { insertTechnician } from '../db/repositories/principals.js';
import type { ChatClient } from './support/chat-client.js';
import { createOtherTenant } from './factories/tenant.factory.js';
import { useDemoPortico } from './support/demo-portico.js';
import type { HttpClient } from './support/http-client.js';

type Comment = { id: string; body: string; public: boolean; author: { name: string; role: string } };
type Ticket = {
  id: string;
  number: number;
  subject?: string;
  status?: string;
  priority?: string;
  source: string;
  company: { id: string; name: string } | null;
  requester: { id: string; name: string } | null;
  assignee?: { id: string; name: string } | null;
  escalated?: boolean;
  customFields: Record<string, unknown>;
  updatedAt: string;
  comments?: Comment[];
  transcript?: { role: string; text: string }[];
};

const demo = useDemoPortico();

async function list(client: HttpClient, query = ''): Promise<{ tickets: Ticket[]; total: number }> {
  const answer = await client.get(`/api/v1/tickets${query}`);
  expect(answer.status).toBe(200);
  return answer.body as { tickets: Ticket[]; total: number };
}

async function audit(ticketId: string): Promise<{ action: string; actor_kind: string; details: Record<string, unknown> }[]> {
  const { rows } = await demo.portico.db.pool.query(
    "SELECT action, actor_kind, details FROM audit_log WHERE target_kind = 'ticket' AND target_id = $1 ORDER BY id",
    [ticketId],
  );
  return rows;
}

/** Lets events already on their way arrive before a test says none came. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

describe("technicians' ticket queue", () => {
  it('lists the whole tenant newest update first, filtered by several statuses, company, source and text', async () => {
    const { tech } = demo.users;
    const all = await list(tech);
    const times = all.tickets.map((t) => Date.parse(t.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    for (const query of ['?status=open,pending', '?status=open&status=pending']) {
      const { tickets, total } = await list(tech, query);
      expect(new Set(tickets.map((t) => t.status))).toEqual(new Set(['open', 'pending']));
      expect(total).toBe(all.tickets.filter((t) => t.status === 'open' || t.status === 'pending').length);
    }

    const rossi = all.tickets.find((t) => t.company?.name === 'Rossi Logistics')!.company!;
    const ofRossi = await list(tech, `?companyId=${rossi.id}`);
    expect(ofRossi.total).toBeGreaterThan(0);
    expect(ofRossi.tickets.every((t) => t.company?.id === rossi.id)).toBe(true);
    expect(ofRossi.total).toBe(all.tickets.filter((t) => t.company?.id === rossi.id).length);

    const byEmail = await list(tech, '?source=email');
    expect(byEmail.tickets.map((t) => t.subject)).toEqual(['Printer on the second floor jams']);

    expect((await list(tech, '?q=vpn')).tickets.map((t) => t.subject)).toEqual(['La VPN si disconnette']);
    const printer = byEmail.tickets[0]!;
    expect((await list(tech, `?q=%23${printer.number}`)).tickets.map((t) => t.id)).toEqual([printer.id]);
    expect((await list(tech, `?q=${printer.number}`)).tickets.map((t) => t.id)).toContain(printer.id);
    // LIKE wildcards typed by the technician are text, not patterns.
    expect((await list(tech, '?q=%25')).total).toBe(0);
    expect((await list(tech, '?q=_')).total).toBe(0);
    expect((await list(tech, '?status=resolved&source=email&q=printer')).tickets.map((t) => t.id)).toEqual([printer.id]);
  });

  it('pages a filtered queue with limit and offset over a stable order', async () => {
    const { tech } = demo.users;
    const filter = '?status=open,pending,resolved';
    const first = await list(tech, `${filter}&limit=3`);
    const second = await list(tech, `${filter}&limit=3&offset=3`);
    expect(first.tickets).toHaveLength(3);
    expect(second.total).toBe(first.total);
    const ids = [...first.tickets, ...second.tickets].map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual((await list(tech, `${filter}&limit=6`)).tickets.map((t) => t.id));
  });

  it('takes each filter with a good value and answers 400 naming the field for a bad one', async () => {
    const cases: [string, string, string][] = [
      ['status=open,closed', 'status=nope', 'status'],
      ['status=open', 'status=open,', 'status'],
      ['companyId=00000000-0000-4000-8000-000000000000', 'companyId=acme', 'companyId'],
      ['source=phone', 'source=fax', 'source'],
      ['assigneeId=none', 'assigneeId=someone', 'assigneeId'],
      ['escalated=false', 'escalated=maybe', 'escalated'],
      ['q=printer', 'q=', 'q'],
      ['q=printer', `q=${'x'.repeat(201)}`, 'q'],
      ['limit=200', 'limit=0', 'limit'],
      ['offset=1', 'offset=-1', 'offset'],
    ];
    for (const [good, bad, field] of cases) {
      expect({ good, status: (await demo.users.tech.get(`/api/v1/tickets?${good}`)).status }).toEqual({ good, status: 200 });
      const answer = await demo.users.tech.get(`/api/v1/tickets?${bad}`);
      expect({ bad, status: answer.status, code: answer.body.error?.code }).toEqual({ bad, status: 400, code: 'validation_failed' });
      expect(answer.body.error.message).toContain(field);
    }
    expect((await demo.users.tech.get('/api/v1/tickets?sort=asc')).status).toBe(400);
  });

  it('keeps end users to their own tickets (a primary contact to the company) and the technician filters to technicians', async () => {
    const { tom, anna } = demo.users;
    const toms = await list(tom, '?status=open,resolved');
    expect(toms.tickets.length).toBeGreaterThan(0);
    expect(new Set(toms.tickets.map((t) => t.requester?.name))).toEqual(new Set(['Tom Baker']));
    expect(toms.tickets.every((t) => t.assignee === undefined && t.escalated === undefined)).toBe(true);
    const annas = await list(anna);
    expect(new Set(annas.tickets.map((t) => t.company?.name))).toEqual(new Set(['Acme Dental']));
    for (const query of ['?q=vpn', '?assigneeId=none', '?escalated=true', `?companyId=${annas.tickets[0]!.company!.id}`]) {
      const answer = await tom.get(`/api/v1/tickets${query}`);
      expect({ query, status: answer.status, code: answer.body.error?.code }).toEqual({ query, status: 403, code: 'forbidden' });
    }
  });

  it('documents the new route and the filters in the OpenAPI document', async () => {
    const document = (await demo.users.tom.get('/api/v1/openapi.json')).body;
    const params = (document.paths['/api/v1/tickets'].get.parameters as { name: string }[]).map((p) => p.name);
    expect(params).toEqual(expect.arrayContaining(['status', 'companyId', 'source', 'assigneeId', 'escalated', 'q', 'limit', 'offset']));
    expect(document.paths['/api/v1/tickets/{id}'].patch).toBeDefined();
  });
});

describe('technicians change tickets', () => {
  it('changes status, priority, assignee and custom fields, audits each change and keeps resolved_at', async () => {
    const { tech, tom } = demo.users;
    const me = (await tech.get('/api/v1/me')).body.user as { id: string; name: string };
    const outlook = (await list(tom)).tickets.find((t) => t.subject?.includes('Outlook'))!;
    expect((await list(tech, '?assigneeId=none')).tickets.map((t) => t.id)).toContain(outlook.id);

    const changed = await tech.patch(`/api/v1/tickets/${outlook.number}`, {
      status: 'resolved',
      priority: 'urgent',
      assigneeId: me.id,
      customFields: { asset_tag: 'ACME-0042', business_critical: true },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      status: 'resolved',
      priority: 'urgent',
      assignee: { id: me.id, name: me.name },
      customFields: expect.objectContaining({ asset_tag: 'ACME-0042', business_critical: true }),
    });
    const resolvedAt = async () =>
      (await demo.portico.db.pool.query<{ resolved_at: Date | null }>('SELECT resolved_at FROM tickets WHERE id = $1', [outlook.id])).rows[0]!.resolved_at;
    expect(await resolvedAt()).toBeInstanceOf(Date);

    const actions = await audit(outlook.id);
    expect(actions.filter((a) => a.actor_kind === 'technician').map((a) => [a.action, a.details.field ?? null, a.details.from, a.details.to])).toEqual([
      ['ticket.status_changed', null, 'open', 'resolved'],
      ['ticket.priority_changed', null, outlook.priority, 'urgent'],
      ['ticket.assigned', null, null, me.id],
      ['ticket.custom_field_changed', 'asset_tag', outlook.customFields.asset_tag ?? null, 'ACME-0042'],
      ['ticket.custom_field_changed', 'business_critical', null, true],
    ]);

    expect((await list(tech, `?assigneeId=${me.id}`)).tickets.map((t) => t.id)).toEqual([outlook.id]);
    expect((await list(tech, '?assigneeId=none')).tickets.map((t) => t.id)).not.toContain(outlook.id);

    // The same values again change nothing and write nothing.
    expect((await tech.patch(`/api/v1/tickets/${outlook.id}`, { status: 'resolved', assigneeId: me.id })).status).toBe(200);
    expect(await audit(outlook.id)).toHaveLength(actions.length);

    const reopened = await tech.patch(`/api/v1/tickets/${outlook.id}`, { status: 'pending', assigneeId: null, customFields: { business_critical: null } });
    expect(reopened.body).toMatchObject({ status: 'pending', assignee: null });
    expect(reopened.body.customFields).not.toHaveProperty('business_critical');
    expect(await resolvedAt()).toBeNull();
    expect((await audit(outlook.id)).slice(actions.length).map((a) => a.action)).toEqual([
      'ticket.status_changed',
      'ticket.assigned',
      'ticket.custom_field_changed',
    ]);
  });

  it('refuses end users with 403 and changes nothing', async () => {
    const { tom, anna } = demo.users;
    const ticket = (await list(tom)).tickets[0]!;
    for (const [client, body] of [
      [tom, { status: 'closed' }],
      [anna, { priority: 'urgent' }],
      [tom, { assigneeId: null }],
    ] as const) {
      const answer = await client.patch(`/api/v1/tickets/${ticket.id}`, body);
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('forbidden');
    }
    const after = (await tom.get(`/api/v1/tickets/${ticket.id}`)).body as Ticket;
    expect([after.status, after.priority, after.updatedAt]).toEqual([ticket.status, ticket.priority, ticket.updatedAt]);
    expect((await audit(ticket.id)).filter((a) => a.actor_kind === 'contact' && /changed|assigned/.test(a.action))).toEqual([]);
  });

  it('takes an assignee only among the technicians of the tenant and refuses bad changes with 400 naming the field', async () => {
    const { tech } = demo.users;
    const other = await createOtherTenant(demo.portico.db.pool, 'assignees');
    const name = canonicalUsername('tech@assignees.example');
    const foreignTech = await insertTechnician(demo.portico.db.pool, other.tenantId, {
      name: 'Foreign Tech',
      email: name,
      username: name,
      passwordHash: await hashPassword('another-pass-123'),
      language: 'en',
      admin: false,
    });
    const ticket = (await list(tech)).tickets[0]!;
    const cases: [unknown, string][] = [
      [{ assigneeId: foreignTech }, 'assigneeId'],
      [{ assigneeId: '00000000-0000-4000-8000-000000000000' }, 'assigneeId'],
      [{ assigneeId: 'sam' }, 'assigneeId'],
      [{ status: 'done' }, 'status'],
      [{ priority: 'asap' }, 'priority'],
      [{ customFields: { no_such_field: 'x' } }, 'customFields.no_such_field'],
      [{ customFields: { affected_users: 'many' } }, 'customFields.affected_users'],
      [{ subject: 'new subject' }, 'subject'],
      [{}, 'nothing to change'],
    ];
    for (const [body, field] of cases) {
      const answer = await tech.patch(`/api/v1/tickets/${ticket.id}`, body);
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
      expect(answer.body.error.message).toContain(field);
    }
    expect((await tech.patch(`/api/v1/tickets/${other.ticketId}`, { status: 'closed' })).status).toBe(404);
    expect((await demo.portico.db.pool.query('SELECT status FROM tickets WHERE id = $1', [other.ticketId])).rows[0].status).toBe('open');
  });

  it("lists the tenant's technicians for the assignee picker, to technicians only and without their sign-in names", async () => {
    const { tech, tom } = demo.users;
    const other = await createOtherTenant(demo.portico.db.pool, 'pickers');
    const name = canonicalUsername('tech@pickers.example');
    await insertTechnician(demo.portico.db.pool, other.tenantId, {
      name: 'Elsewhere Tech',
      email: name,
      username: name,
      passwordHash: await hashPassword('another-pass-123'),
      language: 'en',
      admin: false,
    });
    const answer = await tech.get('/api/v1/admin/technicians');
    expect(answer.status).toBe(200);
    const technicians = answer.body.technicians as { id: string; name: string; admin: boolean }[];
    expect(technicians).toContainEqual({ id: expect.any(String), name: 'Sam Torres', admin: true });
    expect(technicians.map((t) => t.name)).not.toContain('Elsewhere Tech');
    expect(JSON.stringify(answer.body)).not.toContain('@');
    const sam = technicians.find((t) => t.name === 'Sam Torres')!;
    const ticket = (await list(tech)).tickets[0]!;
    expect((await tech.patch(`/api/v1/tickets/${ticket.id}`, { assigneeId: sam.id })).body.assignee).toEqual({ id: sam.id, name: 'Sam Torres' });
    await tech.patch(`/api/v1/tickets/${ticket.id}`, { assigneeId: ticket.assignee?.id ?? null });
    const refused = await tom.get('/api/v1/admin/technicians');
    expect({ status: refused.status, code: refused.body.error?.code }).toEqual({ status: 403, code: 'forbidden' });
    const document = (await tom.get('/api/v1/openapi.json')).body;
    expect(document.paths['/api/v1/admin/technicians'].get).toBeDefined();
  });

  it('audits a parallel burst of status changes from what each really replaced', async () => {
    const { tech } = demo.users;
    const ticket = (await list(tech, '?q=scansionare')).tickets[0]!;
    const statuses = ['pending', 'resolved', 'open', 'closed', 'pending', 'resolved', 'open', 'closed'];
    const answers = await Promise.all(statuses.map((status) => tech.patch(`/api/v1/tickets/${ticket.id}`, { status })));
    expect(answers.map((a) => a.status)).toEqual(statuses.map(() => 200));
    const moves = (await audit(ticket.id)).filter((a) => a.action === 'ticket.status_changed').map((a) => a.details);
    // Each change starts where the previous one ended: the log replays to the final status.
    let status = ticket.status;
    for (const move of moves) {
      expect(move.from).toBe(status);
      status = move.to as string;
    }
    expect((await tech.get(`/api/v1/tickets/${ticket.id}`)).body.status).toBe(status);
  });
});

describe('comments: authors, internal notes and live events', () => {
  let tom: ChatClient;
  let tomAgain: ChatClient;
  let anna: ChatClient;
  let luc: ChatClient;

  it('names each author with their role in the ticket detail', async () => {
    const printer = (await list(demo.users.tom)).tickets.find((t) => t.subject?.includes('Printer'))!;
    const detail = (await demo.users.tom.get(`/api/v1/tickets/${printer.id}`)).body as Ticket;
    const authors = detail.comments!.map((c) => c.author);
    expect(authors).toEqual(expect.arrayContaining([{ name: 'Tom Baker', role: 'contact' }]));
    expect(authors.some((a) => a.role === 'technician' && a.name === 'Sam Torres')).toBe(true);
  });

  it("refuses an end user's internal note with 400 and stores nothing", async () => {
    const ticket = (await list(demo.users.tom)).tickets[0]!;
    const before = ((await demo.users.tech.get(`/api/v1/tickets/${ticket.id}`)).body as Ticket).comments!.length;
    const answer = await demo.users.tom.post(`/api/v1/tickets/${ticket.id}/comments`, { body: 'psst', internal: true });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'field_not_writable' });
    expect(answer.body.error.message).toContain('internal');
    expect(((await demo.users.tech.get(`/api/v1/tickets/${ticket.id}`)).body as Ticket).comments!).toHaveLength(before);
  });

  it("sends the requester's windows and the company's primary contact each public technician reply and status change, never an internal note", async () => {
    [tom, tomAgain, anna, luc] = await Promise.all([demo.chat('tom'), demo.chat('tom'), demo.chat('anna'), demo.chat('luc')]);
    const { tech } = demo.users;
    const ticket = (await list(demo.users.tom)).tickets.find((t) => t.subject?.includes('Printer'))!;

    const note = await tech.post(`/api/v1/tickets/${ticket.id}/comments`, { body: 'Internal: toner supplier is late', internal: true });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ public: false, author: { role: 'technician' } });
    const reply = await tech.post(`/api/v1/tickets/${ticket.id}/comments`, { body: 'A new drum is on its way.' });
    expect(reply.status).toBe(201);

    const expected = {
      ticketId: ticket.id,
      number: ticket.number,
      comment: { id: reply.body.id, body: 'A new drum is on its way.', author: { name: 'Sam Torres', role: 'technician' }, createdAt: reply.body.createdAt },
    };
    for (const client of [tom, tomAgain, anna]) expect(await client.waitFor('ticket:comment')).toEqual(expected);

    expect((await tech.patch(`/api/v1/tickets/${ticket.id}`, { status: 'pending' })).status).toBe(200);
    for (const client of [tom, tomAgain, anna]) {
      expect(await client.waitFor('ticket:updated')).toEqual({ ticketId: ticket.id, number: ticket.number, status: 'pending' });
    }
    await settle();
    expect(luc.events.filter((e) => e.event.startsWith('ticket:'))).toEqual([]);
    for (const client of [tom, tomAgain, anna]) {
      expect(client.events.filter((e) => e.event === 'ticket:comment')).toHaveLength(1);
      expect(JSON.stringify(client.events)).not.toContain('toner supplier');
    }
  });

  it("tells a contact's comment to the primary contact but not back to its author, and its reopening to both", async () => {
    const { tech } = demo.users;
    const ticket = (await list(demo.users.tom)).tickets.find((t) => t.subject?.includes('Printer'))!;
    expect((await tech.patch(`/api/v1/tickets/${ticket.id}`, { status: 'resolved' })).status).toBe(200);
    await anna.waitFor('ticket:updated', (p) => p.status === 'resolved');
    const comment = await demo.users.tom.post(`/api/v1/tickets/${ticket.id}/comments`, { body: 'Still jams with the new drum.' });
    expect(comment.status).toBe(201);
    const seen = await anna.waitFor('ticket:comment', (p) => p.comment.id === comment.body.id);
    expect(seen.comment.author).toEqual({ name: 'Tom Baker', role: 'contact' });
    for (const client of [tom, anna]) await client.waitFor('ticket:updated', (p) => p.ticketId === ticket.id && p.status === 'open');
    await settle();
    expect(tom.events.some((e) => e.event === 'ticket:comment' && e.payload.comment.id === comment.body.id)).toBe(false);
    expect(luc.events.filter((e) => e.event.startsWith('ticket:'))).toEqual([]);
  });

  it('keeps internal notes out of every answer an end user gets, the chat ticket and its transcript included', async () => {
    const [chat, annasWindow] = await Promise.all([demo.chat('tom'), demo.chat('anna')]);
    const first = await chat.ask('Outlook keeps asking for my password');
    const { answer } = await chat.ask('that did not help, I want to talk to a person', first.ack.conversationId);
    const number = /#\s?(\d{4,})/.exec(answer.message.text)![1]!;
    const { tech } = demo.users;
    // The demo history's escalated chats were all worked to their end: this one is the only one open.
    const escalated = await list(tech, '?escalated=true&status=open');
    expect(escalated.tickets.map((t) => String(t.number))).toEqual([number]);
    expect(escalated.tickets[0]!.escalated).toBe(true);
    expect((await list(tech, '?escalated=false')).tickets.map((t) => String(t.number))).not.toContain(number);

    const secret = 'Internal: user was warned twice about password reuse';
    expect((await tech.post(`/api/v1/tickets/${number}/comments`, { body: secret, internal: true })).status).toBe(201);
    const forTech = (await tech.get(`/api/v1/tickets/${number}`)).body as Ticket;
    expect(forTech.comments!.filter((c) => !c.public).map((c) => c.author.role)).toEqual(expect.arrayContaining(['technician']));
    expect(forTech.comments!.filter((c) => c.author.name === 'AI assistant').map((c) => [c.author.role, c.public])).toEqual([['assistant', false]]);

    // The assistant's summary repeats the user's own words, which the transcript rightly shows: its id must not appear.
    const internal = forTech.comments!.filter((c) => !c.public).map((c) => c.id);
    expect(internal).toHaveLength(2);
    for (const client of [demo.users.tom, demo.users.anna]) {
      const answers = [
        await client.get(`/api/v1/tickets/${number}`),
        await client.get(`/api/v1/tickets/${forTech.id}`),
        await client.get('/api/v1/tickets'),
        await client.get('/api/v1/tickets?limit=200'),
      ];
      for (const seen of answers) {
        expect(seen.status).toBe(200);
        expect(seen.text).not.toContain(secret);
        for (const id of internal) expect(seen.text).not.toContain(id);
      }
      const detail = answers[0]!.body as Ticket;
      expect(detail.comments!.every((c) => c.public)).toBe(true);
      expect(detail.transcript!.length).toBeGreaterThan(0);
    }
    const restored = await demo.chat('tom');
    const history = await restored.emit('chat:load', { conversationId: first.ack.conversationId });
    expect(JSON.stringify(history)).not.toContain(secret);
    await settle();
    for (const client of [chat, annasWindow, restored]) expect(JSON.stringify(client.events)).not.toContain(secret);
  });

  it('tells only the users whose ticketing section is on, and leaves the status out when the portal hides it', async () => {
    const { tech } = demo.users;
    const [tomsWindow, annasWindow] = await Promise.all([demo.chat('tom'), demo.chat('anna')]);
    const annaId = (await demo.users.anna.get('/api/v1/me')).body.user.id as string;
    const ticket = (await list(demo.users.tom)).tickets.find((t) => t.subject?.includes('Outlook'))!;
    const settings = (patch: unknown) => tech.patch('/api/v1/admin/settings', patch);
    expect((await settings({ sections: { ticketing: { mode: 'selected', userIds: [annaId] } }, fieldVisibility: { status: 'hidden' } })).status).toBe(200);
    try {
      const reply = await tech.post(`/api/v1/tickets/${ticket.id}/comments`, { body: 'Only for those who may read it.' });
      expect((await tech.patch(`/api/v1/tickets/${ticket.id}`, { status: 'open', priority: 'high' })).status).toBe(200);
      await annasWindow.waitFor('ticket:comment', (p) => p.comment.id === reply.body.id);
      expect(await annasWindow.waitFor('ticket:updated')).toEqual({ ticketId: ticket.id, number: ticket.number });
      await settle();
      expect(tomsWindow.events.filter((e) => e.event.startsWith('ticket:'))).toEqual([]);
    } finally {
      await settings({ sections: { ticketing: { mode: 'everyone', userIds: [] } }, fieldVisibility: { status: 'readonly' } });
    }
  });
});
