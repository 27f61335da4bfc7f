import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { resolveMailTenant } from '../../../domain/email/resolve-mail-tenant.js';
import { deliverInboundEmail, MAX_MESSAGE_BYTES, parseInboundEmail, type InboundMailDeps } from './inbound-message.js';

const MAX_RECIPIENTS = 20;

export type InboundMailOptions = InboundMailDeps & { port: number; host?: string };

export type InboundMail = { port: number; close(): Promise<void> };

const smtpError = (responseCode: number, message: string) => Object.assign(new Error(message), { responseCode });

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
 * a forwarding rule; a message over `MAX_MESSAGE_BYTES` is refused with 552 at DATA (and at MAIL FROM when the sender
 * declares its SIZE). Recipients that no tenant answers for are refused at RCPT TO (550), so it relays nothing; the
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
          const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          await deliverInboundEmail(options, tenantId, await parseInboundEmail(raw, envelopeFrom), 'smtp');
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
