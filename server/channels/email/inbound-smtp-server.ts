import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import type pg from 'pg';
import type { Logger } from 'pino';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { EmailDispatch } from '../../../domain/email/email-transport.js';
import type { InboundEmail } from '../../../domain/email/inbound-email.js';
import { receiveEmail, type ReceivedEmail } from '../../../domain/email/receive-email.js';
import { resolveMailTenant } from '../../../domain/email/resolve-mail-tenant.js';

/** A message over this is refused with 552 at DATA (and at MAIL FROM when the sender declares its SIZE). */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
const MAX_RECIPIENTS = 20;

export type InboundMailOptions = {
  pool: pg.Pool;
  logger: Logger;
  email: EmailDispatch;
  /** In embedded mode the only tenant takes every recipient. */
  embedded: boolean;
  port: number;
  host?: string;
  /** Tells the portal and console what a message changed. */
  onReceived(tenantId: string, result: ReceivedEmail): void;
};

export type InboundMail = { port: number; close(): Promise<void> };

const smtpError = (responseCode: number, message: string) => Object.assign(new Error(message), { responseCode });

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

/** The parsed message as the domain reads it; a message without Message-ID gets one from its content, so a resend is still one. */
function inboundEmail(raw: Buffer, mail: ParsedMail, session: SMTPServerSession): InboundEmail {
  const from = mail.from?.value[0];
  const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
  return {
    messageId: mail.messageId ? bracketless(mail.messageId) : `${createHash('sha256').update(raw).digest('hex')}@portico.invalid`,
    from: { address: from?.address ?? envelopeFrom, name: from?.name ?? '' },
    envelopeFrom,
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    inReplyTo: idList(mail.inReplyTo),
    references: idList(mail.references),
    headers: headerValues(mail),
    attachments: mail.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, size: a.size })),
  };
}

function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => {
      // Past the limit the rest is only counted, never kept.
      if (!stream.sizeExceeded) chunks.push(chunk);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/**
 * The inbound mail listener (`PORTICO_SMTP_PORT`): plain SMTP without AUTH or STARTTLS, meant to sit behind the MX or
 * a forwarding rule. Recipients that no tenant answers for are refused at RCPT TO (550), so it relays nothing; the
 * message is parsed, stored and turned into a ticket or comment before the 250, and a failure on our side answers 451
 * so the sender tries again later.
 */
export async function startInboundMail(options: InboundMailOptions): Promise<InboundMail> {
  const { pool, logger } = options;
  const tenantOf = new Map<string, string>();
  const server = new SMTPServer({
    name: 'portico',
    banner: 'Portico support mail',
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    size: MAX_MESSAGE_BYTES,
    rejectOversized: true,
    maxClients: 50,
    socketTimeout: 60_000,
    logger: false,
    onMailFrom(_address, session, callback) {
      // Each message of a session picks its tenant anew.
      tenantOf.delete(session.id);
      callback();
    },
    onRcptTo(address, session, callback) {
      if (session.envelope.rcptTo.length >= MAX_RECIPIENTS) return callback(smtpError(452, 'Too many recipients'));
      resolveMailTenant(pool, address.address, options.embedded)
        .then((tenantId) => {
          if (!tenantId) return callback(smtpError(550, 'No such mailbox here'));
          const current = tenantOf.get(session.id);
          if (current && current !== tenantId) return callback(smtpError(452, 'One support desk per message; send again for this recipient'));
          tenantOf.set(session.id, tenantId);
          callback();
        })
        .catch((error: unknown) => {
          logger.error({ err: error }, 'inbound mail recipient lookup failed');
          callback(smtpError(451, 'Try again later'));
        });
    },
    onData(stream, session, callback) {
      const tenantId = tenantOf.get(session.id);
      readAll(stream)
        .then(async (raw) => {
          if (stream.sizeExceeded) return callback(smtpError(552, 'Message exceeds fixed maximum message size'));
          if (!tenantId) return callback(smtpError(503, 'No valid recipients'));
          const mail = await simpleParser(raw, { skipImageLinks: true });
          const result = await receiveEmail({ pool, email: options.email }, tenantId, inboundEmail(raw, mail, session));
          logger.info({ outcome: result.outcome, ticketId: 'ticketId' in result ? result.ticketId : undefined }, 'inbound email');
          options.onReceived(tenantId, result);
          callback();
        })
        .catch((error: unknown) => {
          logger.error({ err: error }, 'inbound email failed');
          callback(smtpError(451, 'Try again later'));
        });
    },
    onClose(session) {
      tenantOf.delete(session.id);
    },
  });
  server.on('error', (error) => logger.warn({ err: error }, 'inbound mail connection error'));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  logger.info({ port }, 'inbound mail listening');
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
