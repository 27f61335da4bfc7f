import { describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import type { Ctx } from '../context.js';
import { updateChatApps } from './update-chat-apps.js';

// What is refused before the database is touched: the pool here answers nothing.
const pool = {} as pg.Pool;
const admin: Ctx = { tenantId: 't1', actor: { kind: 'technician', id: 'a1', name: 'Admin', admin: true, language: 'en' } };

describe('updateChatApps', () => {
  it('answers unavailable (503) when a secret is to be stored and the server has no key to seal it', async () => {
    await expect(updateChatApps({ pool, secrets: undefined }, admin, { slack: { botToken: 'xoxb-1' } })).rejects.toMatchObject({
      code: 'unavailable',
      status: 503,
    });
  });

  it('names the field whose form is wrong, never its value', async () => {
    const refused = updateChatApps({ pool, secrets: undefined }, admin, { teams: { appPassword: 'hunter2-secret', appTenantId: 'contoso' } });
    await expect(refused).rejects.toMatchObject({ code: 'chat_app_field_invalid', details: { field: 'teams.appTenantId' } });
    await expect(refused).rejects.not.toHaveProperty('message', expect.stringContaining('hunter2'));
  });
});
