import { createOtherTenant, type OtherTenant } from './factories/tenant.factory.js';
import { demoClients, HttpClient, loggedIn } from './support/http-client.js';
import { startTestPortico, type TestPortico } from './support/portico.js';

type Ticket = { id: string; number: number; subject?: string; status?: string; requester: { name: string } | null; comments?: { body: string; public: boolean }[] };

describe('tickets: who sees what', () => {
  let portico: TestPortico;
  let other: OtherTenant;
  let tom: HttpClient;
  let anna: HttpClient;
  let luc: HttpClient;
  let tech: HttpClient;

  beforeAll(async () => {
    portico = await startTestPortico();
    other = await createOtherTenant(portico.db.pool);
    ({ tom, anna, luc, tech } = await demoClients(portico.port));
  });
  afterAll(() => portico.close());

  const list = async (client: HttpClient): Promise<Ticket[]> => {
    const answer = await client.get('/api/v1/tickets');
    expect(answer.status).toBe(200);
    return answer.body.tickets as Ticket[];
  };

  it('an end user lists only their own tickets', async () => {
    const tickets = await list(tom);
    expect(tickets.length).toBeGreaterThan(0);
    expect(new Set(tickets.map((t) => t.requester?.name))).toEqual(new Set(['Tom Baker']));
  });

  it("a primary contact lists every ticket of their company, and only their company's", async () => {
    const tickets = await list(anna);
    const requesters = new Set(tickets.map((t) => t.requester?.name));
    expect(requesters).toEqual(new Set(['Anna Bianchi', 'Tom Baker', 'Giulia Verdi']));
    const tomsOwn = await list(tom);
    for (const t of tomsOwn) expect(tickets.map((x) => x.id)).toContain(t.id);
  });

  it('a technician lists the whole tenant but never another tenant', async () => {
    const tickets = await list(tech);
    const requesters = new Set(tickets.map((t) => t.requester?.name));
    expect(requesters).toEqual(new Set(['Anna Bianchi', 'Tom Baker', 'Giulia Verdi', 'Luc Martin', 'Marco Rossi']));
    expect(tickets.map((t) => t.id)).not.toContain(other.ticketId);
  });

  it("answers 404, not 403, for another company's ticket on every route", async () => {
    const [lucsTicket] = await list(luc);
    for (const ref of [lucsTicket!.id, String(lucsTicket!.number)]) {
      for (const answer of [
        await tom.get(`/api/v1/tickets/${ref}`),
        await tom.post(`/api/v1/tickets/${ref}/comments`, { body: 'hello' }),
        await tom.post(`/api/v1/tickets/${ref}/reopen`),
        await anna.get(`/api/v1/tickets/${ref}`),
      ]) {
        expect(answer.status).toBe(404);
        expect(answer.body.error.code).toBe('not_found');
      }
    }
  });

  it("answers 404 for a colleague's ticket to a non-primary contact", async () => {
    const annas = (await list(anna)).find((t) => t.requester?.name === 'Giulia Verdi')!;
    expect((await tom.get(`/api/v1/tickets/${annas.id}`)).status).toBe(404);
    expect((await anna.get(`/api/v1/tickets/${annas.id}`)).status).toBe(200);
  });

  it("keeps tenants apart: another tenant's ticket id, number and login do not exist here", async () => {
    for (const client of [tom, anna, tech]) {
      expect((await client.get(`/api/v1/tickets/${other.ticketId}`)).status).toBe(404);
      expect((await client.post(`/api/v1/tickets/${other.ticketId}/comments`, { body: 'x' })).status).toBe(404);
      expect((await client.post(`/api/v1/tickets/${other.ticketId}/reopen`)).status).toBe(404);
    }
    // A demo session cookie is worthless on the other tenant's hostname.
    const crossHost = new HttpClient(portico.port, other.hostname);
    crossHost.setCookie('portico_session', tom.cookie('portico_session')!);
    expect((await crossHost.get('/api/v1/me')).status).toBe(401);

    const otherTom = await loggedIn(portico.port, other.username, other.hostname).catch(() => undefined);
    expect(otherTom).toBeUndefined();
    const otherClient = new HttpClient(portico.port, other.hostname);
    await otherClient.login(other.username, other.password);
    const theirs = await list(otherClient);
    expect(theirs.map((t) => t.id)).toEqual([other.ticketId]);
    expect((await otherClient.get(`/api/v1/tickets/${theirs[0]!.number}`)).body.subject).toBe('Other tenant secret ticket');
    // The same number on the demo host is a demo ticket or nothing, never the other tenant's.
    const sameNumber = await tech.get(`/api/v1/tickets/${other.ticketNumber}`);
    expect(sameNumber.body?.subject).not.toBe('Other tenant secret ticket');
  });

  it('shows contacts the public comments only; technicians see internal notes', async () => {
    const outlook = (await list(tom)).find((t) => t.subject?.includes('Outlook'))!;
    const forTom = (await tom.get(`/api/v1/tickets/${outlook.id}`)).body as Ticket;
    const forTech = (await tech.get(`/api/v1/tickets/${outlook.id}`)).body as Ticket;
    expect(forTom.comments!.every((c) => c.public)).toBe(true);
    expect(forTech.comments!.length).toBe(forTom.comments!.length + 1);
    expect(forTech.comments!.some((c) => !c.public)).toBe(true);
  });

  it('creates a ticket for the user, numbered in sequence, visible to the primary contact', async () => {
    const created = await tom.post('/api/v1/tickets', {
      subject: 'Monitor flickers',
      description: 'The left monitor flickers when the dock wakes up.',
      priority: 'low',
      customFields: { asset_tag: 'ACME-0200', location: 'Remote', affected_users: 1, needed_by: '2026-12-01' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ subject: 'Monitor flickers', status: 'open', priority: 'low', source: 'portal' });
    expect(created.body.customFields).toEqual({ asset_tag: 'ACME-0200', location: 'Remote', affected_users: 1, needed_by: '2026-12-01' });
    const next = await tom.post('/api/v1/tickets', { description: 'Second one\nwith details' });
    expect(next.status).toBe(201);
    expect(next.body.number).toBe(created.body.number + 1);
    expect(next.body.subject).toBe('Second one');
    expect((await anna.get(`/api/v1/tickets/${created.body.id}`)).status).toBe(200);
    expect((await luc.get(`/api/v1/tickets/${created.body.id}`)).status).toBe(404);
  });

  it('refuses custom field values of the wrong kind, unknown fields and read-only ones', async () => {
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ location: 'Moon base' }, 400, /customFields\.location/],
      [{ affected_users: 'many' }, 400, /customFields\.affected_users/],
      [{ needed_by: '12/01/2026' }, 400, /customFields\.needed_by/],
      [{ no_such_field: 'x' }, 400, /customFields\.no_such_field/],
      [{ business_critical: true }, 400, /business_critical/],
    ];
    for (const [customFields, status, message] of cases) {
      const answer = await tom.post('/api/v1/tickets', { subject: 'x', customFields });
      expect(answer.status).toBe(status);
      expect(answer.body.error.message).toMatch(message);
    }
  });

  it('a comment on a resolved ticket reopens it; reopen works on closed ones', async () => {
    const printer = (await list(tom)).find((t) => t.status === 'resolved')!;
    const comment = await tom.post(`/api/v1/tickets/${printer.id}/comments`, { body: 'It jams again.' });
    expect(comment.status).toBe(201);
    expect(comment.body).toMatchObject({ body: 'It jams again.', public: true, author: { role: 'contact', name: 'Tom Baker' } });
    expect((await tom.get(`/api/v1/tickets/${printer.id}`)).body.status).toBe('open');

    const vpn = (await list(anna)).find((t) => t.status === 'closed')!;
    const reopened = await anna.post(`/api/v1/tickets/${vpn.id}/reopen`);
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe('open');
    const again = await anna.post(`/api/v1/tickets/${vpn.id}/reopen`);
    expect(again.status).toBe(409);
  });

  it('does not let a contact write an internal note; a technician can', async () => {
    const [ticket] = await list(tom);
    expect((await tom.post(`/api/v1/tickets/${ticket!.id}/comments`, { body: 'psst', internal: true })).status).toBe(400);
    const note = await tech.post(`/api/v1/tickets/${ticket!.id}/comments`, { body: 'internal only', internal: true });
    expect(note.status).toBe(201);
    const seen = (await tom.get(`/api/v1/tickets/${ticket!.id}`)).body as Ticket;
    expect(seen.comments!.map((c) => c.body)).not.toContain('internal only');
  });
});
