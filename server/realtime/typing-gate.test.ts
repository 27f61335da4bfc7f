import { TypingGate } from './typing-gate.js';

describe('TypingGate', () => {
  it('lets one typing event through per interval', () => {
    const gate = new TypingGate(2_000);
    expect([gate.allow(0), gate.allow(500), gate.allow(1_999), gate.allow(2_000), gate.allow(3_000), gate.allow(4_100)]).toEqual([
      true,
      false,
      false,
      true,
      false,
      true,
    ]);
  });
});
