import { afterAll, beforeAll } from '@jest/globals';
import { createTransport, type Transporter } from 'nodemailer';
import { useDemoPortico, type DemoPortico } from './demo-portico.js';
import { SmtpInbox } from './smtp-inbox.js';

export type DemoMailDesk = { readonly demo: DemoPortico; readonly inbox: SmtpInbox; readonly mailer: Transporter };

/**
 * For one test file: the demo Portico with its inbound mail listener on an ephemeral port, a nodemailer client that
 * writes to it, and a test SMTP server that catches the mail Portico sends (SMTP_URL).
 */
export function useDemoMailDesk(): DemoMailDesk {
  let inbox: SmtpInbox | undefined;
  let mailer: Transporter | undefined;
  beforeAll(async () => {
    inbox = await SmtpInbox.start();
  });
  afterAll(() => inbox?.close());
  const demo = useDemoPortico(() => ({ env: { SMTP_URL: inbox!.url, PORTICO_SMTP_PORT: '0' }, emailSweepMs: 50 }));
  beforeAll(() => {
    mailer = createTransport({ host: '127.0.0.1', port: demo.portico.smtpPort!, secure: false, ignoreTLS: true, logger: false });
  });
  afterAll(() => mailer?.close());
  return {
    demo,
    get inbox() {
      return inbox!;
    },
    get mailer() {
      return mailer!;
    },
  };
}
