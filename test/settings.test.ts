import { DEMO, HttpClient, loggedIn } from './support/http-client.js';
import { startTestPortico, type TestPortico } from './support/portico.js';

describe('portal settings, applied to signed-in users without a new login', () => {
  let portico: TestPortico;
  let tech: HttpClient;
  let tom: HttpClient;
  let anna: HttpClient;
  let tomId: string;

  beforeAll(async () => {
    portico = await startTestPortico();
    [tech, tom, anna] = await Promise.all([
      loggedIn(portico.port, DEMO.tech),
      loggedIn(portico.port, DEMO.tom),
      loggedIn(portico.port, DEMO.anna),
    ]);
    tomId = (await tom.get('/api/v1/me')).body.user.id;
  });
  afterAll(() => portico.close());

  const patch = async (body: unknown) => {
    const answer = await tech.patch('/api/v1/admin/settings', body);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('serves the whole settings document to technicians, and refuses contacts', async () => {
    const settings = await tech.get('/api/v1/admin/settings');
    expect(settings.status).toBe(200);
    expect(settings.body).toMatchObject({
      sections: { assistant: { mode: 'everyone', userIds: [] }, ticketing: { mode: 'everyone' } },
      tickets: { ticketPerChatSession: true, disableManualCreation: false, visibleStatuses: ['open', 'pending', 'resolved', 'closed'], cannotReopen: false },
      fieldVisibility: { subject: 'editable', status: 'readonly' },
    });
    for (const answer of [await tom.get('/api/v1/admin/settings'), await anna.patch('/api/v1/admin/settings', { tickets: { cannotReopen: true } })]) {
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('forbidden');
    }
  });

  it('ticketing section off for everyone: 403 section_disabled on every ticket route, /me says so', async () => {
    await patch({ sections: { ticketing: { mode: 'off' } } });
    for (const answer of [
      await tom.get('/api/v1/tickets'),
      await tom.get('/api/v1/tickets/1000'),
      await tom.post('/api/v1/tickets', { subject: 'x' }),
      await tom.post('/api/v1/tickets/1000/comments', { body: 'x' }),
      await tom.post('/api/v1/tickets/1000/reopen'),
    ]) {
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('section_disabled');
    }
    expect((await tom.get('/api/v1/me')).body.sections.ticketing).toBe(false);
    expect((await tech.get('/api/v1/tickets')).status).toBe(200);
  });

  it('ticketing on for chosen users only', async () => {
    await patch({ sections: { ticketing: { mode: 'selected', userIds: [tomId] } } });
    expect((await tom.get('/api/v1/tickets')).status).toBe(200);
    const refused = await anna.get('/api/v1/tickets');
    expect(refused.status).toBe(403);
    // Anna's language is Italian: the message follows it.
    expect(refused.body.error.message).toBe('Questa parte del portale non è disponibile per Lei.');
    expect((await anna.get('/api/v1/me')).body.sections).toEqual({ assistant: true, ticketing: false, knowledgeBase: true, selfService: true });
    await patch({ sections: { ticketing: { mode: 'everyone', userIds: [] } } });
    expect((await anna.get('/api/v1/tickets')).status).toBe(200);
  });

  it('each section toggles independently in /me', async () => {
    await patch({ sections: { assistant: { mode: 'off' }, selfService: { mode: 'selected', userIds: [tomId] }, knowledgeBase: { mode: 'off' } } });
    expect((await tom.get('/api/v1/me')).body.sections).toEqual({ assistant: false, ticketing: true, knowledgeBase: false, selfService: true });
    expect((await anna.get('/api/v1/me')).body.sections).toEqual({ assistant: false, ticketing: true, knowledgeBase: false, selfService: false });
    await patch({ sections: { assistant: null, selfService: null, knowledgeBase: null } });
    expect((await anna.get('/api/v1/me')).body.sections).toEqual({ assistant: true, ticketing: true, knowledgeBase: true, selfService: true });
  });

  it('visible statuses hide tickets from lists and single reads', async () => {
    const all = (await tom.get('/api/v1/tickets')).body.tickets as { id: string; status: string }[];
    const resolved = all.find((t) => t.status === 'resolved')!;
    await patch({ tickets: { visibleStatuses: ['open', 'pending'] } });
    const visible = (await tom.get('/api/v1/tickets')).body.tickets as { status: string }[];
    expect(visible.length).toBeLessThan(all.length);
    expect(visible.every((t) => ['open', 'pending'].includes(t.status))).toBe(true);
    expect((await tom.get(`/api/v1/tickets/${resolved.id}`)).status).toBe(404);
    expect((await tom.get('/api/v1/tickets?status=resolved')).body.tickets).toEqual([]);
    await patch({ tickets: { visibleStatuses: ['open', 'pending', 'resolved', 'closed'] } });
    expect((await tom.get(`/api/v1/tickets/${resolved.id}`)).status).toBe(200);
  });

  it('"ticket cannot be reopened" refuses reopen and comments on closed tickets', async () => {
    const closed = ((await anna.get('/api/v1/tickets')).body.tickets as { id: string; status: string; canReopen: boolean }[]).find(
      (t) => t.status === 'closed',
    )!;
    expect(closed.canReopen).toBe(true);
    await patch({ tickets: { cannotReopen: true } });
    const reopen = await anna.post(`/api/v1/tickets/${closed.id}/reopen`);
    expect(reopen.status).toBe(403);
    expect(reopen.body.error.code).toBe('ticket_cannot_be_reopened');
    expect((await anna.post(`/api/v1/tickets/${closed.id}/comments`, { body: 'still broken' })).body.error.code).toBe(
      'ticket_cannot_be_reopened',
    );
    expect((await anna.get(`/api/v1/tickets/${closed.id}`)).body).toMatchObject({ status: 'closed', canReopen: false });
    await patch({ tickets: { cannotReopen: false } });
  });

  it('"disable manual ticket creation" answers 403 manual_ticket_creation_disabled', async () => {
    await patch({ tickets: { disableManualCreation: true } });
    const answer = await tom.post('/api/v1/tickets', { subject: 'Need help' });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('manual_ticket_creation_disabled');
    await patch({ tickets: { disableManualCreation: false } });
    expect((await tom.post('/api/v1/tickets', { subject: 'Need help' })).status).toBe(201);
  });

  it('field visibility: hidden fields vanish from answers, read-only and hidden ones cannot be written', async () => {
    await patch({ fieldVisibility: { priority: 'hidden', type: 'readonly', asset_tag: 'hidden', location: 'readonly' } });
    const [ticket] = (await tom.get('/api/v1/tickets')).body.tickets as Record<string, unknown>[];
    expect(ticket).not.toHaveProperty('priority');
    expect(ticket).toHaveProperty('type');
    const outlook = (await tom.get('/api/v1/tickets?limit=200')).body.tickets.find((t: { subject: string }) => t.subject.includes('Outlook'));
    expect(outlook.customFields).toEqual({ location: 'Head office' });
    const detail = (await tom.get(`/api/v1/tickets/${outlook.id}`)).body;
    expect(detail).not.toHaveProperty('priority');
    expect(detail.customFields).not.toHaveProperty('asset_tag');
    expect((await tech.get(`/api/v1/tickets/${outlook.id}`)).body).toMatchObject({ priority: 'high', customFields: { asset_tag: 'ACME-0142' } });

    for (const [body, field] of [
      [{ subject: 'x', priority: 'high' }, 'priority'],
      [{ subject: 'x', type: 'request' }, 'type'],
      [{ subject: 'x', customFields: { asset_tag: 'A-1' } }, 'asset_tag'],
      [{ subject: 'x', customFields: { location: 'Remote' } }, 'location'],
    ] as const) {
      const answer = await tom.post('/api/v1/tickets', body);
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('field_not_writable');
      expect(answer.body.error.message).toContain(`"${field}"`);
    }
    await patch({ fieldVisibility: { priority: 'editable', type: 'editable', asset_tag: 'editable', location: 'editable' } });
  });

  it('describes the new-ticket form by the same visibility rules', async () => {
    const keys = (form: { fields: { key: string }[] }) => form.fields.map((f) => f.key);
    const before = (await tom.get('/api/v1/tickets/form')).body;
    expect(before.manualCreation).toBe(true);
    expect(keys(before)).toEqual(expect.arrayContaining(['subject', 'description', 'priority', 'type', 'asset_tag', 'location']));
    await patch({ fieldVisibility: { priority: 'hidden', type: 'readonly', asset_tag: 'hidden', location: 'editable' } });
    try {
      const form = (await tom.get('/api/v1/tickets/form')).body;
      expect(keys(form)).not.toContain('priority');
      expect(keys(form)).not.toContain('asset_tag');
      expect(form.fields.find((f: { key: string }) => f.key === 'type')).toMatchObject({ editable: false, value: 'incident' });
      expect(form.fields.find((f: { key: string }) => f.key === 'location')).toMatchObject({
        kind: 'custom',
        label: 'Location',
        type: 'select',
        options: ['Head office', 'Branch office', 'Remote'],
        editable: true,
      });
      await patch({ tickets: { disableManualCreation: true } });
      expect((await tom.get('/api/v1/tickets/form')).body.manualCreation).toBe(false);
      // A technician sets any field of a ticket, whatever the portal shows its users.
      const technicians = (await tech.get('/api/v1/tickets/form')).body;
      expect(technicians.fields.find((f: { key: string }) => f.key === 'asset_tag')).toMatchObject({ kind: 'custom', label: 'Asset tag', type: 'text', editable: true });
      expect(technicians.fields.find((f: { key: string }) => f.key === 'type')).toMatchObject({ editable: true });
    } finally {
      await patch({ fieldVisibility: { priority: 'editable', type: 'editable', asset_tag: 'editable', location: 'editable' }, tickets: { disableManualCreation: false } });
    }
  });

  it('a locked subject is derived from the description', async () => {
    await patch({ fieldVisibility: { subject: 'readonly' } });
    const created = await tom.post('/api/v1/tickets', { description: 'Keyboard types double letters\nsince Monday' });
    expect(created.status).toBe(201);
    expect(created.body.subject).toBe('Keyboard types double letters');
    await patch({ fieldVisibility: { subject: 'editable' } });
  });

  it('validates a patch whole and names the problem', async () => {
    const cases: [unknown, RegExp][] = [
      [{ sections: { ticketing: { mode: 'sometimes' } } }, /sections\.ticketing\.mode/],
      [{ sections: { ticketing: { mode: 'selected', userIds: ['00000000-0000-4000-8000-000000000000'] } } }, /unknown contact/],
      [{ tickets: { visibleStatuses: [] } }, /tickets\.visibleStatuses/],
      [{ tickets: { cannotReopen: 'yes' } }, /tickets\.cannotReopen/],
      [{ fieldVisibility: { no_such_field: 'hidden' } }, /no_such_field/],
      [{ fieldVisibility: { status: 'editable' } }, /fieldVisibility\.status/],
      [{ fieldVisibility: { subject: 'hidden', description: 'readonly' } }, /subject or description/],
      [{ surprise: true }, /surprise|Unrecognized/],
    ];
    for (const [body, message] of cases) {
      const answer = await tech.patch('/api/v1/admin/settings', body);
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('validation_failed');
      expect(answer.body.error.message).toMatch(message);
    }
    const unchanged = await tech.get('/api/v1/admin/settings');
    expect(unchanged.body.fieldVisibility.status).toBe('readonly');
  });

  it('audits every change with the patch', async () => {
    await patch({ tickets: { ticketPerChatSession: false } });
    const { rows } = await portico.db.pool.query<{ details: { patch: unknown } }>(
      "SELECT details FROM audit_log WHERE action = 'settings.updated' ORDER BY id DESC LIMIT 1",
    );
    expect(rows[0]!.details.patch).toEqual({ tickets: { ticketPerChatSession: false } });
  });

  it('lists contacts for technicians with the contract fields, filtered by q', async () => {
    const all = await tech.get('/api/v1/admin/contacts');
    expect(all.status).toBe(200);
    expect(all.body.contacts.length).toBe(5);
    const found = await tech.get('/api/v1/admin/contacts?q=rossi');
    expect(found.body.contacts.map((c: { name: string }) => c.name).sort()).toEqual(['Luc Martin', 'Marco Rossi']);
    expect(found.body.contacts[0]).toEqual(
      expect.objectContaining({ id: expect.any(String), username: expect.any(String), email: expect.any(String), companyId: expect.any(String), language: expect.any(String), primary: expect.any(Boolean), phone: null }),
    );
    expect((await tom.get('/api/v1/admin/contacts')).status).toBe(403);
  });

  it('branding: the admin sets name, logo, colour and greeting; anyone reads them, the colour made readable', async () => {
    const anonymous = new HttpClient(portico.port);
    const before = (await anonymous.get('/api/v1/portal/branding')).body;
    expect(before).toEqual({ name: 'Demo MSP', logoUrl: null, color: '#1d4ed8', greeting: null });
    await patch({ branding: { name: 'Acme IT Help', logoUrl: 'https://cdn.acme.example/logo.svg', color: '#FFD400', greeting: 'Hi! How can we help?' } });
    try {
      const after = (await anonymous.get('/api/v1/portal/branding')).body;
      expect(after).toMatchObject({ name: 'Acme IT Help', logoUrl: 'https://cdn.acme.example/logo.svg', greeting: 'Hi! How can we help?' });
      expect(after.color).not.toBe('#ffd400');
      expect((await tech.get('/api/v1/admin/settings')).body.branding.color).toBe('#ffd400');
      for (const bad of [{ color: 'yellow' }, { logoUrl: 'javascript:alert(1)' }, { logoUrl: 'http://cdn.example/logo.png' }, { logoUrl: '//evil.example/x.png' }, { name: '' }]) {
        expect((await tech.patch('/api/v1/admin/settings', { branding: bad })).status).toBe(400);
      }
    } finally {
      await patch({ branding: null });
    }
    expect((await anonymous.get('/api/v1/portal/branding')).body).toEqual(before);
  });
});
