import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { pacedStream } from './paced-stream.js';

describe('pacedStream', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('passes the first piece on at once and what follows within the interval as one piece after it', () => {
    const out: string[] = [];
    const stream = pacedStream((text) => out.push(text), 50);
    stream.push('Restart ');
    expect(out).toEqual(['Restart ']);
    stream.push('your ');
    stream.push('laptop ');
    expect(out).toEqual(['Restart ']);
    jest.advanceTimersByTime(50);
    expect(out).toEqual(['Restart ', 'your laptop ']);
  });

  it('passes a piece on at once when the interval has passed since the last', () => {
    const out: string[] = [];
    const stream = pacedStream((text) => out.push(text), 50);
    stream.push('one ');
    jest.advanceTimersByTime(80);
    stream.push('two ');
    expect(out).toEqual(['one ', 'two ']);
  });

  it('flushes what waits at once, and nothing more comes from the timer after it', () => {
    const out: string[] = [];
    const stream = pacedStream((text) => out.push(text), 50);
    stream.push('a ');
    stream.push('b ');
    stream.flush();
    expect(out).toEqual(['a ', 'b ']);
    jest.advanceTimersByTime(200);
    stream.flush();
    expect(out).toEqual(['a ', 'b ']);
  });
});
