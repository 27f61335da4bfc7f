const OPENERS = new Set(['[', '(', '<']);
const CLOSERS = new Map([
  [']', '['],
  [')', '('],
  ['>', '<'],
]);

/**
 * How much of `buffer` can be sent now without cutting through a construct a cleaning pass must see whole: the text up
 * to the last whitespace outside brackets (a link, an autolink or a tag, and a bare address, are whole by then), and
 * never into what might be the start of one of `held` (a secret still being written).
 */
function readyLength(buffer: string, held: readonly string[]): number {
  let limit = buffer.length;
  for (const value of held) {
    for (let k = Math.min(value.length - 1, buffer.length); k > 0; k -= 1) {
      if (buffer.endsWith(value.slice(0, k))) {
        limit = Math.min(limit, buffer.length - k);
        break;
      }
    }
  }
  let ready = 0;
  let open = 0;
  for (let i = 0; i < limit; i += 1) {
    const char = buffer[i]!;
    if (char === '\\') {
      i += 1;
      continue;
    }
    if (char === '\n') open = 0;
    else if (OPENERS.has(char)) open += 1;
    else if (CLOSERS.has(char) && open > 0) open -= 1;
    if (/\s/.test(char) && open === 0) ready = i + 1;
  }
  return ready;
}

export type GuardedStream = { push(delta: string): void; end(): void };

/**
 * A stream of text passed through `clean` piece by piece, each piece cut where cleaning it alone gives what cleaning the
 * whole would: at whitespace outside brackets, and never inside a value of `held`. Text waits only as long as a word or
 * a bracketed construct is unfinished.
 */
export function guardedStream(clean: (text: string) => string, held: readonly string[], emit: (text: string) => void): GuardedStream {
  let buffer = '';
  const send = (text: string) => {
    if (text) emit(clean(text));
  };
  return {
    push(delta) {
      buffer += delta;
      const ready = readyLength(buffer, held);
      send(buffer.slice(0, ready));
      buffer = buffer.slice(ready);
    },
    end() {
      send(buffer);
      buffer = '';
    },
  };
}
