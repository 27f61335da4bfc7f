import * as z from 'zod';
import { listOutboxSms } from '../../db/repositories/sms-outbox.js';
import type { Queryable } from '../../db/transaction.js';
import { requireTechnician } from '../access/require.js';
import type { Ctx } from '../context.js';

export const ListSmsOutboxQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const OutboxSmsSchema = z
  .object({
    to: z.string(),
    body: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'OutboxSms' });
export type OutboxSms = z.infer<typeof OutboxSmsSchema>;

/** The text messages kept instead of sent (no SMS provider configured), newest first; they hold codes, so technicians only. */
export async function listSmsOutbox(q: Queryable, ctx: Ctx, limit: number): Promise<OutboxSms[]> {
  requireTechnician(ctx);
  const rows = await listOutboxSms(q, ctx.tenantId, limit);
  return rows.map((row) => ({ to: row.to_phone, body: row.body, createdAt: row.created_at.toISOString() }));
}
