import { describe, expect, it } from '@jest/globals';
import { generateTemporaryPassword, TEMPORARY_PASSWORD_LENGTH } from './password.js';

describe('temporary passwords', () => {
  it('meet complexity rules without ambiguous or quoting-prone characters', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const password = generateTemporaryPassword();
      expect(password).toHaveLength(TEMPORARY_PASSWORD_LENGTH);
      expect(password).toMatch(/^[A-Za-z]/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[2-9]/);
      expect(password).toMatch(/[#+\-?@_]/);
      expect(password).not.toMatch(/[0O1lIo\s"'`&|<>^%!$;:,=()*\\/]/);
      seen.add(password);
    }
    expect(seen.size).toBe(500);
  });
});
