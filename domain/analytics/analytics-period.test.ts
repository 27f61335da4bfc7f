import { describe, expect, it } from '@jest/globals';
import { analyticsPeriod } from './analytics-period.js';

const NOW = new Date('2026-12-06T20:00:00Z');

describe('analyticsPeriod', () => {
  it('defaults to the last 30 days up to today, by day', () => {
    const period = analyticsPeriod({}, NOW);
    expect([period.from, period.to, period.unit, period.buckets.length]).toEqual(['2026-11-07', '2026-12-06', 'day', 30]);
    expect(period.startsAt.toISOString()).toBe('2026-11-07T00:00:00.000Z');
    expect(period.endsBefore.toISOString()).toBe('2026-12-07T00:00:00.000Z');
  });

  it('counts a long period by weeks from Monday, the first and last week cut to the period', () => {
    const period = analyticsPeriod({ from: '2026-09-02', to: '2026-12-06' }, NOW);
    expect(period.unit).toBe('week');
    expect(period.buckets[0]).toEqual({ key: '2026-08-31', start: '2026-09-02', end: '2026-09-06' });
    expect(period.buckets.at(-1)).toEqual({ key: '2026-11-30', start: '2026-11-30', end: '2026-12-06' });
  });

  it('takes a single day, and refuses a reversed or overlong period', () => {
    expect(analyticsPeriod({ from: '2026-12-01', to: '2026-12-01' }, NOW).buckets).toEqual([{ key: '2026-12-01', start: '2026-12-01', end: '2026-12-01' }]);
    expect(() => analyticsPeriod({ from: '2026-12-02', to: '2026-12-01' }, NOW)).toThrow('after');
    expect(() => analyticsPeriod({ from: '2024-01-01', to: '2026-12-01' }, NOW)).toThrow('at most');
  });
});
