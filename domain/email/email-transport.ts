/** One email as handed to the transport; the text may hold a password, so it is never logged. */
export type EmailMessage = {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  /** Threading headers, without angle brackets: a reply names `messageId`, which leads it back to its ticket. */
  messageId?: string;
  inReplyTo?: string;
  replyTo?: string;
  /** RFC 3834: what Portico sends is never a person's mail, so well-behaved auto-responders stay silent. */
  autoSubmitted: 'auto-generated' | 'auto-replied';
};

/**
 * Sends through the configured SMTP server. A failure throws an Error whose message says what the server or network
 * answered; it never holds the message's text or the server's credentials, so it may be stored and logged.
 */
export interface EmailSender {
  send(message: EmailMessage): Promise<void>;
}

/**
 * What a use case that queues an email needs to know: whether emails go out by SMTP or stay in the outbox (no
 * `SMTP_URL`), and how to ask for the queue to be worked at once rather than at the next round.
 */
export interface EmailDispatch {
  readonly transport: 'smtp' | 'outbox';
  wake(): void;
}
