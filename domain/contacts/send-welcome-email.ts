import type pg from 'pg';
import * as z from 'zod';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import { findContactById, setContactPasswordHash } from '../../db/repositories/principals.js';
import { revokePrincipalSessions } from '../../db/repositories/sessions.js';
import { withTransaction } from '../../db/transaction.js';
import { requireTechnician } from '../access/require.js';
import { generatePassword, hashPassword } from '../auth/password.js';
import type { Ctx } from '../context.js';
import type { EmailDispatch } from '../email/email-transport.js';
import { queueWelcomeEmail } from '../email/queue-welcome-email.js';
import { AppError } from '../errors.js';

export const ContactParamsSchema = z.strictObject({ id: z.uuid() });

export const WelcomeQueuedSchema = z
  .object({
    to: z.string(),
    status: z.enum(['held', 'pending']).meta({ description: 'held: kept in the email outbox (no SMTP_URL); pending: being sent.' }),
  })
  .meta({ id: 'WelcomeQueued' });
export type WelcomeQueued = z.infer<typeof WelcomeQueuedSchema>;

/**
 * "Reset password and send": gives the contact a new generated password and queues the welcome email that carries it.
 * The old password stops working and the contact's sessions end, since whoever held it may be why it is reset; the
 * keys of those sessions are answered so their open sockets can be closed.
 */
export async function sendWelcomeEmail(
  deps: { pool: pg.Pool; email: EmailDispatch },
  ctx: Ctx,
  contactId: string,
): Promise<WelcomeQueued & { endedSessions: string[] }> {
  requireTechnician(ctx);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const result = await withTransaction(deps.pool, async (client) => {
    const contact = await findContactById(client, ctx.tenantId, contactId);
    if (!contact) throw new AppError('not_found', 'no such contact');
    await setContactPasswordHash(client, ctx.tenantId, contactId, passwordHash);
    const endedSessions = await revokePrincipalSessions(client, ctx.tenantId, 'contact', contactId);
    const email = await queueWelcomeEmail(client, deps.email, ctx.tenantId, contact, { username: contact.username, password });
    await insertAuditEntry(client, ctx.tenantId, {
      actorKind: 'technician',
      actorId: ctx.actor.id,
      action: 'contact.password_reset',
      targetKind: 'contact',
      targetId: contactId,
      details: { welcomeEmail: email.status, sessionsEnded: endedSessions.length },
    });
    return { to: contact.email, status: email.status, endedSessions };
  });
  if (result.status === 'pending') deps.email.wake();
  return result;
}
