import { describe, expect, it } from '@jest/globals';
import { SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  const box = new SecretBox('a key of at least thirty-two characters!');

  it('opens what it sealed, and each sealing differs', () => {
    const sealed = box.seal('pes_secret', 'embed:t1');
    expect(sealed).not.toContain('pes_secret');
    expect(box.seal('pes_secret', 'embed:t1')).not.toBe(sealed);
    expect(box.open(sealed, 'embed:t1')).toBe('pes_secret');
  });

  it('refuses another key, another context and an altered text', () => {
    const sealed = box.seal('pes_secret', 'embed:t1');
    expect(() => new SecretBox('another key of at least thirty-two chars').open(sealed, 'embed:t1')).toThrow();
    expect(() => box.open(sealed, 'embed:t2')).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('pes_secreT').toString('base64url');
    expect(() => box.open(parts.join('.'), 'embed:t1')).toThrow();
  });
});
