import { describe, expect, it } from '@jest/globals';
import { EMAIL_MAX_ATTEMPTS, retryDelaySeconds } from './deliver-due-emails.js';

describe('retryDelaySeconds', () => {
  it('waits four times longer after each failure, up to six hours, then gives up', () => {
    const policy = { firstRetrySeconds: 60 };
    expect([1, 2, 3, 4, 5].map((attempts) => retryDelaySeconds(attempts, policy))).toEqual([60, 240, 960, 3840, 15360]);
    expect(retryDelaySeconds(5, { firstRetrySeconds: 600 })).toBe(6 * 3600);
    expect(retryDelaySeconds(EMAIL_MAX_ATTEMPTS, policy)).toBeNull();
  });
});
