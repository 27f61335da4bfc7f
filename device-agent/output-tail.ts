// What the server keeps of a command's output: enough lines to explain a failure, bounded like the protocol's field.
export const TAIL_LINES = 20;
export const TAIL_CHARS = 4000;
// Installers can print megabytes; only this much is held in memory while they run.
const WINDOW_CHARS = 64 * 1024;

export const REDACTED = '********';

/** The end of a command's combined stdout and stderr, with secrets (a password on an argv) replaced. */
export class OutputTail {
  private text = '';

  constructor(private readonly secrets: readonly string[] = []) {}

  write(chunk: string): void {
    this.text += chunk;
    if (this.text.length > WINDOW_CHARS) {
      const cut = this.text.indexOf('\n', this.text.length - WINDOW_CHARS);
      this.text = cut === -1 ? this.text.slice(-WINDOW_CHARS) : this.text.slice(cut + 1);
    }
  }

  line(text: string): void {
    if (this.text !== '' && !this.text.endsWith('\n')) this.text += '\n';
    this.write(`${text}\n`);
  }

  toString(): string {
    const lines = redact(this.text.replace(/\r\n?/g, '\n'), this.secrets).trimEnd().split('\n');
    let tail = lines.slice(-TAIL_LINES).join('\n');
    if (tail.length > TAIL_CHARS) {
      tail = tail.slice(-TAIL_CHARS);
      // A partial line at the cut could hold a partial secret, so only whole lines are kept when there are any.
      const firstBreak = tail.indexOf('\n');
      if (firstBreak !== -1) tail = tail.slice(firstBreak + 1);
    }
    return tail;
  }
}

export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((result, secret) => (secret ? result.split(secret).join(REDACTED) : result), text);
}
