export type PacedStream = { push(text: string): void; flush(): void };

/**
 * Text passed on at most once every `intervalMs`: the first piece at once, so an answer starts showing without delay,
 * then whatever arrived meanwhile as one piece. A model that streams a hundred tokens a second costs every open window
 * of the user a frame per interval instead of a frame per token. `flush` passes on what waits, at once.
 */
export function pacedStream(emit: (text: string) => void, intervalMs: number): PacedStream {
  let waiting = '';
  let timer: NodeJS.Timeout | undefined;
  let sentAt = Number.NEGATIVE_INFINITY;
  const send = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!waiting) return;
    const text = waiting;
    waiting = '';
    sentAt = performance.now();
    emit(text);
  };
  return {
    push(text) {
      waiting += text;
      if (timer) return;
      const wait = sentAt + intervalMs - performance.now();
      if (wait <= 0) send();
      else timer = setTimeout(send, wait);
    },
    flush: send,
  };
}
