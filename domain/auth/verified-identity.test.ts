import { describe, expect, it } from '@jest/globals';
import { identitySignature } from './verified-identity.js';

describe('identitySignature', () => {
  it('is the hex HMAC-SHA256, keyed with the secret as shown, of email:expires (as `openssl dgst -sha256 -hmac` computes it)', () => {
    expect(identitySignature('pes_example-secret', 'tom.baker@acmedental.example', 1767225600)).toBe(
      '6fe9bb5c534ce6f5f0121f81d3a249fe6d5b5f7a27a8b7a48582171e3baedf20',
    );
  });
});
