import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { useDemoPortico } from './support/demo-portico.js';

const demo = useDemoPortico();

describe('PATCH /api/v1/me', () => {
  it('saves the language on the contact; answers and open windows follow it without a new login', async () => {
    const chat = await demo.chat('tom');
    const changed = await demo.users.tom.patch('/api/v1/me', { language: 'it' });
    expect(changed.status).toBe(200);
    expect(changed.body.user.language).toBe('it');
    expect(changed.body.sections.assistant).toBe(true);
    expect((await demo.users.tom.get('/api/v1/me')).body.user.language).toBe('it');
    expect((await demo.users.tech.get('/api/v1/admin/contacts?q=tom.baker')).body.contacts[0].language).toBe('it');
    const ack = await chat.emit('chat:load', { conversationId: randomUUID() });
    expect(ack.error.message).toBe('Non abbiamo trovato ciò che cerca.');
    const http = await demo.users.tom.get(`/api/v1/tickets/${randomUUID()}`);
    expect(http.body.error.message).toBe('Non abbiamo trovato ciò che cerca.');
    expect((await demo.users.tom.patch('/api/v1/me', { language: 'en' })).body.user.language).toBe('en');
  });

  it('refuses a language the portal does not speak, and any other field', async () => {
    const answer = await demo.users.tom.patch('/api/v1/me', { language: 'pt' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation_failed');
    expect((await demo.users.tom.patch('/api/v1/me', { language: 'en', name: 'Someone else' })).status).toBe(400);
  });

  it('works for technicians too', async () => {
    expect((await demo.users.tech.patch('/api/v1/me', { language: 'de' })).body.user.language).toBe('de');
    expect((await demo.users.tech.get('/api/v1/me')).body.user.language).toBe('de');
    await demo.users.tech.patch('/api/v1/me', { language: 'en' });
  });
});

describe('GET /api/v1/me', () => {
  it('shows the saved phone masked to its owner: the country code and the last two digits only', async () => {
    expect((await demo.users.luc.get('/api/v1/me')).body.phone).toBeNull();
    expect((await demo.users.luc.send('PUT', '/api/v1/me/phone', { json: { phone: '+33 6 12 34 56 78' } })).status).toBe(200);
    try {
      const me = await demo.users.luc.get('/api/v1/me');
      expect(me.body.phone).toBe('+33 •••••••78');
      expect(JSON.stringify(me.body)).not.toContain('612345678');
      expect((await demo.users.tech.get('/api/v1/me')).body.phone).toBeNull();
    } finally {
      const [luc] = (await demo.users.tech.get('/api/v1/admin/contacts?q=luc.martin')).body.contacts;
      expect((await demo.users.tech.send('DELETE', `/api/v1/admin/contacts/${luc.id}/phone`)).status).toBe(204);
    }
  });
});
