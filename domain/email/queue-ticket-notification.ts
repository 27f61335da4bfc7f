import { randomUUID } from 'node:crypto';
import { findOpeningMessageId, findTicketRequester, findTicketResolvedAt, insertTicketThreadId } from '../../db/repositories/inbound-emails.js';
import { insertOutboundEmail } from '../../db/repositories/outbound-emails.js';
import { findComment, findTicket } from '../../db/repositories/tickets.js';
import { findTenantById } from '../../db/repositories/tenants.js';
import type { Queryable } from '../../db/transaction.js';
import { isLanguage } from '../../i18n/languages.js';
import { t } from '../../i18n/translate.js';
import { contactActor } from '../auth/actor-from-row.js';
import { loadPortalConfig } from '../settings/load-settings.js';
import { sectionsForActor } from '../settings/sections-for-actor.js';
import { refusedFilesText, type RefusedFile } from '../attachments/attachment-policy.js';
import type { EmailDispatch } from './email-transport.js';
import { portalHostnames } from './queue-welcome-email.js';

/** The address every notification answers to: the listener takes mail for any name at a tenant's hostname. */
export const SUPPORT_MAILBOX = 'support';

export type TicketNotification =
  | { kind: 'created'; ticketId: string; refusedFiles?: RefusedFile[] }
  | { kind: 'reply'; commentId: string }
  | { kind: 'resolved'; ticketId: string };

/**
 * Queues the email that tells a ticket's requester what happened, in their language, with the ticket's `[#number]` in
 * the subject and a link to it in the portal: the ticket was opened, a technician answered in public (an internal
 * note or anyone else's comment tells nobody), or it was resolved. Its Message-ID is kept with the ticket, so a reply
 * to it threads back; it answers the message that opened the ticket, so it threads in the requester's mail too. A
 * requester for whom the ticketing section is off gets nothing. Queuing the same notification again is a no-op.
 * Answers whether an email now waits for an SMTP send.
 */
export async function queueTicketNotification(q: Queryable, dispatch: EmailDispatch, tenantId: string, notice: TicketNotification): Promise<boolean> {
  let ticketId: string;
  let key: string;
  let body = '';
  let author = '';
  if (notice.kind === 'reply') {
    const comment = await findComment(q, tenantId, notice.commentId);
    if (!comment || !comment.is_public || comment.author_kind !== 'technician') return false;
    ticketId = comment.ticket_id;
    key = `comment:${comment.id}`;
    body = comment.body;
    author = comment.author_name;
  } else if (notice.kind === 'resolved') {
    const resolvedAt = await findTicketResolvedAt(q, tenantId, notice.ticketId);
    if (!resolvedAt) return false;
    ticketId = notice.ticketId;
    // Once per resolution: a ticket reopened and resolved again tells its requester again.
    key = `resolved:${ticketId}:${resolvedAt.toISOString()}`;
  } else {
    ticketId = notice.ticketId;
    key = `created:${ticketId}`;
  }
  const ticket = await findTicket(q, tenantId, { id: ticketId });
  const requester = await findTicketRequester(q, tenantId, ticketId);
  if (!ticket || !requester) return false;
  if (notice.kind === 'resolved' && ticket.status !== 'resolved') return false;
  const { settings } = await loadPortalConfig(q, tenantId);
  const language = isLanguage(requester.language) ? requester.language : 'en';
  const actor = contactActor({ id: requester.id, name: requester.name, company_id: ticket.company_id ?? '', is_primary: false, language });
  if (!sectionsForActor(settings, actor).ticketing) return false;

  const tenant = await findTenantById(q, tenantId);
  const portal = settings.branding.name ?? tenant?.name ?? 'Portico';
  const hosts = await portalHostnames(q, tenantId);
  const params = {
    name: requester.name,
    number: String(ticket.number),
    subject: ticket.subject,
    url: `https://${hosts.portal}/tickets/${ticket.number}`,
    portal,
    author,
    body,
  };
  let text = t(language, `email.ticket.${notice.kind}.text`, params);
  if (notice.kind === 'created' && notice.refusedFiles?.length) {
    // Before the signature, the last paragraph.
    const end = text.lastIndexOf('\n\n');
    text = `${text.slice(0, end)}\n\n${refusedFilesText(language, notice.refusedFiles)}${text.slice(end)}`;
  }
  const messageId = `ticket-${ticket.number}.${randomUUID()}@${hosts.sender}`;
  const status = dispatch.transport === 'smtp' ? 'pending' : 'held';
  const id = await insertOutboundEmail(q, tenantId, {
    contactId: requester.id,
    kind: `ticket_${notice.kind}`,
    fromName: portal,
    fromAddress: `no-reply@${hosts.sender}`,
    to: requester.email,
    subject: t(language, `email.ticket.${notice.kind}.subject`, params),
    text,
    status,
    messageId,
    inReplyTo: await findOpeningMessageId(q, tenantId, ticketId),
    replyTo: `${SUPPORT_MAILBOX}@${hosts.sender}`,
    ticketId,
    notificationKey: key,
  });
  if (!id) return false;
  await insertTicketThreadId(q, tenantId, ticketId, messageId);
  return status === 'pending';
}
