import { describe, expect, it } from '@jest/globals';
import { lookUpCname, stateAfterCheck } from './cname-check.js';

const answering = (answer: string[] | string) => ({
  resolveCname: async () => {
    if (typeof answer === 'string') throw Object.assign(new Error(answer), { code: answer });
    return answer;
  },
});

describe('CNAME check', () => {
  it('matches the generated hostname whatever its case and trailing dot, and tells a missing record from no answer', async () => {
    expect(await lookUpCname(answering(['Demo.Portal.Example.']), 'help.example.com', 'demo.portal.example')).toEqual({ kind: 'match' });
    expect((await lookUpCname(answering(['other.example.']), 'help.example.com', 'demo.portal.example')).kind).toBe('mismatch');
    expect((await lookUpCname(answering('ENOTFOUND'), 'help.example.com', 'demo.portal.example')).kind).toBe('mismatch');
    expect((await lookUpCname(answering('ESERVFAIL'), 'help.example.com', 'demo.portal.example')).kind).toBe('unanswered');
  });

  it('fails a hostname still pending after a week, and never moves on an unanswered lookup', () => {
    const now = new Date('2026-12-10T00:00:00Z');
    const miss = { kind: 'mismatch', error: 'no record' } as const;
    expect(stateAfterCheck({ status: 'pending', misses: 4, created_at: new Date('2026-12-08T00:00:00Z') }, miss, now).status).toBe('pending');
    expect(stateAfterCheck({ status: 'pending', misses: 4, created_at: new Date('2026-12-01T00:00:00Z') }, miss, now).status).toBe('failed');
    expect(stateAfterCheck({ status: 'active', misses: 2, created_at: now }, { kind: 'unanswered', error: 'ETIMEOUT' }, now)).toEqual({
      status: 'active',
      misses: 2,
      error: 'ETIMEOUT',
    });
  });
});
