import { describe, expect, it } from '@jest/globals';
import { createTechnician } from './factories/technician.factory.js';
import { createOtherTenant } from './factories/tenant.factory.js';
import { ChatClient } from './support/chat-client.js';
import { useDemoPortico } from './support/demo-portico.js';
import { HttpClient } from './support/http-client.js';

const demo = useDemoPortico();

describe("the console's live ticket queue (tickets:changed on /console)", () => {
  async function consoleOf(http: HttpClient, host?: string): Promise<ChatClient> {
    return ChatClient.connect(demo.portico.port, http, { namespace: '/console', ...(host ? { host } : {}) });
  }

  async function otherTenantConsole(): Promise<ChatClient> {
    const other = await createOtherTenant(demo.portico.db.pool, 'livequeue');
    const technician = await createTechnician(demo.portico.db.pool, other.tenantId, { username: 'tech@livequeue.example' });
    const http = new HttpClient(demo.portico.port, other.hostname);
    await http.login(technician.username, technician.password);
    return consoleOf(http, other.hostname);
  }

  it("tells the tenant's technicians of each new ticket, change and comment, and nobody else", async () => {
    const { tech, tom, anna } = demo.users;
    const [techConsole, otherConsole, tomPortal, annaPortal] = await Promise.all([
      consoleOf(tech),
      otherTenantConsole(),
      demo.chat('tom'),
      demo.chat('anna'),
    ]);
    try {
      const changedFor = (ticketId: string) => (payload: { ticketId: string }) => payload.ticketId === ticketId;
      const count = (ticketId: string) => techConsole.events.filter((e) => e.event === 'tickets:changed' && e.payload.ticketId === ticketId).length;

      // An end user's ticket from the portal form.
      const created = await tom.post('/api/v1/tickets', { subject: 'Docking station flickers', description: 'The second screen goes black.' });
      expect(created.status).toBe(201);
      expect(await techConsole.waitFor('tickets:changed', changedFor(created.body.id))).toEqual({ ticketId: created.body.id, number: created.body.number });

      // The requester's public comment, then a technician's internal note: each a change, neither with its body.
      expect((await tom.post(`/api/v1/tickets/${created.body.id}/comments`, { body: 'It also flickers on battery' })).status).toBe(201);
      await techConsole.waitFor('tickets:changed', () => count(created.body.id) >= 2);
      const note = await tech.post(`/api/v1/tickets/${created.body.id}/comments`, { body: 'Internal: dock firmware 1.2 is buggy', internal: true });
      expect(note.status).toBe(201);
      await techConsole.waitFor('tickets:changed', () => count(created.body.id) >= 3);

      // An assignment alone, which the requester's portal does not hear of.
      const me = (await tech.get('/api/v1/me')).body.user.id as string;
      expect((await tech.patch(`/api/v1/tickets/${created.body.id}`, { assigneeId: me })).status).toBe(200);
      await techConsole.waitFor('tickets:changed', () => count(created.body.id) >= 4);

      // A chat's ticket ("ticket per chat session"), then its escalation by the assistant.
      const first = await annaPortal.ask('Outlook keeps asking for my password');
      const chatTicket = (await anna.get(`/api/v1/conversations/${first.ack.conversationId}`)).body.ticket;
      expect(chatTicket).toBeDefined();
      await techConsole.waitFor('tickets:changed', changedFor(chatTicket.id));
      const handoff = await annaPortal.ask('that did not help, I want to talk to a person', first.ack.conversationId);
      expect(handoff.answer.message.toolCalls[0].name).toBe('escalate_to_technician');
      await techConsole.waitFor('tickets:changed', () => count(chatTicket.id) >= 2);

      for (const event of techConsole.events.filter((e) => e.event === 'tickets:changed')) {
        expect(Object.keys(event.payload).sort()).toEqual(['number', 'ticketId']);
      }
      expect(JSON.stringify(techConsole.events)).not.toContain('dock firmware');
      expect(otherConsole.events.filter((e) => e.event === 'tickets:changed')).toEqual([]);
      for (const portal of [tomPortal, annaPortal]) expect(portal.events.filter((e) => e.event === 'tickets:changed')).toEqual([]);
      expect(tomPortal.events.filter((e) => e.event === 'ticket:updated')).toEqual([]);
    } finally {
      for (const client of [techConsole, otherConsole, tomPortal, annaPortal]) client.close();
    }
  });
});
