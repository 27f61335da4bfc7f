import EmailReplyParser from 'email-reply-parser';

/** One received message as the email channel reads it, whatever parsed it. */
export type InboundEmail = {
  /** Without angle brackets; one is made up from the content when the sender gave none. */
  messageId: string;
  from: { address: string; name: string };
  /** Empty for the null sender `<>` of bounces. */
  envelopeFrom: string;
  subject: string;
  /** The plain text, or the HTML part turned into text when there is none. */
  text: string;
  inReplyTo: string[];
  references: string[];
  /** Lower-case header names, each with its first value. */
  headers: Record<string, string>;
  /** Every attached file as sent; what is kept is decided by the attachment policy, by content. */
  attachments: { filename: string; content: Buffer }[];
};

/**
 * Whether a message was sent by a machine rather than a person: an auto-reply, a bounce, a list or bulk mailing.
 * Such a message never opens a ticket and is never answered, so two auto-responders can never loop.
 */
export function isAutomaticEmail(email: Pick<InboundEmail, 'envelopeFrom' | 'headers' | 'from'>): boolean {
  const header = (name: string) => email.headers[name]?.trim().toLowerCase();
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted !== undefined && autoSubmitted !== 'no') return true;
  if (['bulk', 'junk', 'list', 'auto_reply'].includes(header('precedence') ?? '')) return true;
  if (email.envelopeFrom === '') return true;
  if (header('x-autoreply') !== undefined || header('x-autorespond') !== undefined) return true;
  if (header('x-auto-response-suppress')?.split(/[\s,]+/).some((value) => ['all', 'autoreply'].includes(value))) return true;
  if (header('list-id') !== undefined || header('list-unsubscribe') !== undefined) return true;
  return /^(mailer-daemon|postmaster|no-?reply)@/i.test(email.from.address);
}

const REFERENCE = /\[#(\d{1,9})\]/;

/** The ticket number a subject names as `[#1042]`, the form every notification's subject carries. */
export function ticketReference(subject: string): number | undefined {
  const match = REFERENCE.exec(subject);
  return match ? Number(match[1]) : undefined;
}

/** The subject as a ticket's title: without reply and forward prefixes in the five languages, nor a ticket reference. */
export function ticketTitle(subject: string): string {
  let title = subject.replace(REFERENCE, ' ').replace(/\s+/g, ' ').trim();
  for (;;) {
    const bare = title.replace(/^(re|aw|wg|fw|fwd|tr|rv|r|i|sv|antw|rif|enc)\s*(\[\d+\])?\s*:\s*/i, '');
    if (bare === title) break;
    title = bare;
  }
  return title.slice(0, 200);
}

/** What the sender wrote in this message, without the quoted history and signature of a reply. */
export function writtenText(text: string): string {
  const written = new EmailReplyParser().parseReply(text.replace(/\r\n/g, '\n')).trim();
  return written || text.trim();
}
