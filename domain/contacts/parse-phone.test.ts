import { AppError } from '../errors.js';
import { parseMobilePhone } from './parse-phone.js';

function refusal(input: string): AppError {
  try {
    parseMobilePhone(input);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(input)}`);
}

describe('parseMobilePhone', () => {
  it.each([
    ['+39 333 123 4567', '+393331234567'],
    ['0039 333 123 4567', '+393331234567'],
    ['+39.333.123.4567', '+393331234567'],
    ['  +39-333-123-4567  ', '+393331234567'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['0033 7 81 23 45 67', '+33781234567'],
    ['+49 151 23456789', '+4915123456789'],
    ['+49 (0)151 2345 6789', '+4915123456789'],
    ['+34 612 34 56 78', '+34612345678'],
    ['+44 7400 123456', '+447400123456'],
    ['+44 (0)7911 123456', '+447911123456'],
    ['+1 (415) 555-0100', '+14155550100'],
    ['+1.201.555.0123', '+12015550123'],
    ['+39\u00a0312\u00a0345\u00a06789', '+393123456789'],
  ])('reads %j as %s', (input, e164) => {
    expect(parseMobilePhone(input)).toBe(e164);
  });

  it.each([
    ['+39 06 1234 5678', 'FIXED_LINE'],
    ['+33 1 42 68 53 00', 'FIXED_LINE'],
    ['+49 30 123456', 'FIXED_LINE'],
    ['+34 912 345 678', 'FIXED_LINE'],
    ['+44 20 7946 0958', 'FIXED_LINE'],
    ['+44 800 123 4567', 'TOLL_FREE'],
    ['+1 800 555 0199', 'TOLL_FREE'],
    ['+39 899 123456', 'PREMIUM_RATE'],
    ['+1 900 555 0199', 'PREMIUM_RATE'],
  ])('refuses %j, a number that cannot receive a text (%s)', (input, type) => {
    const error = refusal(input);
    expect(error.code).toBe('invalid_phone');
    expect(error.message).toContain(type);
  });

  it.each([
    ['333 123 4567', 'without country code'],
    ['(415) 555-0100', 'without country code'],
    ['+39 333', 'not a valid'],
    ['+44 7400 123456 7', 'not a valid'],
    ['+39 0333 123 4567', 'not a valid'],
    ['+999 123 456 789', 'not a valid'],
    ['++39 333 123 4567', 'not written as'],
    ['+39 333 123 4567 ext 5', 'not written as'],
    ['+39 333 123 4567 / 8', 'not written as'],
    ['call +39 333 123 4567', 'not written as'],
    ['+39 333 123 4567 🙂', 'not written as'],
    ['', 'not written as'],
    ['+', 'not written as'],
    [`+39 333 123 4567${' '.repeat(30)}0`, 'too long'],
  ])('refuses %j (%s)', (input, reason) => {
    const error = refusal(input);
    expect(error.code).toBe('invalid_phone');
    expect(error.status).toBe(400);
    expect(error.message).toContain(reason);
  });

  it('refuses a long input before parsing it', () => {
    expect(refusal('+'.padEnd(100_000, '3')).message).toContain('too long');
  });

  it('keeps the number out of its internal messages, which may be logged', () => {
    expect(refusal('+39 06 1234 5678').message).not.toMatch(/\d{4}/);
  });
});
