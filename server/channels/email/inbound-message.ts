import { createHash } from 'node:crypto';
import { simpleParser, type ParsedMail } from 'mailparser';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { EmailDispatch } from '../../../domain/email/email-transport.js';
import type { InboundEmail } from '../../../domain/email/inbound-email.js';
import { receiveEmail, type ReceivedEmail } from '../../../domain/email/receive-email.js';
import type { PortalEvents } from '../../realtime/portal-events.js';

/** A message over this is refused: 552 by the SMTP listener, 413 by the webhook. */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/** What both doors of inbound mail, the SMTP listener and the webhook, need to hand a message to its tenant. */
export type InboundMailDeps = {
  pool: pg.Pool;
  logger: Logger;
  email: EmailDispatch;
  /** In embedded mode the only tenant takes every recipient. */
  embedded: boolean;
  /** Tells the portal and console what a message changed. */
  onReceived(tenantId: string, result: ReceivedEmail): void;
};

function bracketless(id: string): string {
  return id.trim().replace(/^<|>$/g, '');
}

function idList(value: string | string[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? value.split(/\s+/) : [];
  return list.map(bracketless).filter(Boolean).slice(0, 50);
}

function headerValues(mail: ParsedMail): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, line } of mail.headerLines) {
    if (headers[key] !== undefined) continue;
    headers[key] = line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
  }
  return headers;
}

/**
 * A raw RFC 822 message as the domain reads it. `envelope` is the SMTP sender (empty for the null sender of bounces);
 * unknown, the message's Return-Path stands for it, else its From. A message without Message-ID gets one from its
 * content, so a resend is still one.
 */
export async function parseInboundEmail(raw: Buffer, envelope: string | undefined): Promise<InboundEmail> {
  const mail = await simpleParser(raw, { skipImageLinks: true });
  const from = mail.from?.value[0];
  const returnPath = mail.headers.get('return-path');
  const envelopeFrom = envelope ?? (typeof returnPath === 'string' ? bracketless(returnPath) : (from?.address ?? ''));
  return {
    messageId: mail.messageId ? bracketless(mail.messageId) : `${createHash('sha256').update(raw).digest('hex')}@portico.invalid`,
    from: { address: from?.address ?? envelopeFrom, name: from?.name ?? '' },
    envelopeFrom,
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    inReplyTo: idList(mail.inReplyTo),
    references: idList(mail.references),
    headers: headerValues(mail),
    attachments: mail.attachments.map((file) => ({ filename: file.filename ?? '', content: file.content })),
  };
}

/** What the portal and console hear of a received message: a new ticket, a comment, a reopened ticket. */
export function announceReceivedEmail(events: PortalEvents): InboundMailDeps['onReceived'] {
  return (tenantId, result) => {
    if (result.outcome === 'ticket' || result.outcome === 'queued') events.emit('ticketCreated', tenantId, result.ticketId);
    if (result.outcome !== 'comment') return;
    events.emit('ticketCommented', tenantId, result.commentId);
    if (result.reopened) events.emit('ticketChanged', tenantId, result.ticketId, true);
  };
}

/** Hands a message to the email-to-ticket use case of its tenant and tells the portal and console what it changed. */
export async function deliverInboundEmail(deps: InboundMailDeps, tenantId: string, email: InboundEmail, via: 'smtp' | 'webhook'): Promise<ReceivedEmail> {
  const result = await receiveEmail({ pool: deps.pool, email: deps.email }, tenantId, email);
  deps.logger.info({ via, outcome: result.outcome, ticketId: 'ticketId' in result ? result.ticketId : undefined }, 'inbound email');
  deps.onReceived(tenantId, result);
  return result;
}
