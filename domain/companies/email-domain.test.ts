import { describe, expect, it } from '@jest/globals';
import { normalizeEmailDomain } from './email-domain.js';

describe('normalizeEmailDomain', () => {
  it.each([
    ['acmedental.example', 'acmedental.example'],
    ['  AcmeDental.Example ', 'acmedental.example'],
    ['https://acmedental.example/', 'acmedental.example'],
    ['@acmedental.example', 'acmedental.example'],
    ['mail.acme-dental.co.uk.', 'mail.acme-dental.co.uk'],
    ['MÜNCHEN.de', 'münchen.de'],
    ['xn--mnchen-3ya.de', 'münchen.de'],
    ['例え.テスト', '例え.テスト'],
  ])('%s is %s', (input, expected) => {
    expect(normalizeEmailDomain(input)).toBe(expected);
  });

  it.each(['', 'localhost', 'acme', '-acme.example', 'acme-.example', 'acme..example', '10.0.0.1', 'acme.example:25', 'acme.example/path', 'tom@acme.example', '*.acme.example', 'acme example.com', `${'a'.repeat(64)}.example`])(
    'refuses %p',
    (input) => {
      expect(normalizeEmailDomain(input)).toBeUndefined();
    },
  );
});
