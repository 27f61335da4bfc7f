import * as z from 'zod';
import { deleteOldOutboxSms, listOutboxSms } from '../../db/repositories/sms-outbox.js';
import type { Queryable } from '../../db/transaction.js';
import { requireAdmin } from '../access/require.js';
import type { Ctx } from '../context.js';
import { SMS_OUTBOX_KEPT_SECONDS } from './purge-sms-outbox.js';

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

/**
 * The text messages kept instead of sent (no SMS provider configured), newest first. They hold codes and temporary
 * passwords in clear, so admins only, and only for `SMS_OUTBOX_KEPT_HOURS`: older ones are deleted before the list.
 */
export async function listSmsOutbox(q: Queryable, ctx: Ctx, limit: number): Promise<OutboxSms[]> {
  requireAdmin(ctx);
  await deleteOldOutboxSms(q, SMS_OUTBOX_KEPT_SECONDS, ctx.tenantId);
  const rows = await listOutboxSms(q, ctx.tenantId, limit, SMS_OUTBOX_KEPT_SECONDS);
  return rows.map((row) => ({ to: row.to_phone, body: row.body, createdAt: row.created_at.toISOString() }));
}
