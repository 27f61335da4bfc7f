import * as z from 'zod';
import { listOutboundEmails } from '../../db/repositories/outbound-emails.js';
import type { Queryable } from '../../db/transaction.js';
import { requireAdmin } from '../access/require.js';
import type { Ctx } from '../context.js';

export const ListEmailOutboxQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const OutboxEmailSchema = z
  .object({
    id: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string().nullable().meta({ description: 'The email as sent, password included; null once an SMTP server accepted it.' }),
    createdAt: z.iso.datetime(),
    status: z.enum(['held', 'pending', 'sent', 'failed']).meta({
      description: 'held: kept here, no SMTP_URL; pending: waiting for its first or next attempt; sent: accepted by the SMTP server; failed: attempts used up.',
    }),
    attempts: z.number().int(),
    nextAttemptAt: z.iso.datetime().nullable(),
    lastError: z.string().nullable().meta({ description: "The SMTP server's or the network's answer to the last failed attempt." }),
    sentAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'OutboxEmail' });
export type OutboxEmail = z.infer<typeof OutboxEmailSchema>;

/**
 * The emails of the tenant, newest first, with their delivery state. Held ones hold passwords in clear (they are what
 * the user would have received), so admins only, and only for `EMAIL_KEPT_DAYS` days.
 */
export async function listEmailOutbox(q: Queryable, ctx: Ctx, limit: number): Promise<OutboxEmail[]> {
  requireAdmin(ctx);
  const rows = await listOutboundEmails(q, ctx.tenantId, limit);
  return rows.map((row) => ({
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    text: row.text,
    createdAt: row.created_at.toISOString(),
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at?.toISOString() ?? null,
    lastError: row.last_error,
    sentAt: row.sent_at?.toISOString() ?? null,
  }));
}
