// email-reply-parser ships no TypeScript declarations. This states the one call the email channel uses.

declare module 'email-reply-parser' {
  export default class EmailReplyParser {
    /** The text a person wrote, without the quoted history and signature below it. */
    parseReply(text: string): string;
  }
}
