import type pg from 'pg';
import type { ChatClient } from './chat-client.js';
import type { HttpClient } from './http-client.js';

/** The newest text message the outbox holds for a phone, read as a technician reads it. */
export async function latestSms(tech: HttpClient, phone: string): Promise<{ to: string; body: string; createdAt: string }> {
  const { body } = await tech.get('/api/v1/admin/outbox/sms');
  const message = (body.messages as { to: string; body: string; createdAt: string }[]).find((m) => m.to === phone);
  if (!message) throw new Error(`no SMS to ${phone} in the outbox`);
  return message;
}

export function codeIn(body: string): string {
  const match = /\b(\d{6})\b/.exec(body);
  if (!match) throw new Error(`no code in "${body}"`);
  return match[1]!;
}

/**
 * Tests run many verifications for few demo users: the per-user sending allowance (one code per 30 s, five an hour) is
 * reset between them, except where the allowance itself is under test.
 */
export async function resetSmsAllowance(pool: pg.Pool): Promise<void> {
  await pool.query(`DELETE FROM rate_limits WHERE key LIKE 'sms_%'`);
}

/** Waits for the user's windows to hear that an action reached a status. */
export function statusReached(client: ChatClient, actionId: string, status: string, timeoutMs = 20_000): Promise<any> {
  return client.waitFor('action:update', (p) => p.action.id === actionId && p.action.status === status, timeoutMs);
}
