import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedEmail = {
  from: string;
  to: string[];
  subject: string;
  text: string;
  messageId?: string;
  inReplyTo?: string;
  replyTo?: string;
  headers: Map<string, unknown>;
};

/**
 * A real SMTP server on a loopback port that keeps what it receives, parsed. `refuse` decides per recipient whether its
 * RCPT TO is answered 550, so a test can make sends fail and watch them retried.
 */
export class SmtpInbox {
  readonly received: ReceivedEmail[] = [];
  readonly refusals: string[] = [];
  refuse: (recipient: string) => boolean = () => false;
  private server!: SMTPServer;
  port = 0;

  static async start(): Promise<SmtpInbox> {
    const inbox = new SmtpInbox();
    inbox.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (!inbox.refuse(address.address)) return callback();
        inbox.refusals.push(address.address);
        callback(Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 }));
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            inbox.received.push({
              from: mail.from?.text ?? '',
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              messageId: mail.messageId,
              inReplyTo: mail.inReplyTo,
              replyTo: mail.replyTo?.text,
              headers: mail.headers,
            });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => inbox.server.listen(0, '127.0.0.1', resolve));
    inbox.port = (inbox.server.server.address() as AddressInfo).port;
    return inbox;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The first email received for `address`, waiting up to `ms` for it. */
  async waitFor(address: string, ms = 15_000): Promise<ReceivedEmail> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.received.find((email) => email.to.includes(address));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no email for ${address} within ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
