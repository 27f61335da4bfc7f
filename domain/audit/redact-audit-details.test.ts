import { describe, expect, it } from '@jest/globals';
import { REDACTED, redactAuditDetails } from './redact-audit-details.js';

describe('redactAuditDetails', () => {
  it('hides the value under any secret-looking key, at any depth', () => {
    expect(
      redactAuditDetails({
        username: 'anna',
        password: 'hunter2',
        patch: { embed: { secret: 'abc', allowedOrigins: ['https://intranet.example'] }, slack: { botToken: 'xoxb-1', signingSecret: 's' } },
        attempts: [{ code: '123456', reason: 'invalid_code' }],
        apiKey: 'sk-1',
        newPasswordHash: 'scrypt$…',
      }),
    ).toEqual({
      username: 'anna',
      password: REDACTED,
      patch: { embed: { secret: REDACTED, allowedOrigins: ['https://intranet.example'] }, slack: { botToken: REDACTED, signingSecret: REDACTED } },
      attempts: [{ code: REDACTED, reason: 'invalid_code' }],
      apiKey: REDACTED,
      newPasswordHash: REDACTED,
    });
  });

  it('leaves ordinary keys and ids alone, even those that contain the words', () => {
    const details = { passed: true, sessionsEnded: 2, enrollmentTokenId: 'e1f0', phoneEnding: '56', codeSent: true, reason: 'invalid_code' };
    expect(redactAuditDetails(details)).toEqual(details);
  });

  it("keeps the shape of a secret's edit, each side hidden, by the last part of its dotted path too", () => {
    expect(
      redactAuditDetails({
        changes: {
          'embed.secret': { from: 'old-secret', to: 'new-secret' },
          'smtp.password': { from: null, to: 'hunter2' },
          'branding.name': { from: 'Acme', to: 'Acme IT' },
        },
      }),
    ).toEqual({
      changes: {
        'embed.secret': { from: REDACTED, to: REDACTED },
        'smtp.password': { from: REDACTED, to: REDACTED },
        'branding.name': { from: 'Acme', to: 'Acme IT' },
      },
    });
  });
});
