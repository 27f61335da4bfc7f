import { deleteOldOutboundEmails } from '../../db/repositories/outbound-emails.js';
import type { Queryable } from '../../db/transaction.js';

/** How long an email stays readable in the outbox: held ones carry a password, so not for ever. */
export const EMAIL_KEPT_DAYS = 14;

/** Deletes the emails past their time, across tenants; one still waiting for an attempt is kept until it ends. */
export function purgeEmailOutbox(q: Queryable): Promise<number> {
  return deleteOldOutboundEmails(q, EMAIL_KEPT_DAYS * 86_400);
}
