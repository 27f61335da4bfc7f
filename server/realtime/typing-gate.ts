/** Typing indicators relayed at most once per interval per window: enough to keep "is typing…" shown, never a flood. */
export const TYPING_INTERVAL_MS = 2_000;

export class TypingGate {
  private last = Number.NEGATIVE_INFINITY;

  constructor(private readonly intervalMs = TYPING_INTERVAL_MS) {}

  allow(now = Date.now()): boolean {
    if (now - this.last < this.intervalMs) return false;
    this.last = now;
    return true;
  }
}
