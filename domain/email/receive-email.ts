import type pg from 'pg';
import { insertAuditEntry } from '../../db/repositories/audit.js';
import {
  findCompanyByEmailDomain,
  findContactByEmail,
  findTicketByMessageIds,
  insertInboundEmail,
  setInboundOutcome,
} from '../../db/repositories/inbound-emails.js';
import { insertOutboundEmail } from '../../db/repositories/outbound-emails.js';
import { insertAttachment } from '../../db/repositories/ticket-attachments.js';
import { findContactById, insertContact, usernameTaken, type ContactRow } from '../../db/repositories/principals.js';
import { findTenantById, takeTicketNumber } from '../../db/repositories/tenants.js';
import { findTicket, insertComment, insertTicket, touchTicket, updateTicketStatus, type TicketRow } from '../../db/repositories/tickets.js';
import { withTransaction, type Queryable } from '../../db/transaction.js';
import { languageFromAcceptHeader, type Language } from '../../i18n/languages.js';
import { t } from '../../i18n/translate.js';
import { refusedFilesText, screenAttachments, type ScreenedFiles } from '../attachments/attachment-policy.js';
import { contactActor } from '../auth/actor-from-row.js';
import { canonicalUsername } from '../auth/canonical-username.js';
import { generatePassword, hashPassword } from '../auth/password.js';
import { normalizeEmailDomain } from '../companies/email-domain.js';
import type { ContactActor, Ctx } from '../context.js';
import { redactSecrets } from '../conversations/redact-secrets.js';
import { AppError } from '../errors.js';
import { withinCreationAllowance } from '../limits/creation-limits.js';
import { loadPortalConfig } from '../settings/load-settings.js';
import { sectionsForActor } from '../settings/sections-for-actor.js';
import { isClosedStatus } from '../tickets/ticket-view.js';
import type { EmailDispatch } from './email-transport.js';
import { isAutomaticEmail, ticketReference, ticketTitle, writtenText, type InboundEmail } from './inbound-email.js';
import { queueTicketNotification } from './queue-ticket-notification.js';
import { portalHostnames, queueWelcomeEmail } from './queue-welcome-email.js';

export type ReceiveEmailDeps = { pool: pg.Pool; email: EmailDispatch };

/** What became of a message; the server tells the portal and console of a new comment or a reopened ticket. */
export type ReceivedEmail =
  | { outcome: 'duplicate' | 'ignored' | 'refused' }
  | { outcome: 'ticket' | 'queued'; ticketId: string; number: number }
  | { outcome: 'comment'; ticketId: string; commentId: string; reopened: boolean };

/** A whole message is at most this long as a ticket's description or comment; the rest stays in the stored email. */
const MAX_BODY = 20_000;

type Sender = { address: string; domain: string; name: string; language: Language };

function senderOf(email: InboundEmail): Sender | undefined {
  const address = canonicalUsername(email.from.address);
  const at = address.lastIndexOf('@');
  const domain = at > 0 ? normalizeEmailDomain(address.slice(at + 1)) : undefined;
  if (!domain) return undefined;
  const name = email.from.name.trim().slice(0, 200) || address.slice(0, at);
  const language = languageFromAcceptHeader(email.headers['accept-language'] ?? email.headers['content-language']);
  return { address, domain, name, language };
}

/** What the action log keeps of a message's files: their names and sizes, never their content. */
function filesAudit(files: ScreenedFiles): Record<string, unknown> {
  if (files.kept.length === 0 && files.refused.length === 0) return {};
  return { attachments: files.kept.map((file) => ({ filename: file.filename, size: file.content.length })), refusedAttachments: files.refused };
}

function bodyOf(email: InboundEmail): string {
  return redactSecrets(writtenText(email.text).slice(0, MAX_BODY)).text;
}

/**
 * A sender who is not a contact but writes from one of a company's email domains joins that company, as the seed's
 * users did, and gets the welcome email when that setting is on.
 */
async function joinByDomain(deps: ReceiveEmailDeps, tenantId: string, sender: Sender, companyId: string): Promise<ContactRow> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const username = canonicalUsername(sender.address);
  const { contact, queued } = await withTransaction(deps.pool, async (client) => {
    if (await usernameTaken(client, tenantId, username)) throw new AppError('contact_exists', 'a contact or technician has this username');
    const id = await insertContact(client, tenantId, {
      companyId,
      name: sender.name,
      email: username,
      username,
      passwordHash,
      language: sender.language,
      primary: false,
    });
    const { settings } = await loadPortalConfig(client, tenantId);
    const welcome = settings.welcomeEmail.automatic
      ? await queueWelcomeEmail(client, deps.email, tenantId, { id, name: sender.name, email: username, language: sender.language }, { username, password })
      : undefined;
    await insertAuditEntry(client, tenantId, {
      actorKind: 'system',
      action: 'contact.joined_by_email',
      targetKind: 'contact',
      targetId: id,
      details: { username, companyId, language: sender.language, welcomeEmail: welcome?.status ?? 'not_sent' },
    });
    return { contact: (await findContactById(client, tenantId, id))!, queued: welcome?.status === 'pending' };
  });
  if (queued) deps.email.wake();
  return contact;
}

/**
 * The polite refusal to a sender the tenant does not know, in English and, when their mail says it, their language.
 * At most one a day per address: a forged sender cannot turn the listener into a machine that mails a victim.
 */
async function queueRefusal(q: Queryable, dispatch: EmailDispatch, tenantId: string, email: InboundEmail, sender: Sender): Promise<boolean> {
  const { settings } = await loadPortalConfig(q, tenantId);
  const tenant = await findTenantById(q, tenantId);
  const portal = settings.branding.name ?? tenant?.name ?? 'Portico';
  const hosts = await portalHostnames(q, tenantId);
  const params = { portal, subject: email.subject.slice(0, 200) };
  const languages: Language[] = sender.language === 'en' ? ['en'] : ['en', sender.language];
  const status = dispatch.transport === 'smtp' ? 'pending' : 'held';
  const id = await insertOutboundEmail(q, tenantId, {
    contactId: null,
    kind: 'auto_reply',
    fromName: portal,
    fromAddress: `no-reply@${hosts.sender}`,
    to: sender.address,
    subject: t(languages.at(-1)!, 'email.refused.subject', params),
    text: languages.map((lang) => t(lang, 'email.refused.text', params)).join('\n\n———\n\n'),
    status,
    inReplyTo: email.messageId,
    notificationKey: `refused:${sender.address}:${new Date().toISOString().slice(0, 10)}`,
  });
  return id !== undefined && status === 'pending';
}

/**
 * Keeps a message's accepted files with its ticket (and comment), and names the refused ones in a public note in the
 * requester's language, so the technicians and the sender both see what did not come through.
 */
async function storeFiles(
  client: Queryable,
  tenantId: string,
  place: { ticketId: string; commentId: string | null },
  files: ScreenedFiles,
  language: Language,
): Promise<void> {
  for (const file of files.kept) await insertAttachment(client, tenantId, { ...place, ...file });
  if (files.refused.length === 0) return;
  await insertComment(client, tenantId, {
    ticketId: place.ticketId,
    authorKind: 'system',
    authorId: null,
    authorName: 'Portico',
    body: refusedFilesText(language, files.refused),
    isPublic: true,
  });
}

/** The ticket a reply continues: the `[#number]` of its subject, else the notification or message it answers. */
async function repliedTicket(pool: pg.Pool, tenantId: string, email: InboundEmail): Promise<TicketRow | undefined> {
  const number = ticketReference(email.subject);
  if (number !== undefined) {
    const ticket = await findTicket(pool, tenantId, { number });
    if (ticket) return ticket;
  }
  const ticketId = await findTicketByMessageIds(pool, tenantId, [...email.inReplyTo, ...email.references]);
  return ticketId ? findTicket(pool, tenantId, { id: ticketId }) : undefined;
}

async function addEmailComment(
  pool: pg.Pool,
  ctx: Ctx & { actor: ContactActor },
  inboundId: string,
  ticket: TicketRow,
  body: string,
  files: ScreenedFiles,
): Promise<ReceivedEmail> {
  const reopens = isClosedStatus(ticket.status);
  return withTransaction(pool, async (client) => {
    const comment = await insertComment(client, ctx.tenantId, {
      ticketId: ticket.id,
      authorKind: 'contact',
      authorId: ctx.actor.id,
      authorName: ctx.actor.name,
      body,
      isPublic: true,
    });
    await storeFiles(client, ctx.tenantId, { ticketId: ticket.id, commentId: comment.id }, files, ctx.actor.language);
    if (reopens) await updateTicketStatus(client, ctx.tenantId, ticket.id, 'open');
    else await touchTicket(client, ctx.tenantId, ticket.id);
    await insertAuditEntry(client, ctx.tenantId, {
      actorKind: 'contact',
      actorId: ctx.actor.id,
      action: reopens ? 'ticket.commented_and_reopened' : 'ticket.commented',
      targetKind: 'ticket',
      targetId: ticket.id,
      details: { commentId: comment.id, public: true, via: 'email', ...filesAudit(files) },
    });
    await setInboundOutcome(client, ctx.tenantId, inboundId, { outcome: 'comment', ticketId: ticket.id, contactId: ctx.actor.id });
    return { outcome: 'comment', ticketId: ticket.id, commentId: comment.id, reopened: reopens };
  });
}

async function openEmailTicket(
  deps: ReceiveEmailDeps,
  ctx: Ctx,
  inboundId: string,
  email: InboundEmail,
  requester: ContactActor | null,
  files: ScreenedFiles,
): Promise<{ result: ReceivedEmail; queued: boolean }> {
  const description = bodyOf(email);
  const subject = redactSecrets(ticketTitle(email.subject) || description.split('\n', 1)[0]!.slice(0, 80) || '(no subject)').text;
  return withinCreationAllowance(deps.pool, ctx, 'tickets', () =>
    withTransaction(deps.pool, async (client) => {
      const number = await takeTicketNumber(client, ctx.tenantId);
      const ticketId = await insertTicket(client, ctx.tenantId, {
        number,
        subject,
        description,
        priority: 'medium',
        type: 'incident',
        source: 'email',
        requesterId: requester?.id ?? null,
        companyId: requester?.companyId ?? null,
        customFields: {},
      });
      await storeFiles(client, ctx.tenantId, { ticketId, commentId: null }, files, requester?.language ?? 'en');
      const outcome = requester ? 'ticket' : 'queued';
      await insertAuditEntry(client, ctx.tenantId, {
        actorKind: requester ? 'contact' : 'system',
        actorId: requester?.id,
        action: 'ticket.created',
        targetKind: 'ticket',
        targetId: ticketId,
        details: { number, source: 'email', ...filesAudit(files), ...(requester ? {} : { unknownSender: email.from.address }) },
      });
      await setInboundOutcome(client, ctx.tenantId, inboundId, { outcome, ticketId, contactId: requester?.id });
      const queued = requester ? await queueTicketNotification(client, deps.email, ctx.tenantId, { kind: 'created', ticketId, refusedFiles: files.refused }) : false;
      return { result: { outcome, ticketId, number }, queued };
    }),
  );
}

/**
 * Email to ticket. The message is stored first (the listener answers 250 only after this). A message from a machine
 * (auto-reply, bounce, bulk) is kept and ignored. Authorization is the sender resolved as a contact of the tenant: a
 * known contact, or a new one on a company's email domain; anyone else is refused with one polite auto-reply a day, or
 * with `email.unknownSenders: "queue"` opens a ticket without requester for technicians. A contact's reply that names a
 * ticket (`[#number]`, or a notification's Message-ID) of theirs or of their company becomes a public comment, reopening
 * a resolved ticket unless the settings forbid it; anything else opens a ticket with source `email`. Its files are
 * kept when the attachment policy accepts them; the others never hold the text back, and are named in a public note
 * and in the acknowledgement.
 */
export async function receiveEmail(deps: ReceiveEmailDeps, tenantId: string, email: InboundEmail): Promise<ReceivedEmail> {
  const { pool } = deps;
  const inboundId = await insertInboundEmail(pool, tenantId, {
    messageId: email.messageId,
    fromAddress: email.from.address.slice(0, 320),
    subject: email.subject.slice(0, 1000),
    text: email.text.slice(0, 200_000),
  });
  if (!inboundId) return { outcome: 'duplicate' };
  const settle = async (outcome: 'ignored' | 'refused', detail: string, audit?: Record<string, unknown>): Promise<ReceivedEmail> => {
    await withTransaction(pool, async (client) => {
      await setInboundOutcome(client, tenantId, inboundId, { outcome, detail });
      if (audit) await insertAuditEntry(client, tenantId, { actorKind: 'system', action: `email.${outcome}`, details: { ...audit, reason: detail } });
    });
    return { outcome };
  };
  const sender = senderOf(email);
  if (isAutomaticEmail(email) || !sender) return settle('ignored', sender ? 'automatic' : 'no_sender');

  let contact = await findContactByEmail(pool, tenantId, sender.address);
  if (!contact) {
    const companyId = await findCompanyByEmailDomain(pool, tenantId, sender.domain);
    if (companyId) contact = await joinByDomain(deps, tenantId, sender, companyId);
  }
  const { settings } = await loadPortalConfig(pool, tenantId);
  if (!contact) {
    const audit = { from: sender.address, subject: email.subject.slice(0, 200) };
    if (settings.email.unknownSenders === 'queue') {
      // Unknown senders share no user's allowance: each address has its own, so one cannot flood the queue.
      const ctx: Ctx = { tenantId, actor: { kind: 'contact', id: `email:${sender.address}`, name: sender.name, companyId: '', primary: false, language: 'en' } };
      try {
        const { result } = await openEmailTicket(deps, ctx, inboundId, email, null, await screenAttachments(email.attachments));
        return result;
      } catch (error) {
        if (error instanceof AppError && error.code === 'rate_limited') return settle('refused', 'rate_limited', audit);
        throw error;
      }
    }
    const queued = await withTransaction(pool, async (client) => {
      const answered = await queueRefusal(client, deps.email, tenantId, email, sender);
      await setInboundOutcome(client, tenantId, inboundId, { outcome: 'refused', detail: 'unknown_sender' });
      await insertAuditEntry(client, tenantId, { actorKind: 'system', action: 'email.refused', details: { ...audit, reason: 'unknown_sender' } });
      return answered;
    });
    if (queued) deps.email.wake();
    return { outcome: 'refused' };
  }

  const actor = contactActor(contact);
  const ctx = { tenantId, actor };
  if (!sectionsForActor(settings, actor).ticketing) return settle('refused', 'section_disabled', { from: sender.address });
  const ticket = await repliedTicket(pool, tenantId, email);
  const mayComment =
    ticket !== undefined &&
    (ticket.requester_id === actor.id || (ticket.company_id !== null && ticket.company_id === actor.companyId)) &&
    !(isClosedStatus(ticket.status) && settings.tickets.cannotReopen);
  const files = await screenAttachments(email.attachments);
  if (mayComment) return addEmailComment(pool, ctx, inboundId, ticket, bodyOf(email), files);
  try {
    const { result, queued } = await openEmailTicket(deps, ctx, inboundId, email, actor, files);
    if (queued) deps.email.wake();
    return result;
  } catch (error) {
    if (error instanceof AppError && error.code === 'rate_limited') return settle('refused', 'rate_limited', { from: sender.address });
    throw error;
  }
}
