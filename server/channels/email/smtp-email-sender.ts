import { createTransport, type Transporter } from 'nodemailer';
import type { EmailMessage, EmailSender } from '../../../domain/email/email-transport.js';

/**
 * Sends through the server of `SMTP_URL` (smtp:// or smtps://, credentials and options in the URL as nodemailer reads
 * them). Timeouts are short enough that a send ends well within the delivery lease; nodemailer's own logger stays off,
 * since it would write the message, password included.
 */
export class SmtpEmailSender implements EmailSender {
  private readonly transport: Transporter;

  constructor(smtpUrl: string) {
    this.transport = createTransport({
      url: smtpUrl,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 45_000,
      logger: false,
      debug: false,
    });
  }

  async send(message: EmailMessage): Promise<void> {
    try {
      const bracket = (id: string | undefined) => (id ? `<${id}>` : undefined);
      await this.transport.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: bracket(message.messageId),
        inReplyTo: bracket(message.inReplyTo),
        references: bracket(message.inReplyTo),
        replyTo: message.replyTo,
        headers: { 'Auto-Submitted': message.autoSubmitted },
      });
    } catch (error) {
      // Only the first line: what the server or the network answered, never the envelope's content.
      const reason = error instanceof Error ? error.message.split('\n')[0] : 'unknown error';
      throw new Error(`SMTP send failed: ${reason}`, { cause: error });
    }
  }

  close(): void {
    this.transport.close();
  }
}
